// The shapes of the card-details and live-updates API, shared by the worker and (as types only)
// the web app. Request bodies are zod schemas in ./schemas/cards.ts; these are answers.
import type { EvidenceHealth } from './link-health';
import type { CardFull, CardView } from './contracts';

export interface PersonRef {
  id: string;
  displayName: string;
  /** An administrator removed them from the office: the name stays on the history, marked. */
  removed?: true;
}

export interface EvidenceView {
  id: string;
  url: string;
  note: string;
  /** The OIT item (of the card's fiscal year) this link answers, e.g. 'O12'. */
  oitCode: string | null;
  /** Null when the account no longer exists. */
  addedBy: PersonRef | null;
  createdAt: number;
  /** Whether the signed-in user may remove it (the server checks again). */
  canDelete: boolean;
  /** The link appears on the public page of a published year (on by default). */
  linkPublished: boolean;
  /** Its note appears there too (off by default). */
  notePublished: boolean;
  /** Whether the signed-in user may change the two flags above (the server checks again). */
  canPublish: boolean;
  /** The uploaded file this evidence is (url: its address, /files/<office>/<id>/<name>); null for a web link. */
  file: EvidenceFileView | null;
  /** What the daily link check last found (checkedAt null: not yet; flags then from the address alone). */
  health: Omit<EvidenceHealth, 'id' | 'cardId' | 'url'>;
}

/** POST /api/cards/:id/files: the evidence the uploaded file became. */
export interface FileUploadResponse {
  evidence: EvidenceView;
}

/** An evidence file as the drawer lists it: its type decided from its content. */
export interface EvidenceFileView {
  id: string;
  name: string;
  contentType: string;
  size: number;
}

export interface CommentView {
  id: string;
  body: string;
  author: PersonRef | null;
  createdAt: number;
}

export type TimelineKind = 'card.created' | 'card.moved' | 'card.edited' | 'evidence.added' | 'evidence.removed' | 'evidence.publication' | 'evidence.recoded' | 'comment.added';

export interface TimelineEntry {
  seq: number;
  /** One of TimelineKind; typed as string so older or newer kinds still arrive. */
  kind: string;
  at: number;
  actor: PersonRef | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** GET /api/cards/:id */
export interface CardDetailsResponse {
  /** The whole card: details and the checklist's items (the board carries only their counts). */
  card: CardFull;
  /** Whether the signed-in user may add evidence and comments. */
  canContribute: boolean;
  /** Oldest first. */
  evidence: EvidenceView[];
  /** Oldest first. */
  comments: CommentView[];
  /** Newest first. */
  timeline: TimelineEntry[];
}

export interface OitItemView {
  id: string;
  code: string;
  titleTh: string;
  titleEn: string;
  subIndicator: string;
}

/** A card as broadcast to everyone on the board: each client keeps its own `editable`. */
export type LiveCard = Omit<CardView, 'editable'>;

/** Server → client messages on GET /api/boards/:beYear/live. */
export type LiveServerMessage =
  /** On connect: the board's event head. A client that has applied less refetches the board. */
  | { type: 'hello'; seq: number }
  /** After every committed change to one card. */
  | { type: 'card'; seq: number; kind: string; card: LiveCard }
  /** Reload the whole board (bulk changes, or messages that arrived out of order). */
  | { type: 'resync'; seq: number }
  | { type: 'pong' };

/** Client → server messages. */
export type LiveClientMessage = { type: 'ping' };

/** Close code of a live socket whose session has ended (signed out, here or in another tab). */
export const SIGNED_OUT_CLOSE = 4401;
