// The scheduled meeting reports. Each fiscal year has its cadence per audience (executives and
// group directors; all staff), from the announcement or an administrator (db/report-schedule.ts):
// twice a month, monthly, quarterly, or at 6 and 12 months. Every period ends at 00:00 Bangkok
// on a 1st or a 16th, so the triggers of those days ask, per office and fiscal year, whether a
// period of the cadence in effect ended that day (domain/report-schedule.ts) and, if so, compile
// it, keep it (one per office, kind and period) and queue its emails (one per report and
// recipient). An office without a board for that fiscal year, or whose year is archived, is
// skipped quietly.
//
// Publishing a report reads as four steps, each in its room: query (db/reports.ts), compile
// (domain/report-compile.ts), render (email/report-email.ts) and enqueue (db/outbox.ts).
import type { Db } from '../db/client';
import { emailMessage, enqueue, queuedKeys } from '../db/outbox';
import { enqueuePushes, linkedGroups, readLineSettings } from '../db/line';
import { appLink, executiveReportPush, pushSummary, staffReportPush } from '../line/messages';
import { findBoardYears, keepReport, listOrganisations, readReportSources, recipientsFor, toSummary, type Organisation } from '../db/reports';
import { readScheduleEntriesOfYear } from '../db/report-schedule';
import type { FiscalYear } from '../db/schema';
import { compileMonitoringReport } from '../domain/report-compile';
import { kindEnabled, reportDedupeKey } from '../domain/report-delivery';
import { bangkokDayStart, type ReportPeriod } from '../domain/report-period';
import { dueReportPeriod } from '../domain/report-schedule';
import { bangkokDate, fiscalYearOf } from '../domain/fiscal-year';
import { daysToOitDeadline } from '../domain/link-health';
import { flaggedLinksOf } from '../domain/report-digest';
import { evidenceHealth } from '../db/link-health';
import type { MeetingReportKind, ReportContent, SendReportResult } from '../domain/report-types';
import { senderFor } from '../email/mime';
import { reportMails } from '../email/report-email';

export interface PublishInput {
  org: Organisation;
  fy: FiscalYear;
  kind: MeetingReportKind;
  period: ReportPeriod;
  now: number;
  /** MAIL_FROM; without it the report is kept and no email is queued. */
  mailFrom: string | undefined;
  /** APP_URL, the base of the report's link; without it no LINE push is queued. */
  appUrl?: string | undefined;
}

/**
 * Render and enqueue of the report's LINE pushes: one per LINE group linked to the report's
 * audience (a Flex Message for the executives, the summary for the staff), one per report and
 * group however often this runs. Nothing when the office has not connected LINE.
 */
async function queueReportPushes(db: Db, orgId: string, reportId: string, content: ReportContent, appUrl: string, now: number): Promise<number> {
  if (!(await readLineSettings(db, orgId))) return 0;
  const audience = content.kind === 'executive' ? 'executives' : 'staff';
  const url = appLink(appUrl, `/reports/${content.fiscalYear.beYear}`);
  const targets = (await linkedGroups(db, orgId)).filter((g) => g.audience === audience);
  const pushes = targets.map((g) => {
    const body = content.kind === 'executive' ? executiveReportPush(content, g.lineGroupId, url) : staffReportPush(content, g.lineGroupId, url);
    const message = { id: crypto.randomUUID(), orgId, channel: 'line' as const, target: g.lineGroupId, dedupeKey: `line:${reportId}:${g.lineGroupId}`, reportId, subject: pushSummary(body), raw: JSON.stringify(body), nextAttemptAt: now };
    return { message, kind: 'report' as const, reserve: 0 };
  });
  return enqueuePushes(db, pushes, now);
}

