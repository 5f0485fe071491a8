// Per-measure aggregates of an office's board (issue 19): what a parent body's roll-up reads
// instead of the cards. Counts by column category, the not-done steps by due date (so overdue and
// "behind" are counted when read: a step becomes overdue with time, not with a write), evidence
// links and those by OIT code. Pure: db/aggregates.ts writes them in the batch of each change and
// rebuilds them; tallyAggregates computes them from cards (a replay of the log, in the tests and
// the bench) to check that the two agree. In a measure adopted from a template only the cards
// linked to a template step count (like with like across offices); an office's own measures
// count all their cards.
import type { ColumnCategory } from './contracts';
import { isOverdueOn } from './due';
import { replayCardEvents, replayEvidence, type LoggedEvent } from './replay';

export interface AggregateCounts {
  todo: number;
  doing: number;
  review: number;
  done: number;
  /** Not-done steps by due date (YYYY-MM-DD); undated ones are not in it. */
  due: Record<string, number>;
  evidence: number;
  /** Evidence links by OIT item code. */
  oit: Record<string, number>;
}

export const emptyCounts = (): AggregateCounts => ({ todo: 0, doing: 0, review: 0, done: 0, due: {}, evidence: 0, oit: {} });

export const totalOf = (a: Pick<AggregateCounts, 'todo' | 'doing' | 'review' | 'done'>): number => a.todo + a.doing + a.review + a.done;

/** Not-done steps overdue on `today` (due before it; the due day itself is not late). */
export function overdueOn(due: Readonly<Record<string, number>>, today: string): number {
  let n = 0;
  for (const [day, count] of Object.entries(due)) if (isOverdueOn(day, today)) n += count;
  return n;
}

/** Not-done steps due by `today` (its own day included): how far below the expected progress. */
export function behindOn(due: Readonly<Record<string, number>>, today: string): number {
  let n = 0;
  for (const [day, count] of Object.entries(due)) if (day <= today) n += count;
  return n;
}

export interface TallyCard {
  id: string;
  measureId: string;
  columnId: string;
  dueOn: string | null;
}

export interface TallyEvidence {
  cardId: string;
  oitCode: string | null;
}

/** The aggregates of every measure (those without cards included) from the cards and evidence. */
export function tallyAggregates(
  measureIds: readonly string[],
  cards: readonly TallyCard[],
  categoryOf: ReadonlyMap<string, ColumnCategory>,
  evidence: readonly TallyEvidence[],
): Map<string, AggregateCounts> {
  const out = new Map<string, AggregateCounts>(measureIds.map((id) => [id, emptyCounts()]));
  const at = (id: string) => out.get(id) ?? out.set(id, emptyCounts()).get(id)!;
  const measureOf = new Map<string, string>();
  for (const card of cards) {
    measureOf.set(card.id, card.measureId);
    const a = at(card.measureId);
    const category = categoryOf.get(card.columnId);
    if (!category) continue;
    a[category]++;
    if (category !== 'done' && card.dueOn) a.due[card.dueOn] = (a.due[card.dueOn] ?? 0) + 1;
  }
  for (const e of evidence) {
    const measureId = measureOf.get(e.cardId);
    if (!measureId) continue;
    const a = at(measureId);
    a.evidence++;
    if (e.oitCode) a.oit[e.oitCode] = (a.oit[e.oitCode] ?? 0) + 1;
  }
  return out;
}

/** The same aggregates with their maps' keys sorted and zero entries dropped: to compare two. */
export function canonicalCounts(a: AggregateCounts): AggregateCounts {
  const sorted = (m: Record<string, number>) => Object.fromEntries(Object.entries(m).filter(([, n]) => n !== 0).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
  return { todo: a.todo, doing: a.doing, review: a.review, done: a.done, due: sorted(a.due), evidence: a.evidence, oit: sorted(a.oit) };
}

/**
 * The aggregates as the event log alone says they are: every card replayed (domain/replay.ts),
 * every evidence link replayed, tallied. What `rebuildAggregates` and the incremental writes must
 * both equal (tests/worker/aggregates.test.ts, tests/bench/rollup.bench.mjs).
 */
export function aggregatesFromLog(
  events: readonly LoggedEvent[],
  measureIds: readonly string[],
  categoryOf: ReadonlyMap<string, ColumnCategory>,
  fromTemplate: ReadonlySet<string> = new Set(),
): Map<string, AggregateCounts> {
  const linked = templateLinkedCards(events);
  const cards: TallyCard[] = [];
  for (const c of replayCardEvents(events).cards.values()) {
    // Like with like: a template's measure counts only the cards linked to a template step.
    if (fromTemplate.has(String(c.measureId)) && !linked.has(c.id)) continue;
    cards.push({ id: c.id, measureId: String(c.measureId), columnId: String(c.columnId), dueOn: typeof c.dueOn === 'string' ? c.dueOn : null });
  }
  const evidence = [...replayEvidence(events).values()].map((e) => ({ cardId: e.cardId, oitCode: typeof e.oitCode === 'string' ? e.oitCode : null }));
  return tallyAggregates(measureIds, cards, categoryOf, evidence);
}

/**
 * The cards linked to a template step after the events: created with one (an adoption, an
 * accepted addition: their 'card.created' carries `templateStepId`), until a
 * 'card.template_removed' (an accepted removal) unlinks them.
 */
export function templateLinkedCards(events: readonly LoggedEvent[]): Set<string> {
  const linked = new Set<string>();
  for (const e of events) {
    if (!e.cardId) continue;
    if (e.kind === 'card.created' && typeof e.after?.templateStepId === 'string') linked.add(e.cardId);
    else if (e.kind === 'card.template_removed') linked.delete(e.cardId);
  }
  return linked;
}

/** Differences between two sets of aggregates by measure (empty: equal), naming the measure. */
export function compareAggregates(a: ReadonlyMap<string, AggregateCounts>, b: ReadonlyMap<string, AggregateCounts>): string[] {
  const out: string[] = [];
  for (const id of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(id);
    const y = b.get(id);
    const left = JSON.stringify(x ? canonicalCounts(x) : null);
    const right = JSON.stringify(y ? canonicalCounts(y) : null);
    if (left !== right) out.push(`${id}: ${left} ≠ ${right}`);
  }
  return out;
}
