// Progress of a fiscal year's board, for executives: how many steps are complete (in a column
// whose category is 'done'), per measure and per group; which cards are overdue; and how the
// board looked at past moments, replayed from the card event log (the log is the only record
// of where a card was on a given day).
import type { ColumnCategory, ColumnView } from './contracts';
import { BANGKOK_OFFSET_MS, DAY_MS, bangkokDate, daysBetween } from './fiscal-year';
import { isOverdueOn } from './due';

export const CATEGORIES: readonly ColumnCategory[] = ['todo', 'doing', 'review', 'done'];

export type ColumnInfo = Omit<ColumnView, 'wipLimit'>;

export interface CardInfo {
  id: string;
  measureId: string;
  stepNumber: number;
  title: string;
  columnId: string;
  leadGroupId: string | null;
  groupIds: readonly string[];
  allGroups: boolean;
  dueOn: string | null;
}

export interface MeasureInfo {
  id: string;
  section: string;
  number: number;
  title: string;
  leadGroupId: string | null;
  allGroups: boolean;
}

export interface GroupInfo {
  id: string;
  nameTh: string;
  nameEn: string;
}

/** What the replay needs of an event: which card, and the column it put the card in (if any). */
export interface PlacementEvent {
  cardId: string | null;
  kind: string;
  columnId: string | null;
  at: number;
}

export interface Tally {
  total: number;
  done: number;
  /** Percent of steps complete, one decimal; 0 when there are no steps. */
  percent: number;
  byCategory: Record<ColumnCategory, number>;
}

export interface MeasureProgress extends Tally {
  measureId: string;
  section: string;
  number: number;
  title: string;
}

export interface GroupProgress extends Tally {
  groupId: string;
  nameTh: string;
  nameEn: string;
  /** Of `total`, the cards this group leads (the rest it takes part in). */
  led: number;
}

export interface OverdueCard {
  cardId: string;
  measureNumber: number | null;
  stepNumber: number;
  title: string;
  dueOn: string;
  daysOverdue: number;
  columnId: string;
  leadGroupId: string | null;
}

export interface SeriesPoint {
  at: number;
  /** Bangkok calendar date of `at`, YYYY-MM-DD. */
  date: string;
  total: number;
  done: number;
  /** null while the board had no cards yet. */
  percent: number | null;
  /** Cards per column, in the order of the columns given to `replaySeries`. */
  perColumn: number[];
}

/** Events that take a card off the board (written by whoever adds deleting or archiving). */
const REMOVALS = new Set(['card.deleted', 'card.archived']);

export const percentOf = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);

export function emptyByCategory(): Record<ColumnCategory, number> {
  return { todo: 0, doing: 0, review: 0, done: 0 };
}

/** Category of a column id; a column we do not know counts as not started. */
export function categoryLookup(columns: readonly ColumnInfo[]): (columnId: string) => ColumnCategory {
  const byId = new Map(columns.map((c) => [c.id, c.category]));
  return (id) => byId.get(id) ?? 'todo';
}

export function tally(cards: readonly { columnId: string }[], categoryOf: (columnId: string) => ColumnCategory): Tally {
  const byCategory = emptyByCategory();
  for (const c of cards) byCategory[categoryOf(c.columnId)]++;
  return { total: cards.length, done: byCategory.done, percent: percentOf(byCategory.done, cards.length), byCategory };
}

export function progressByMeasure(measures: readonly MeasureInfo[], cards: readonly CardInfo[], columns: readonly ColumnInfo[]): MeasureProgress[] {
  const categoryOf = categoryLookup(columns);
  return [...measures]
    .sort((a, b) => a.section.localeCompare(b.section, 'en', { numeric: true }) || a.number - b.number)
    .map((m) => ({
      measureId: m.id,
      section: m.section,
      number: m.number,
      title: m.title,
      ...tally(cards.filter((c) => c.measureId === m.id), categoryOf),
    }));
}

/**
 * A group's share of the board: the cards it leads, names as a participant, or that every group
 * takes part in (และทุกกลุ่มงาน). Groups with no cards at all are left out.
 */
export function progressByGroup(groups: readonly GroupInfo[], cards: readonly CardInfo[], columns: readonly ColumnInfo[]): GroupProgress[] {
  const categoryOf = categoryLookup(columns);
  const out: GroupProgress[] = [];
  for (const g of groups) {
    const mine = cards.filter((c) => c.leadGroupId === g.id || c.groupIds.includes(g.id) || c.allGroups);
    if (mine.length === 0) continue;
    out.push({ groupId: g.id, nameTh: g.nameTh, nameEn: g.nameEn, led: mine.filter((c) => c.leadGroupId === g.id).length, ...tally(mine, categoryOf) });
  }
  return out;
}