/** Query and compile: the report of `period` as the board and its log say now (also the administrators' preview). */
export async function compileReport(db: Db, org: Organisation, fy: FiscalYear, kind: MeetingReportKind, period: ReportPeriod, now: number): Promise<ReportContent> {
  const sources = await readReportSources(db, org, fy, kind, period);
  const content = compileMonitoringReport({ ...sources, compiledAt: now });
  // In the 30 days before the OIT deadline the executives see every flagged evidence link.
  const days = kind === 'executive' ? daysToOitDeadline(fy.oitDeadline, bangkokDate(now)) : null;
  if (days === null || !fy.oitDeadline) return content;
  const links = flaggedLinksOf(sources.cards, new Map(sources.measures.map((m) => [m.id, m.number])), await evidenceHealth(db, org.id, { fiscalYearId: fy.id }));
  return { ...content, oitLinks: { deadline: fy.oitDeadline, days, links } };
}

/**
 * Publishes a meeting report: compiles it, keeps it (one per office, kind and period), and queues
 * one email per recipient (one per report and address, however often this runs). Used by the
 * scheduled job below and by an administrator's "send now".
 */
export async function publishReport(db: Db, input: PublishInput): Promise<SendReportResult> {
  const { org, fy, kind, period, now } = input;
  const content = await compileReport(db, org, fy, kind, period, now);
  const { report, created } = await keepReport(db, org.id, fy.id, content);
  // The kept snapshot is what goes out, also when another run kept it first.
  const kept = report.content as unknown as ReportContent;
  let queued = 0;
  if (input.mailFrom) {
    const [recipients, known] = await Promise.all([recipientsFor(db, org.id, kind), queuedKeys(db, report.id)]);
    const missing = recipients.filter((r) => !known.has(reportDedupeKey(report.id, r.email)));
    const link = input.appUrl ? appLink(input.appUrl, `/reports/${kept.fiscalYear.beYear}`) : undefined;
    const mails = reportMails(kept, missing, senderFor(org.nameTh, input.mailFrom), now, link);
    queued = await enqueue(db, mails.map((m) => emailMessage(org.id, reportDedupeKey(report.id, m.to), report.id, m, now)));
  } else {
    console.warn('MAIL_FROM is not set: report kept, no email queued', { org: org.id, kind, period: period.key });
  }
  if (input.appUrl) queued += await queueReportPushes(db, org.id, report.id, kept, input.appUrl, now);
  return { report: toSummary(report, kept.totals), created, queued };
}

export interface ReportJobOutcome {
  orgId: string;
  /** The period compiled; null when none was due for this office. */
  periodKey: string | null;
  result: 'created' | 'existing' | 'not_due' | 'skipped' | 'error';
  queued: number;
}

/**
 * `only`: the offices of this invocation (cron/spread.ts hands each invocation a few); all when
 * absent.
 */
export async function runReportJob(db: Db, kind: MeetingReportKind, now: number, mailFrom: string | undefined, appUrl?: string, only?: readonly string[]): Promise<ReportJobOutcome[]> {
  // The periods that may have ended today lie in the fiscal year of yesterday.
  const beYear = fiscalYearOf(new Date(bangkokDayStart(now) - 1));
  const outcomes: ReportJobOutcome[] = [];
  // Three queries for this invocation's offices together, whatever their number (a ministry has
  // hundreds): only their rows, so each queued group of offices reads what it reports on.
  const [orgs, boards, schedules] = await Promise.all([listOrganisations(db, only), findBoardYears(db, beYear, only), readScheduleEntriesOfYear(db, beYear, only)]);
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
      const r = await publishReport(db, { org, fy, kind, period, now, mailFrom, appUrl });
      outcomes.push({ ...base, periodKey: period.key, result: r.created ? 'created' : 'existing', queued: r.queued });
    } catch (e) {
      // One office's failure must not cost the others their report; the error is in the logs.
      console.error('report job failed for an office', { org: org.id, kind, error: e instanceof Error ? e.message : String(e) });
      outcomes.push({ ...base, result: 'error' });
    }
  }
  return outcomes;
}
