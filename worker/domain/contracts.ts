// The shapes the API returns, shared by the worker and (as types only) the web app.
// Request bodies are declared once, as zod schemas, in ./schemas/ (their types are z.infer of
// them); these are the answers.

/** The roles a member of an office has (declared once: the schema's columns use these too). */
/** 'oversight': a parent body's user who reads every descendant office and changes nothing (issue 19). */
export const ROLES = ['admin', 'executive', 'director', 'staff', 'oversight'] as const;
export type Role = (typeof ROLES)[number];

/** An office has boards; a parent body oversees its descendant offices and publishes templates. */
export const ORG_KINDS = ['office', 'parent'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

/** What a column means for progress, whatever its label: reports count 'done' as complete. */
export const COLUMN_CATEGORIES = ['todo', 'doing', 'review', 'done'] as const;
export type ColumnCategory = (typeof COLUMN_CATEGORIES)[number];

/** Every error the API returns has this body, with a stable `code`. */
export interface ApiErrorBody {
  error: { code: string; messageTh: string; messageEn: string; details?: unknown };
}

export interface Me {
  user: { id: string; email: string; displayName: string };
  org: { id: string; slug: string; nameTh: string; nameEn: string; kind: OrgKind };
  role: Role;
  groupId: string | null;
  /** A parent body's user reading this descendant office, read-only: the parent body's id (issue 19). */
  via?: string;
  /** Signed in with a temporary password: nothing but changing it until it is changed. */
  mustChangePassword?: boolean;
}

export interface FiscalYearView {
  id: string;
  beYear: number;
  titleTh: string;
  startsOn: string;
  endsOn: string;
  /** Set while the year is archived: read-only, off the default menus. */
  archivedAt: number | null;
}

export interface ColumnView {
  id: string;
  key: string;
  labelTh: string;
  labelEn: string;
  category: ColumnCategory;
  position: number;
  wipLimit: number | null;
}

export interface GroupView {
  id: string;
  nameTh: string;
  nameEn: string;
}

export interface MeasureView {
  id: string;
  section: string;
  number: number;
  title: string;
  responsibleText: string;
  leadGroupId: string | null;
  allGroups: boolean;
  monitoring: string[];
}

/** One item of a card's monitoring checklist (generated from the measure's monitoring requirements; editable). */
export interface ChecklistItemView {
  id: string;
  text: string;
  done: boolean;
}

/**
 * A card as the board draws it and its filters need it (GET /api/boards/:beYear, live `card`
 * messages, the answers of a move or an edit): no details, no checklist texts (the drawer loads
 * those: CardFull). Serialised by one pure function, domain/board-card.ts boardCardOf.
 */
export interface CardView {
  id: string;
  measureId: string;
  stepNumber: number;
  title: string;
  leadGroupId: string | null;
  /** Participating groups besides the lead group. */
  groupIds: string[];
  allGroups: boolean;
  columnId: string;
  orderKey: string;
  dueOn: string | null;
  /** How many items of the monitoring checklist are ticked, of how many. */
  checklist: { done: number; total: number };
  version: number;
  /** Whether the signed-in user may move and edit this card (the server checks again). */
  editable: boolean;
}

/** A card whole, as its drawer shows it (GET /api/cards/:id): the board's card plus its details and checklist. */
export interface CardFull extends Omit<CardView, 'checklist'> {
  details: string;
  checklist: ChecklistItemView[];
}

export interface BoardView {
  fiscalYear: FiscalYearView;
  columns: ColumnView[];
  groups: GroupView[];
  measures: MeasureView[];
  /** Sorted by column position, then order key. */
  cards: CardView[];
  /** Head of the year's event log when this was read (0: no events yet): what the cards include. */
  seq: number;
}

/** GET /api/boards/:beYear/search?q= : the cards of the year whose title, details or a checklist item match. */
export interface BoardSearchResponse {
  cardIds: string[];
}

/** 409 body: the error plus the card as the server has it now. */
export interface ConflictBody extends ApiErrorBody {
  card: CardView;
}

/**
 * GET /api/boards/:beYear/changes?since=N: every card changed after seq N, as the reader sees it
 * (in no particular order), up to `seq`; or `reload` when the server does not remember that far
 * back (or something other than a card changed since): then the client loads the board.
 */
export type BoardChanges = { seq: number; cards: CardView[] } | { reload: true; seq: number };

/** GET and PUT /api/admin/main-website: the office's main website, a domain (domain/link-health.ts); null: not set. */
export interface MainWebsiteView {
  mainWebsite: string | null;
}

/** GET and PUT /api/admin/done-rule: the office's switch of the done rule (domain/done-rule.ts). */
export interface DoneRuleView {
  doneNeedsEvidence: boolean;
}
