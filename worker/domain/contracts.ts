// The shapes the API returns, shared by the worker and (as types only) the web app.
// Request bodies are declared once, as zod schemas, in ./schemas/ (their types are z.infer of
// them); these are the answers.

/** The roles a member of an office has (declared once: the schema's columns use these too). */
export const ROLES = ['admin', 'executive', 'director', 'staff'] as const;
export type Role = (typeof ROLES)[number];

/** What a column means for progress, whatever its label: reports count 'done' as complete. */
export const COLUMN_CATEGORIES = ['todo', 'doing', 'review', 'done'] as const;
export type ColumnCategory = (typeof COLUMN_CATEGORIES)[number];

/** Every error the API returns has this body, with a stable `code`. */
export interface ApiErrorBody {
  error: { code: string; messageTh: string; messageEn: string; details?: unknown };
}

export interface Me {
  user: { id: string; email: string; displayName: string };
  org: { id: string; slug: string; nameTh: string; nameEn: string };
  role: Role;
  groupId: string | null;
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

export interface CardView {
  id: string;
  measureId: string;
  stepNumber: number;
  title: string;
  details: string;
  leadGroupId: string | null;
  /** Participating groups besides the lead group. */
  groupIds: string[];
  allGroups: boolean;
  columnId: string;
  orderKey: string;
  dueOn: string | null;
  /** Monitoring checklist (generated from the measure's monitoring requirements; editable). */
  checklist: { id: string; text: string; done: boolean }[];
  version: number;
  updatedAt: number;
  /** Whether the signed-in user may move and edit this card (the server checks again). */
  editable: boolean;
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
