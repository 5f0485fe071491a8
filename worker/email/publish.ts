// Publishing a meeting report: compile it, keep it (one per office, kind and period), and queue
// one email per recipient (one per report and address, however often this runs). Used by the
// scheduled report job and by an administrator's "send now".
import type { Db } from '../db/client';
import type { FiscalYear } from '../db/schema';
import { compileReport, keepReport, recipientsFor, toSummary, type Organisation } from '../db/reports';
import { reportCsv, reportFileName } from '../domain/report-csv';
import { reportDedupeKey, type Recipient } from '../domain/report-delivery';
import type { ReportPeriod } from '../domain/report-period';
import type { MeetingReportKind, ReportContent, SendReportResult } from '../domain/report-types';
import { buildMime, domainOf, type Mailbox } from './mime';
import { enqueue, queuedKeys, type NewMessage } from './outbox';
import { reportEmail } from './report-email';

export interface PublishInput {
  org: Organisation;
  fy: FiscalYear;
  kind: MeetingReportKind;
  period: ReportPeriod;
  now: number;
  /** MAIL_FROM; without it the report is kept and nothing is queued. */
  mailFrom: string | undefined;
}

export function senderFor(org: Organisation, mailFrom: string): Mailbox {
  return { addr: mailFrom, name: `ITA Board ${org.nameTh}` };
}

/** One MIME message per recipient, built once so that retries send the same bytes. */
export function reportMessages(orgId: string, reportId: string, content: ReportContent, recipients: readonly Recipient[], from: Mailbox, now: number): NewMessage[] {
  const email = reportEmail(content);
  const csv = { filename: reportFileName(content.kind, content.period.key), contentType: 'text/csv; charset=utf-8', text: reportCsv(content) };
  return recipients.map((to) => {
    const id = crypto.randomUUID();
    return {
      id,
      orgId,
      dedupeKey: reportDedupeKey(reportId, to.email),
      reportId,
      toEmail: to.email,
      subject: email.subject,
      raw: buildMime({ from, to: { addr: to.email, name: to.name }, messageId: `${id}@${domainOf(from.addr)}`, date: new Date(now), ...email, attachments: [csv] }),
      nextAttemptAt: now,
    };
  });
}

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
    queued = await enqueue(db, reportMessages(org.id, report.id, kept, missing, senderFor(org, input.mailFrom), now));
  } else {
    console.warn('MAIL_FROM is not set: report kept, no email queued', { org: org.id, kind, period: period.key });
  }
  return { report: toSummary(report, kept.totals), created, queued };
}
