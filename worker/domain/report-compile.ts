// Compiling a monitoring report (announcement item 3.9: "summarise and analyse the results for
// the supervisor; inform the staff") from the board's current state and the event log since the
// period began. Pure: the caller reads the rows, this decides what they mean.
import type { ColumnCategory } from './contracts';
import { daysBetween } from './fiscal-year';
import { isOverdueOn } from './due';
import { percentOf } from './progress';
import { cardsBefore, cutIndex, inChainOrder, type CardState, type LoggedEvent } from './report-state';
import type {
  CardRef,
  ColumnRef,
  EvidenceRow,
  GroupRow,
  MeasureRow,
  MeetingReportKind,
  MoveRow,
  OverdueRow,
  PeriodView,
  Progress,
  ReportChange,
  ReportContent,
} from './report-types';
import { translator } from './i18n';
import { th } from './messages/report.th';
import en from './messages/report.en';

const inThai = translator({ th, en }, 'th');
const inEnglish = translator({ th, en }, 'en');

export interface CompileInput {
  kind: MeetingReportKind;
  period: PeriodView;
  org: { nameTh: string; nameEn: string; thaiDigits: boolean };
  fiscalYear: { beYear: number; titleTh: string };
  columns: readonly { id: string; labelTh: string; labelEn: string; category: ColumnCategory }[];
  /** In display order. */
  groups: readonly { id: string; nameTh: string; nameEn: string }[];
  measures: readonly { id: string; section: string; number: number; title: string; responsibleText: string }[];
  /** The cards as they are now. */
  cards: readonly CardState[];
  /** The fiscal year's events stamped at or after the period's start (earlier ones are ignored). */
  events: readonly LoggedEvent[];
  /** Display names by user id. */
  people: ReadonlyMap<string, string>;
  head: { seq: number; hash: string };
  previous: { id: string; periodKey: string; content: Pick<ReportContent, 'totals' | 'overdueCount' | 'measures'> } | null;
  compiledAt: number;
  /** Longest list kept per section (moves, overdue, evidence); the rest is counted as omitted. */
  listLimit?: number;
}

export const DEFAULT_LIST_LIMIT = 2000;

export function tally(categories: Iterable<ColumnCategory | undefined>): Progress {
  let total = 0;
  let done = 0;
  let inProgress = 0;
  let notStarted = 0;
  for (const c of categories) {
    total++;
    if (c === 'done') done++;
    else if (c === 'doing' || c === 'review') inProgress++;
    else notStarted++; // 'todo', or a column that no longer exists
  }
  return { total, done, inProgress, notStarted, percent: percentOf(done, total) };
}

const points = (a: number, b: number) => Math.round((a - b) * 10) / 10;

function limited<T>(rows: T[], limit: number): { rows: T[]; omitted: number } {
  return rows.length <= limit ? { rows, omitted: 0 } : { rows: rows.slice(0, limit), omitted: rows.length - limit };
}

/** Items by key; an item listed under the same key twice counts once. */
function bucket<T>(items: readonly T[], keys: (item: T) => readonly string[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    for (const key of new Set(keys(item))) {
      const list = out.get(key);
      if (list) list.push(item);
      else out.set(key, [item]);
    }
  }
  return out;
}

