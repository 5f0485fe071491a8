// The progress report published as evidence for OIT item O43 (การดำเนินการตามมาตรการส่งเสริม
// คุณธรรมและความโปร่งใสภายในหน่วยงาน): each step's state at the end of a period, what changed in it,
// and the evidence that existed by then. Pure; built on the replay in progress.ts.
import type { ColumnCategory } from './contracts';
import { bangkokDate } from './fiscal-year';
import {
  categoryLookup,
  endOfBangkokDay,
  percentOf,
  progressByMeasure,
  replayAt,
  startOfBangkokDay,
  type CardInfo,
  type ColumnInfo,
  type MeasureInfo,
  type PlacementEvent,
} from './progress';

export interface O43Evidence {
  url: string;
  note: string;
  oitCode: string | null;
  /** Bangkok date it was added; true `inPeriod` when that date falls in the report's period. */
  addedOn: string;
  inPeriod: boolean;
}

export interface O43Step {
  stepNumber: number;
  title: string;
  dueOn: string | null;
  /** Column at the end of the period (null: the card did not exist yet). */
  columnId: string | null;
  category: ColumnCategory | null;
  /** Category at the start of the period (null: not on the board yet). */
  startCategory: ColumnCategory | null;
  movedInPeriod: boolean;
  evidence: O43Evidence[];
}

export interface O43Measure {
  number: number;
  title: string;
  leadGroupId: string | null;
  allGroups: boolean;
  total: number;
  done: number;
  steps: O43Step[];
}

export interface O43Summary {
  total: number;
  doneAtStart: number;
  doneAtEnd: number;
  percentAtEnd: number;
  completedInPeriod: number;
  evidenceInPeriod: number;
}

export interface EvidenceInfo {
  cardId: string;
  url: string;
  note: string;
  oitCode: string | null;
  createdAt: number;
}

/**
 * Where every step stood at the end of the period (from the event log, not today's board, so a
 * report for March reads the same in June), what changed during it, and the evidence that
 * existed by its end. `from` and `to` are Bangkok calendar dates, both included.
 */
export function compileO43(
  input: { measures: readonly MeasureInfo[]; cards: readonly CardInfo[]; columns: readonly ColumnInfo[]; events: readonly PlacementEvent[]; evidence: readonly EvidenceInfo[] },
  from: string,
  to: string,
): { measures: O43Measure[]; summary: O43Summary } {
  const start = startOfBangkokDay(from);
  const end = endOfBangkokDay(to);
  const categoryOf = categoryLookup(input.columns);
  const placements: ReadonlyMap<string, string>[] = [];
  const ordered = [...input.events].sort((a, b) => a.at - b.at);
  // Just before the period starts, and at its very end.
  replayAt(ordered, [start - 1, end], (i, p) => (placements[i] = new Map(p)));
  const [atStart, atEnd] = placements as [ReadonlyMap<string, string>, ReadonlyMap<string, string>];
  const moved = new Set(ordered.filter((e) => e.kind === 'card.moved' && e.at >= start && e.at <= end && e.cardId).map((e) => e.cardId!));
  const evidenceOf = new Map<string, O43Evidence[]>();
  for (const ev of [...input.evidence].sort((a, b) => a.createdAt - b.createdAt)) {
    if (ev.createdAt > end) continue;
    const list = evidenceOf.get(ev.cardId) ?? [];
    list.push({ url: ev.url, note: ev.note, oitCode: ev.oitCode, addedOn: bangkokDate(ev.createdAt), inPeriod: ev.createdAt >= start });
    evidenceOf.set(ev.cardId, list);
  }
  const summary: O43Summary = { total: 0, doneAtStart: 0, doneAtEnd: 0, percentAtEnd: 0, completedInPeriod: 0, evidenceInPeriod: 0 };
  const measures = progressByMeasure(input.measures, input.cards, input.columns).map((mp) => {
    const m = input.measures.find((x) => x.id === mp.measureId)!;
    const steps = input.cards
      .filter((c) => c.measureId === m.id)
      .sort((a, b) => a.stepNumber - b.stepNumber)
      .map((c): O43Step => {
        const columnId = atEnd.get(c.id) ?? null;
        const startColumn = atStart.get(c.id);
        return {
          stepNumber: c.stepNumber,
          title: c.title,
          dueOn: c.dueOn,
          columnId,
          category: columnId ? categoryOf(columnId) : null,
          startCategory: startColumn ? categoryOf(startColumn) : null,
          movedInPeriod: moved.has(c.id),
          evidence: evidenceOf.get(c.id) ?? [],
        };
      });
    const done = steps.filter((s) => s.category === 'done').length;
    summary.total += steps.length;
    summary.doneAtEnd += done;
    summary.doneAtStart += steps.filter((s) => s.startCategory === 'done').length;
    summary.completedInPeriod += steps.filter((s) => s.category === 'done' && s.startCategory !== 'done').length;
    summary.evidenceInPeriod += steps.reduce((n, s) => n + s.evidence.filter((e) => e.inPeriod).length, 0);
    return { number: m.number, title: m.title, leadGroupId: m.leadGroupId, allGroups: m.allGroups, total: steps.length, done, steps };
  });
  summary.percentAtEnd = percentOf(summary.doneAtEnd, summary.total);
  return { measures, summary };
}
