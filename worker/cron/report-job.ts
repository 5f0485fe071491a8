// The scheduled meeting reports (announcement item 3.9): twice a month for the executives' and
// group directors' meeting, monthly for the all-staff meeting. For every office that receives the
// kind and has a board for the period's fiscal year: compile, keep, queue the emails. An office
// without such a board is skipped quietly (a new fiscal year whose board is not set up yet).
import type { Db } from '../db/client';
import { findBoardYear, listOrganisations } from '../db/reports';
import { kindEnabled } from '../domain/report-delivery';
import { periodForRun } from '../domain/report-period';
import type { MeetingReportKind } from '../domain/report-types';
import { publishReport } from '../email/publish';

export interface ReportJobOutcome {
  orgId: string;
  periodKey: string;
  result: 'created' | 'existing' | 'skipped' | 'error';
  queued: number;
}

export async function runReportJob(db: Db, kind: MeetingReportKind, now: number, mailFrom: string | undefined): Promise<ReportJobOutcome[]> {
  const period = periodForRun(kind, now);
  const outcomes: ReportJobOutcome[] = [];
  for (const org of await listOrganisations(db)) {
    const base = { orgId: org.id, periodKey: period.key, queued: 0 };
    if (!kindEnabled(org.settings, kind)) {
      outcomes.push({ ...base, result: 'skipped' });
      continue;
    }
    const fy = await findBoardYear(db, org.id, period.fiscalYear);
    if (!fy) {
      outcomes.push({ ...base, result: 'skipped' });
      continue;
    }
    try {
      const r = await publishReport(db, { org, fy, kind, period, now, mailFrom });
      outcomes.push({ ...base, result: r.created ? 'created' : 'existing', queued: r.queued });
    } catch (e) {
      // One office's failure must not cost the others their report; the error is in the logs.
      console.error('report job failed for an office', { org: org.id, kind, period: period.key, error: e instanceof Error ? e.message : String(e) });
      outcomes.push({ ...base, result: 'error' });
    }
  }
  return outcomes;
}
