// The card event log is a hash chain per fiscal year: each event's hash covers its own content and
// the previous event's hash, and `seq` runs 1, 2, 3… without gaps. Altering any stored field of an
// event changes its hash; removing an event leaves a gap in `seq` and breaks the next link.
import { sha256Hex } from './crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedEventContent {
  id: string;
  orgId: string;
  fiscalYearId: string;
  seq: number;
  cardId: string | null;
  actorUserId: string | null;
  kind: string;
  before: unknown;
  after: unknown;
  at: number;
}

/** JSON with object keys sorted at every depth, so the hash does not depend on key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function eventHash(prevHash: string, e: ChainedEventContent): Promise<string> {
  const content = canonicalJson({
    id: e.id,
    orgId: e.orgId,
    fiscalYearId: e.fiscalYearId,
    seq: e.seq,
    cardId: e.cardId,
    actorUserId: e.actorUserId,
    kind: e.kind,
    before: e.before,
    after: e.after,
    at: e.at,
  });
  return sha256Hex(`${prevHash}\n${content}`);
}

export type ChainProblem =
  | { kind: 'altered'; seq: number; eventId: string }
  | { kind: 'missing'; afterSeq: number; expectedSeq: number; foundSeq: number }
  | { kind: 'link-broken'; seq: number; eventId: string }
  /** A kept report recorded the chain head as (seq, hash); the log no longer has it. */
  | { kind: 'anchor-mismatch'; seq: number; anchor: string };

/** Chain heads recorded outside the log (in compiled reports): they catch a truncated tail. */
export interface ChainAnchor {
  seq: number;
  hash: string;
  /** What recorded it, e.g. a report's period key. */
  label: string;
}

export interface ChainVerdict {
  ok: boolean;
  eventsChecked: number;
  problems: ChainProblem[];
}

/** Checks events given in `seq` order. Reports every problem, not just the first. */
export async function verifyChain(
  events: readonly (ChainedEventContent & { prevHash: string; hash: string })[],
  anchors: readonly ChainAnchor[] = [],
): Promise<ChainVerdict> {
  const problems: ChainProblem[] = [];
  let expectedPrev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const e of events) {
    if (e.seq !== expectedSeq) {
      problems.push({ kind: 'missing', afterSeq: expectedSeq - 1, expectedSeq, foundSeq: e.seq });
    } else if (e.prevHash !== expectedPrev) {
      problems.push({ kind: 'link-broken', seq: e.seq, eventId: e.id });
    }
    const recomputed = await eventHash(e.prevHash, e);
    if (recomputed !== e.hash) problems.push({ kind: 'altered', seq: e.seq, eventId: e.id });
    // Continue from what is stored, so one altered event is reported once, not as a cascade.
    expectedPrev = e.hash;
    expectedSeq = e.seq + 1;
  }
  const hashAt = new Map(events.map((e) => [e.seq, e.hash]));
  for (const a of anchors) {
    if (a.seq > 0 && hashAt.get(a.seq) !== a.hash) problems.push({ kind: 'anchor-mismatch', seq: a.seq, anchor: a.label });
  }
  return { ok: problems.length === 0, eventsChecked: events.length, problems };
}
