// The scheduled meeting reports. Each fiscal year has its cadence per audience (executives and
// group directors; all staff), from the announcement or an administrator (db/report-schedule.ts):
// twice a month, monthly, quarterly, or at 6 and 12 months. Every period ends at 00:00 Bangkok
// on a 1st or a 16th, so the triggers of those days ask, per office and fiscal year, whether a
// period of the cadence in effect ended that day (domain/report-schedule.ts) and, if so, compile
// it, keep it (one per office, kind and period) and queue its emails (one per report and
// recipient). An office without a board for that fiscal year, or whose year is archived, is
// skipped quietly.
import type { Db } from '../db/client';
import { findBoardYears, listOrganisations } from '../db/reports';
import { readScheduleEntriesOfYear } from '../db/report-schedule';
import { kindEnabled } from '../domain/report-delivery';
import { bangkokDayStart } from '../domain/report-period';
import { dueReportPeriod } from '../domain/report-schedule';
import { fiscalYearOf } from '../domain/fiscal-year';
import type { MeetingReportKind } from '../domain/report-types';
import { publishReport } from '../email/publish';

export interface ReportJobOutcome {
  orgId: string;
  /** The period compiled; null when none was due for this office. */
  periodKey: string | null;
  result: 'created' | 'existing' | 'not_due' | 'skipped' | 'error';
  queued: number;
}

export async function runReportJob(db: Db, kind: MeetingReportKind, now: number, mailFrom: string | undefined): Promise<ReportJobOutcome[]> {
  // The periods that may have ended today lie in the fiscal year of yesterday.
  const beYear = fiscalYearOf(new Date(bangkokDayStart(now) - 1));
  const outcomes: ReportJobOutcome[] = [];
  // Three queries for every office together, whatever their number (a ministry has hundreds).
  const [orgs, boards, schedules] = await Promise.all([listOrganisations(db), findBoardYears(db, beYear), readScheduleEntriesOfYear(db, beYear)]);
  for (const org of orgs) {
    const base = { orgId: org.id, periodKey: null, queued: 0 };
    if (!kindEnabled(org.settings, kind)) {
      outcomes.push({ ...base, result: 'skipped' });
      continue;
    }
    const fy = boards.get(org.id);
    if (!fy || fy.archivedAt !== null) {
      outcomes.push({ ...base, result: 'skipped' });
      continue;
    }
    try {
      const period = dueReportPeriod(schedules.get(fy.id) ?? [], kind, now);
      if (!period) {
        outcomes.push({ ...base, result: 'not_due' });
        continue;
      }
      const r = await publishReport(db, { org, fy, kind, period, now, mailFrom });
      outcomes.push({ ...base, periodKey: period.key, result: r.created ? 'created' : 'existing', queued: r.queued });
    } catch (e) {
      // One office's failure must not cost the others their report; the error is in the logs.
      console.error('report job failed for an office', { org: org.id, kind, error: e instanceof Error ? e.message : String(e) });
      outcomes.push({ ...base, result: 'error' });
    }
  }
  return outcomes;
}