export function compileMonitoringReport(input: CompileInput): ReportContent {
  const { period } = input;
  const limit = input.listLimit ?? DEFAULT_LIST_LIMIT;
  const sorted = inChainOrder(input.events.filter((e) => e.at >= period.start));
  const endIdx = cutIndex(sorted, period.end);
  const inPeriod = sorted.slice(0, endIdx);
  const later = sorted.slice(endIdx);
  const atEnd = cardsBefore(input.cards, later);
  // seq is gap-free: the last event inside the period is the one just before the first later one.
  const periodEndSeq = later.length > 0 ? later[0]!.seq - 1 : input.head.seq;

  const columns = new Map(input.columns.map((c) => [c.id, { labelTh: c.labelTh, labelEn: c.labelEn, category: c.category } satisfies ColumnRef]));
  const categoryOf = (card: CardState) => columns.get(card.columnId)?.category;
  const measureNumber = new Map(input.measures.map((m) => [m.id, m.number]));
  const groupName = new Map(input.groups.map((g) => [g.id, g.nameTh]));
  const cardsAtEnd = [...atEnd.values()];
  const ref = (cardId: string): CardRef => {
    const card = atEnd.get(cardId);
    return { cardId, measureNumber: card ? (measureNumber.get(card.measureId) ?? null) : null, stepNumber: card?.stepNumber ?? 0, title: card?.title ?? '' };
  };
  const person = (userId: string | null) => (userId ? (input.people.get(userId) ?? null) : null);
  const column = (id: unknown) => (typeof id === 'string' ? (columns.get(id) ?? null) : null);

  const totals = tally(cardsAtEnd.map(categoryOf));
  const byMeasure = bucket(cardsAtEnd, (c) => [c.measureId]);
  const byGroup = bucket(cardsAtEnd, (c) => (c.leadGroupId ? [c.leadGroupId, ...c.groupIds] : c.groupIds));
  const previousMeasures = new Map((input.previous?.content.measures ?? []).map((m) => [m.measureId, m.progress.percent]));
  const measures: MeasureRow[] = [...input.measures]
    .sort((a, b) => a.section.localeCompare(b.section, 'en', { numeric: true }) || a.number - b.number)
    .map((m) => {
      const progress = tally((byMeasure.get(m.id) ?? []).map(categoryOf));
      const before = previousMeasures.get(m.id);
      return {
        measureId: m.id,
        section: m.section,
        number: m.number,
        title: m.title,
        responsibleText: m.responsibleText,
        progress,
        percentChange: before === undefined ? null : points(progress.percent, before),
      };
    });

  // A card counts for its lead group and for each group named as taking part. "Every group"
  // cards count for their lead only: eight identical rows would say nothing about any group.
  const groups: GroupRow[] = input.groups
    .map((g) => ({
      groupId: g.id,
      nameTh: g.nameTh,
      nameEn: g.nameEn,
      progress: tally((byGroup.get(g.id) ?? []).map(categoryOf)),
    }))
    .filter((g) => g.progress.total > 0);
  const unassigned = cardsAtEnd.filter((c) => c.leadGroupId === null);
  if (unassigned.length > 0) {
    groups.push({ groupId: null, nameTh: inThai('noLeadGroup'), nameEn: inEnglish('noLeadGroup'), progress: tally(unassigned.map(categoryOf)) });
  }

  const moves: MoveRow[] = inPeriod
    .filter((e) => e.kind === 'card.moved' && e.cardId && e.before?.columnId !== e.after?.columnId)
    .map((e) => ({ ...ref(e.cardId!), from: column(e.before?.columnId), to: column(e.after?.columnId), actor: person(e.actorUserId), at: e.at }));

  const overdue: OverdueRow[] = cardsAtEnd
    .filter((c) => isOverdueOn(c.dueOn, period.lastDay) && categoryOf(c) !== 'done')
    .sort((a, b) => (a.dueOn! < b.dueOn! ? -1 : a.dueOn! > b.dueOn! ? 1 : 0) || (measureNumber.get(a.measureId) ?? 0) - (measureNumber.get(b.measureId) ?? 0) || a.stepNumber - b.stepNumber)
    .map((c) => ({
      ...ref(c.id),
      dueOn: c.dueOn!,
      daysOverdue: daysBetween(c.dueOn!, period.lastDay),
      column: column(c.columnId),
      groupNameTh: c.leadGroupId ? (groupName.get(c.leadGroupId) ?? null) : null,
    }));

  const removedIds = new Set(inPeriod.filter((e) => e.kind === 'evidence.removed').map((e) => e.before?.evidenceId));
  const evidence: EvidenceRow[] = inPeriod
    .filter((e) => e.kind === 'evidence.added' && e.cardId && e.after)
    .map((e) => {
      const a = e.after!;
      return {
        ...ref(e.cardId!),
        url: String(a.url ?? ''),
        note: String(a.note ?? ''),
        oitCode: typeof a.oitCode === 'string' ? a.oitCode : null,
        actor: person(e.actorUserId),
        at: e.at,
        removed: removedIds.has(a.evidenceId),
      };
    });

  const change: ReportChange | null = input.previous
    ? {
        previousReportId: input.previous.id,
        previousPeriodKey: input.previous.periodKey,
        percentPoints: points(totals.percent, input.previous.content.totals.percent),
        done: totals.done - input.previous.content.totals.done,
        inProgress: totals.inProgress - input.previous.content.totals.inProgress,
        notStarted: totals.notStarted - input.previous.content.totals.notStarted,
        overdue: overdue.length - input.previous.content.overdueCount,
      }
    : null;

  const keptMoves = limited(moves, limit);
  const keptOverdue = limited(overdue, limit);
  const keptEvidence = limited(evidence, limit);
  return {
    version: 1,
    kind: input.kind,
    org: { nameTh: input.org.nameTh, nameEn: input.org.nameEn },
    fiscalYear: input.fiscalYear,
    period,
    compiledAt: input.compiledAt,
    thaiDigits: input.org.thaiDigits,
    chain: { seq: input.head.seq, hash: input.head.hash, periodEndSeq },
    totals,
    measures,
    groups,
    moves: keptMoves.rows,
    overdue: keptOverdue.rows,
    overdueCount: overdue.length,
    evidence: keptEvidence.rows,
    omitted: { moves: keptMoves.omitted, overdue: keptOverdue.omitted, evidence: keptEvidence.omitted },
    change,
  };
}
