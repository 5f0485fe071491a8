// Which cadence applies to a report period, given a fiscal year's schedule history. Pure.
//
// A schedule entry says "from this day on, this audience gets its report at this cadence". The
// import writes one entry per audience from the year's first day; an administrator's change adds
// an entry from the first day of the next period, so a period already begun (or compiled) keeps
// the cadence it started under. A year with no entry for an audience uses DEFAULT_SCHEDULE.
import { CADENCES, DEFAULT_SCHEDULE, REPORT_AUDIENCES, type Cadence, type ReportAudience, type ReportSchedule } from './report-cadence';

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