/** Cards past their due date (the due day itself is not overdue) and not complete, oldest first. */
export function overdueCards(cards: readonly CardInfo[], measures: readonly MeasureInfo[], columns: readonly ColumnInfo[], today: string): OverdueCard[] {
  const categoryOf = categoryLookup(columns);
  const number = new Map(measures.map((m) => [m.id, m.number]));
  return cards
    .filter((c) => isOverdueOn(c.dueOn, today) && categoryOf(c.columnId) !== 'done')
    .map((c) => ({
      cardId: c.id,
      measureNumber: number.get(c.measureId) ?? null,
      stepNumber: c.stepNumber,
      title: c.title,
      dueOn: c.dueOn!,
      daysOverdue: daysBetween(c.dueOn!, today),
      columnId: c.columnId,
      leadGroupId: c.leadGroupId,
    }))
    .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : (a.measureNumber ?? 0) - (b.measureNumber ?? 0) || a.stepNumber - b.stepNumber));
}


/** The instant a Bangkok calendar day starts (00:00 UTC+7), and the last millisecond of it. */
export const startOfBangkokDay = (iso: string) => Date.parse(`${iso}T00:00:00+07:00`);
export const endOfBangkokDay = (iso: string) => startOfBangkokDay(iso) + DAY_MS - 1;

/**
 * When to sample the board for the trend: from the later of the fiscal year's start and the
 * board's first event, at every 1st and 16th of the month (Bangkok), to the end — the earlier of
 * now and the fiscal year's end, but never before the last event (a board imported after its
 * year ended, like the demo, still shows where it stands). At most `maxPoints`: when the span is
 * long the half-months are thinned evenly.
 */
export function samplePoints(fy: { startsOn: string; endsOn: string }, firstAt: number, lastAt: number, now: number, maxPoints = 50): number[] {
  const start = Math.max(startOfBangkokDay(fy.startsOn), firstAt);
  const end = Math.max(Math.min(now, endOfBangkokDay(fy.endsOn)), lastAt);
  const boundaries: number[] = [];
  const first = new Date(start + BANGKOK_OFFSET_MS);
  for (let y = first.getUTCFullYear(), m = first.getUTCMonth(); ; m++) {
    if (m === 12) {
      m = 0;
      y++;
    }
    const day1 = Date.UTC(y, m, 1) - BANGKOK_OFFSET_MS;
    if (day1 >= end) break;
    for (const at of [day1, Date.UTC(y, m, 16) - BANGKOK_OFFSET_MS]) {
      // A boundary on the end's own day would repeat that day on the chart: the end speaks for it.
      if (at > start && at < end && bangkokDate(at) !== bangkokDate(end)) boundaries.push(at);
    }
  }
  const room = Math.max(1, maxPoints - 2);
  const stride = Math.ceil(boundaries.length / room);
  const kept = boundaries.filter((_, i) => i % stride === stride - 1);
  return [...new Set([start, ...kept, end])];
}

/**
 * Replays the events (in time order) and calls `visit` with the board's placement — card id to
 * column id — as it stood at each point (every event with `at <= point` applied). Points ascend.
 */
export function replayAt(events: readonly PlacementEvent[], points: readonly number[], visit: (index: number, placement: ReadonlyMap<string, string>) => void): void {
  const placement = new Map<string, string>();
  let e = 0;
  points.forEach((point, index) => {
    for (; e < events.length && events[e]!.at <= point; e++) {
      const ev = events[e]!;
      if (!ev.cardId) continue;
      if (REMOVALS.has(ev.kind)) placement.delete(ev.cardId);
      else if (ev.columnId) placement.set(ev.cardId, ev.columnId);
    }
    visit(index, placement);
  });
}

/** Percent complete and cards per column at each point: the trend line and the cumulative flow. */
export function replaySeries(events: readonly PlacementEvent[], columns: readonly ColumnInfo[], points: readonly number[]): SeriesPoint[] {
  const categoryOf = categoryLookup(columns);
  const index = new Map(columns.map((c, i) => [c.id, i]));
  const series: SeriesPoint[] = [];
  replayAt(events, points, (i, placement) => {
    const perColumn = columns.map(() => 0);
    let done = 0;
    for (const columnId of placement.values()) {
      const at = index.get(columnId);
      if (at !== undefined) perColumn[at]!++;
      if (categoryOf(columnId) === 'done') done++;
    }
    const total = placement.size;
    series.push({ at: points[i]!, date: bangkokDate(points[i]!), total, done, percent: total === 0 ? null : percentOf(done, total), perColumn });
  });
  return series;
}

/** The trend from an event log: sampled from the first to the last relevant moment. */
export function trendFromEvents(events: readonly PlacementEvent[], columns: readonly ColumnInfo[], fy: { startsOn: string; endsOn: string }, now: number): SeriesPoint[] {
  if (events.length === 0) return [];
  const ats = events.map((e) => e.at);
  const points = samplePoints(fy, Math.min(...ats), Math.max(...ats), now);
  // Events are applied in seq order; an `at` that went backwards (clock skew between writers)
  // must not hide later events from earlier points, so replay sorts by time, stably.
  const ordered = events.map((e, i) => ({ e, i })).sort((a, b) => a.e.at - b.e.at || a.i - b.i).map((x) => x.e);
  return replaySeries(ordered, columns, points);
}
