// Rebuilding every card of a board from its event log alone. If each committed change wrote its
// event in the same batch (db/cards.ts), the board equals this replay, whatever the concurrency:
// a lost update, a half-written move or a write without an event shows as a difference. Each
// event's `before` must also match the card as the replay has it at that point, so two writers
// that both started from the same version cannot both be in the log.
import { canonicalJson } from './event-chain';
import { checklistCounts } from './board-card';

/** The card fields the log records. */
export const REPLAYED_FIELDS = [
  'measureId',
  'stepNumber',
  'title',
  'details',
  'leadGroupId',
  'groupIds',
  'allGroups',
  'checklist',
  'columnId',
  'orderKey',
  'dueOn',
  'version',
] as const;
export type ReplayedField = (typeof REPLAYED_FIELDS)[number];
export type ReplayedCard = { id: string } & Record<ReplayedField, unknown>;

export interface LoggedEvent {
  seq: number;
  cardId: string | null;
  kind: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface Replay {
  cards: Map<string, ReplayedCard>;
  /** Inconsistencies found while replaying (empty for a sound log). */
  problems: string[];
  /** Events of kinds that change no card field, by kind (evidence, comments). */
  passive: Record<string, number>;
  /** Kinds this replay does not know; a caller comparing cards should treat them as a failure. */
  unknownKinds: string[];
}

/** Kinds that hang something off a card without changing the card row (db/card-details.ts). */
const PASSIVE_KINDS = new Set(['evidence.added', 'evidence.removed', 'evidence.publication', 'evidence.recoded', 'comment.added']);

/** A card unlinked from its parent body's template step (issue 19): only its version changes. */
const TEMPLATE_UNLINKED = 'card.template_removed';

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/** Replays events given in seq order. */
export function replayCardEvents(events: readonly LoggedEvent[]): Replay {
  const cards = new Map<string, ReplayedCard>();
  const problems: string[] = [];
  const passive: Record<string, number> = {};
  const unknown = new Set<string>();
  let expectedSeq = events[0]?.seq ?? 1;
  for (const e of events) {
    if (e.seq !== expectedSeq) problems.push(`seq ${e.seq} where ${expectedSeq} was expected`);
    expectedSeq = e.seq + 1;
    const card = e.cardId ? cards.get(e.cardId) : undefined;
    const where = `seq ${e.seq} (${e.kind} ${e.cardId})`;
    if (e.kind === 'card.created') {
      if (!e.cardId || card) problems.push(`${where}: created twice or without a card id`);
      else cards.set(e.cardId, { id: e.cardId, ...pick(e.after ?? {}) } as ReplayedCard);
      continue;
    }
    if (PASSIVE_KINDS.has(e.kind)) {
      passive[e.kind] = (passive[e.kind] ?? 0) + 1;
      if (!card) problems.push(`${where}: card unknown`);
      continue;
    }
    if (e.kind === TEMPLATE_UNLINKED) {
      // A template step's removal accepted (db/templates.ts applyDecisions): the card leaves the
      // template (templateStepId, not a replayed field) and its version advances; nothing else.
      if (!card) problems.push(`${where}: card unknown`);
      else card.version = (card.version as number) + 1;
      continue;
    }
    if (e.kind !== 'card.moved' && e.kind !== 'card.edited') {
      unknown.add(e.kind);
      continue;
    }
    if (!card) {
      problems.push(`${where}: card unknown`);
      continue;
    }
    // The change must start from the card as it was: otherwise some other change is missing.
    for (const [field, value] of Object.entries(e.before ?? {})) {
      if (!same(card[field as ReplayedField], value)) problems.push(`${where}: before.${field} is not the card's ${field}`);
    }
    const after = pick(e.after ?? {});
    const nextVersion = (card.version as number) + 1;
    if (e.kind === 'card.moved' && after.version !== nextVersion) problems.push(`${where}: version ${String(after.version)} after ${String(card.version)}`);
    Object.assign(card, after, { version: nextVersion });
  }
  return { cards, problems, passive, unknownKinds: [...unknown] };
}

function pick(values: Record<string, unknown>): Partial<Record<ReplayedField, unknown>> {
  const out: Partial<Record<ReplayedField, unknown>> = {};
  for (const field of REPLAYED_FIELDS) if (field in values) out[field] = values[field];
  return out;
}

/** Differences between the cards as stored (or served) and as replayed; empty when they agree. */
export function compareWithReplay(stored: readonly ({ id: string } & Partial<Record<ReplayedField, unknown>>)[], replay: Replay): string[] {
  const diffs: string[] = [];
  const seen = new Set<string>();
  for (const card of stored) {
    seen.add(card.id);
    const replayed = replay.cards.get(card.id);
    if (!replayed) {
      diffs.push(`card ${card.id}: on the board, not in the log`);
      continue;
    }
    for (const field of REPLAYED_FIELDS) {
      // A card of the board answer carries no details and its checklist as counts (issue 16,
      // domain/board-card.ts); a card row carries every field.
      if (!(field in card)) continue;
      const logged = field === 'checklist' && !Array.isArray(card.checklist) && Array.isArray(replayed.checklist) ? checklistCounts(replayed.checklist as { done: boolean }[]) : replayed[field];
      if (!same(card[field], logged)) {
        diffs.push(`card ${card.id}.${field}: board ${canonicalJson(card[field])}, log ${canonicalJson(logged)}`);
      }
    }
  }
  for (const id of replay.cards.keys()) if (!seen.has(id)) diffs.push(`card ${id}: in the log, not on the board`);
  return diffs;
}

// ---- Evidence links, replayed too ----

/** An evidence link as its events describe it. */
export interface ReplayedEvidence {
  id: string;
  cardId: string;
  url: unknown;
  note: unknown;
  oitCode: unknown;
  linkPublished: boolean;
  notePublished: boolean;
  /** The uploaded file the evidence is (evidence files), null for a web link. */
  fileId: unknown;
}

export const REPLAYED_EVIDENCE_FIELDS = ['cardId', 'url', 'note', 'oitCode', 'linkPublished', 'notePublished', 'fileId'] as const;

/**
 * The evidence links that exist after the events (given in seq order): 'evidence.added' creates
 * one (link published, note not, unless the event says otherwise), 'evidence.publication' changes
 * its flags, 'evidence.recoded' its OIT code (a year moved onto another catalogue, db/catalogues.ts),
 * 'evidence.removed' deletes it.
 */
export function replayEvidence(events: readonly LoggedEvent[]): Map<string, ReplayedEvidence> {
  const links = new Map<string, ReplayedEvidence>();
  for (const e of events) {
    if (e.kind === 'evidence.added' && e.after && typeof e.after.evidenceId === 'string' && e.cardId) {
      const a = e.after;
      links.set(a.evidenceId as string, {
        id: a.evidenceId as string,
        cardId: e.cardId,
        url: a.url,
        note: a.note,
        oitCode: a.oitCode ?? null,
        linkPublished: typeof a.linkPublished === 'boolean' ? a.linkPublished : true,
        notePublished: typeof a.notePublished === 'boolean' ? a.notePublished : false,
        fileId: a.fileId ?? null,
      });
    } else if (e.kind === 'evidence.publication' && e.after && typeof e.after.evidenceId === 'string') {
      const link = links.get(e.after.evidenceId);
      if (!link) continue;
      if (typeof e.after.linkPublished === 'boolean') link.linkPublished = e.after.linkPublished;
      if (typeof e.after.notePublished === 'boolean') link.notePublished = e.after.notePublished;
    } else if (e.kind === 'evidence.recoded' && e.after && typeof e.after.evidenceId === 'string') {
      const link = links.get(e.after.evidenceId);
      if (link) link.oitCode = e.after.oitCode ?? null;
    } else if (e.kind === 'evidence.removed' && e.before && typeof e.before.evidenceId === 'string') {
      links.delete(e.before.evidenceId);
    }
  }
  return links;
}

/** Differences between the evidence links as stored and as replayed; empty when they agree. */
export function compareEvidenceWithReplay(
  stored: readonly ({ id: string } & Partial<Record<(typeof REPLAYED_EVIDENCE_FIELDS)[number], unknown>>)[],
  replayed: ReadonlyMap<string, ReplayedEvidence>,
): string[] {
  const diffs: string[] = [];
  const seen = new Set<string>();
  for (const link of stored) {
    seen.add(link.id);
    const r = replayed.get(link.id);
    if (!r) {
      diffs.push(`evidence ${link.id} (card ${String(link.cardId)}): on the board, not in the log`);
      continue;
    }
    for (const field of REPLAYED_EVIDENCE_FIELDS) {
      if (!same(link[field], r[field])) diffs.push(`evidence ${link.id} (card ${r.cardId}).${field}: board ${canonicalJson(link[field])}, log ${canonicalJson(r[field])}`);
    }
  }
  for (const [id, r] of replayed) if (!seen.has(id)) diffs.push(`evidence ${id} (card ${r.cardId}): in the log, not on the board`);
  return diffs;
}

/** The verdict on a fiscal year's board against its log (Administration → Integrity, restore). */
export interface BoardVerdict {
  ok: boolean;
  cardsChecked: number;
  evidenceChecked: number;
  /** Every difference and log inconsistency, first ones first (at most 50). */
  differences: string[];
  /** The first card that differs, named so a person can find it (its step, its title); null when none does. */
  firstCard: { id: string; title: string | null; measureId: string | null; stepNumber: number | null; measureNumber?: number | null } | null;
}

type StoredCard = { id: string; title?: unknown } & Partial<Record<ReplayedField, unknown>>;

/** Replays a year's events and compares the result with its stored cards and evidence links. */
export function verifyBoard(
  events: readonly LoggedEvent[],
  cards: readonly StoredCard[],
  evidence: readonly ({ id: string } & Partial<Record<(typeof REPLAYED_EVIDENCE_FIELDS)[number], unknown>>)[],
): BoardVerdict {
  const replay = replayCardEvents(events);
  const differences = [
    ...replay.problems,
    ...replay.unknownKinds.map((k) => `events of a kind the replay does not know: ${k}`),
    ...compareWithReplay(cards, replay),
    ...compareEvidenceWithReplay(evidence, replayEvidence(events)),
  ];
  const firstId = differences.map((d) => /card ([^\s.):]+)/.exec(d)?.[1]).find((id) => id !== undefined) ?? null;
  const stored = firstId ? cards.find((c) => c.id === firstId) : undefined;
  const replayed = firstId ? replay.cards.get(firstId) : undefined;
  const firstTitle = stored?.title ?? replayed?.title ?? null;
  const measureId = stored?.measureId ?? replayed?.measureId ?? null;
  const stepNumber = stored?.stepNumber ?? replayed?.stepNumber ?? null;
  return {
    ok: differences.length === 0,
    cardsChecked: cards.length,
    evidenceChecked: evidence.length,
    differences: differences.slice(0, 50),
    firstCard: firstId
      ? {
          id: firstId,
          title: typeof firstTitle === 'string' ? firstTitle : null,
          measureId: typeof measureId === 'string' ? measureId : null,
          stepNumber: typeof stepNumber === 'number' ? stepNumber : null,
        }
      : null,
  };
}
