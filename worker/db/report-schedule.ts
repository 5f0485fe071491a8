// A fiscal year's report schedule (see domain/report-schedule.ts): written with the import's
// batch or by an administrator's change, read by the cron jobs and the Reports page.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from './client';
import { fiscalYears, reportSchedules } from './schema';
import { REPORT_AUDIENCES, type ReportSchedule } from '../domain/report-cadence';
import { scheduleOn, type ScheduleEntry } from '../domain/report-schedule';

export interface ScheduleStatementOptions {
  /** YYYY-MM-DD from which the cadences apply; the fiscal year's first day when absent (import). */
  effectiveFrom?: string;
  createdBy?: string | null;
}

/**
 * Statements that store `schedule` (both audiences, or the one an administrator changed) for a
 * fiscal year, to be put in a batch. The fiscal year's row
 * may be inserted earlier in the same batch: its office and first day are read from it inside the
 * statement. Writing the same day again replaces that day's cadence (idempotent).
 */
export function reportScheduleStatements(
  db: Db,
  fiscalYearId: string,
  schedule: Partial<ReportSchedule>,
  options: ScheduleStatementOptions = {},
): BatchItem<'sqlite'>[] {
  // One statement per audience named. An INSERT … SELECT with raw SQL lists every column of the
  // table, in its order.
  return REPORT_AUDIENCES.filter((audience) => schedule[audience] !== undefined).map((audience) =>
    db
      .insert(reportSchedules)
      .select(
        sql`SELECT ${crypto.randomUUID()}, org_id, id, ${audience}, ${schedule[audience]},
              COALESCE(${options.effectiveFrom ?? null}, starts_on), ${options.createdBy ?? null}, unixepoch('subsec') * 1000
            FROM fiscal_years WHERE id = ${fiscalYearId}`,
      )
      .onConflictDoUpdate({
        target: [reportSchedules.fiscalYearId, reportSchedules.audience, reportSchedules.effectiveFrom],
        set: { cadence: sql`excluded.cadence`, createdBy: sql`excluded.created_by` },
      }),
  );
}

/** Every stored entry of a fiscal year, oldest first (empty: DEFAULT_SCHEDULE applies). */
export async function readScheduleEntries(db: Db, orgId: string, fiscalYearId: string): Promise<ScheduleEntry[]> {
  return db
    .select({ audience: reportSchedules.audience, cadence: reportSchedules.cadence, effectiveFrom: reportSchedules.effectiveFrom })
    .from(reportSchedules)
    .where(and(eq(reportSchedules.orgId, orgId), eq(reportSchedules.fiscalYearId, fiscalYearId)))
    .orderBy(asc(reportSchedules.effectiveFrom));
}

/** The stored entries of every fiscal year of `beYear`, by fiscal year id, oldest first (one query for the cron jobs). */
export async function readScheduleEntriesOfYear(db: Db, beYear: number, only?: readonly string[]): Promise<Map<string, ScheduleEntry[]>> {
  const rows = await db
    .select({ fiscalYearId: reportSchedules.fiscalYearId, audience: reportSchedules.audience, cadence: reportSchedules.cadence, effectiveFrom: reportSchedules.effectiveFrom })
    .from(reportSchedules)
    .where(inArray(reportSchedules.fiscalYearId, db.select({ id: fiscalYears.id }).from(fiscalYears).where(and(eq(fiscalYears.beYear, beYear), only ? inArray(fiscalYears.orgId, [...only]) : undefined))))
    .orderBy(asc(reportSchedules.effectiveFrom));
  const byYear = new Map<string, ScheduleEntry[]>();
  for (const { fiscalYearId, ...entry } of rows) {
    const list = byYear.get(fiscalYearId);
    if (list) list.push(entry);
    else byYear.set(fiscalYearId, [entry]);
  }
  return byYear;
}

/** The schedule of a fiscal year on `day` (YYYY-MM-DD), DEFAULT_SCHEDULE where nothing is stored. */
export async function readReportSchedule(db: Db, orgId: string, fiscalYearId: string, day: string): Promise<ReportSchedule> {
  return scheduleOn(await readScheduleEntries(db, orgId, fiscalYearId), day);
}
