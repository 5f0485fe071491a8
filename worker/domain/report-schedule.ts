// Which cadence applies to a report period, given a fiscal year's schedule history. Pure.
//
// A schedule entry says "from this day on, this audience gets its report at this cadence". The
// import writes one entry per audience from the year's first day; an administrator's change adds
// an entry from the first day of the next period, so a period already begun (or compiled) keeps
// the cadence it started under. A year with no entry for an audience uses DEFAULT_SCHEDULE.
import { CADENCES, DEFAULT_SCHEDULE, REPORT_AUDIENCES, type Cadence, type ReportAudience, type ReportSchedule } from './report-cadence';
import { bangkokDate } from './fiscal-year';
import { bangkokDayStart, currentPeriodOf, periodEndingAt, periodsOfCadence, type ReportPeriod } from './report-period';

export interface ScheduleEntry {
  audience: ReportAudience;
  cadence: Cadence;
  /** YYYY-MM-DD, inclusive. */
  effectiveFrom: string;
}

export function isCadence(v: unknown): v is Cadence {
  return typeof v === 'string' && (CADENCES as readonly string[]).includes(v);
}

export function isReportAudience(v: unknown): v is ReportAudience {
  return typeof v === 'string' && (REPORT_AUDIENCES as readonly string[]).includes(v);
}

/** The cadence of `audience` on `day` (YYYY-MM-DD): the latest entry that has begun by then. */
export function cadenceOn(entries: readonly ScheduleEntry[], audience: ReportAudience, day: string): Cadence {
  let best: ScheduleEntry | null = null;
  for (const e of entries) {
    if (e.audience !== audience || e.effectiveFrom > day) continue;
    if (!best || e.effectiveFrom >= best.effectiveFrom) best = e;
  }
  return best ? best.cadence : DEFAULT_SCHEDULE[audience];
}

/** The whole schedule on `day`. */
export function scheduleOn(entries: readonly ScheduleEntry[], day: string): ReportSchedule {
  return { executive: cadenceOn(entries, 'executive', day), staff: cadenceOn(entries, 'staff', day) };
}

/** Changes after `day` that are already decided (shown to administrators as "from …"). */
export function pendingChanges(entries: readonly ScheduleEntry[], day: string): ScheduleEntry[] {
  return entries.filter((e) => e.effectiveFrom > day).sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
}

/**
 * The report of `audience` due at a run at `at`: the period that ended at 00:00 Bangkok that day,
 * if it is a period of the cadence in effect on its last day; null when none is due. So a
 * quarterly audience gets one report per quarter, and after a change from monthly to quarterly
 * (from 1 December) November's monthly report and then the first quarter's report are due.
 */
export function dueReportPeriod(entries: readonly ScheduleEntry[], audience: ReportAudience, at: number): ReportPeriod | null {
  const end = bangkokDayStart(at);
  const cadence = cadenceOn(entries, audience, bangkokDate(end - 1));
  return periodEndingAt(cadence, audience, end);
}

/** Every period of a fiscal year that is (or will be) due under the schedule, in order of their ends. */
export function scheduledPeriods(entries: readonly ScheduleEntry[], audience: ReportAudience, beYear: number): ReportPeriod[] {
  const all = CADENCES.flatMap((c) => periodsOfCadence(c, audience, beYear).filter((p) => cadenceOn(entries, audience, p.lastDay) === c));
  return all.sort((a, b) => a.end - b.end || a.start - b.start);
}

export interface FiscalYearSpan {
  startsOn: string;
  endsOn: string;
}

export type ChangeDate = { effectiveFrom: string } | { refused: 'year_ended' | 'next_year' };

/**
 * From when a new cadence for `audience` applies, changed at `now`: the first day after the period
 * now running under the current cadence ("from the next period"); the year's first day when it
 * has not begun. A finished year, or a change that could only start after the year, is refused.
 */
export function changeEffectiveFrom(entries: readonly ScheduleEntry[], audience: ReportAudience, year: FiscalYearSpan, now: number): ChangeDate {
  const today = bangkokDate(now);
  if (today < year.startsOn) return { effectiveFrom: year.startsOn };
  if (today > year.endsOn) return { refused: 'year_ended' };
  const running = currentPeriodOf(cadenceOn(entries, audience, today), audience, now);
  const effectiveFrom = bangkokDate(running.end);
  return effectiveFrom > year.endsOn ? { refused: 'next_year' } : { effectiveFrom };
}
