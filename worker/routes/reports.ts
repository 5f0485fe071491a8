// Monitoring reports: the archive of a fiscal year and each kept report (any member of the
// office), and for administrators: preview, send now, recipients, report kinds and the outbox.
// Reports of another office answer 404, like anything else that is not the caller's.
import { Hono, type Context } from 'hono';
import { valid } from '../middleware/validate';
import { clientIp } from '../middleware/session';
import type { Actor } from '../domain/policy';
import { audit } from '../db/auth';
import { findFiscalYear } from '../db/board';
import { addRecipient, explicitRecipients, findOrganisation, findReport, listReports, membersWithRoles, removeRecipient, setReportKinds, toReportView } from '../db/reports';
import { REPORT_KINDS } from '../db/schema';
import { reportCsv, reportFileName } from '../domain/report-csv';
import { defaultRoles, kindEnabled } from '../domain/report-delivery';
import { appError } from '../domain/errors';
import { parseMeetingPeriodKey, type ReportPeriod } from '../domain/report-period';
import type { MeetingReportKind, PeriodChoice, ReportArchive, ReportSettingsView, ScheduleAudienceView } from '../domain/report-types';
import { readScheduleEntries, reportScheduleStatements } from '../db/report-schedule';
import { REPORT_AUDIENCES } from '../domain/report-cadence';
import { cadenceOn, changeEffectiveFrom, pendingChanges, scheduledPeriods, scheduleOn, type ScheduleEntry } from '../domain/report-schedule';
import { bangkokDate } from '../domain/fiscal-year';
import { canWriteYear } from '../domain/policy';
import { yearArchived } from '../domain/errors';
import { findMessage, listMessages, retryFailed } from '../db/outbox';
import { compileReport, publishReport } from '../cron/report-job';
import type { AppEnv } from '../env';
import { adminOf, readerOf } from '../middleware/authorize';
import { idParam } from '../domain/schemas/common';
import { archiveQuery, compileBody, kindsBody, recipientBody, scheduleBody } from '../domain/schemas/reports';


const periodError = (key: 'invalid_period.format' | 'invalid_period.schedule' | 'period_outside_year' | 'period_not_started' | 'period_not_ended' | 'no_ended_period') => appError(422, key);

/**
 * The period a preview or a send is about: the one named, or the latest that has ended within
 * the fiscal year on screen. Only ended periods may be kept: a snapshot taken halfway through
 * would take the period's key from the complete one the schedule compiles later.
 */
function choosePeriod(kind: MeetingReportKind, year: number, entries: readonly ScheduleEntry[], periodKey: string | undefined, now: number, mustHaveEnded: boolean): ReportPeriod {
  if (periodKey) {
    const p = parseMeetingPeriodKey(kind, periodKey);
    if (!p) throw periodError('invalid_period.format');
    if (p.fiscalYear === year && !scheduledPeriods(entries, kind, year).some((s) => s.key === p.key)) {
      throw periodError('invalid_period.schedule');
    }
    if (p.fiscalYear !== year) throw periodError('period_outside_year');
    if (p.start > now) throw periodError('period_not_started');
    if (mustHaveEnded && p.end > now) throw periodError('period_not_ended');
    return p;
  }
  const started = scheduledPeriods(entries, kind, year).filter((p) => p.start <= now);
  const latest = started.filter((p) => p.end <= now).pop();
  if (latest) return latest;
  const current = started.find((p) => p.end > now);
  if (!mustHaveEnded && current) return current;
  throw periodError('no_ended_period');
}

function periodChoices(kind: MeetingReportKind, year: number, entries: readonly ScheduleEntry[], now: number): PeriodChoice[] {
  return scheduledPeriods(entries, kind, year)
    .filter((p) => p.start <= now)
    .map((p) => ({ ...p, ended: p.end <= now }))
    .reverse();
}

/** Each audience's cadence today and a decided change, for the Reports page. */
function scheduleView(entries: readonly ScheduleEntry[], now: number): ScheduleAudienceView[] {
  const today = bangkokDate(now);
  const current = scheduleOn(entries, today);
  return REPORT_AUDIENCES.map((audience) => {
    const next = pendingChanges(entries, today).find((e) => e.audience === audience && e.cadence !== cadenceOn(entries, audience, today));
    return {
      audience,
      cadence: current[audience],
      stored: entries.some((e) => e.audience === audience),
      pending: next ? { cadence: next.cadence, effectiveFrom: next.effectiveFrom } : null,
    };
  });
}

async function officeAndYear(c: Context<AppEnv>, actor: Actor, year: number) {
  const db = c.get('db');
  const [org, fy] = await Promise.all([findOrganisation(db, actor.orgId), findFiscalYear(db, actor.orgId, year)]);
  if (!org) throw appError(404, 'not_found.office');
  return { org, fy };
}

export const reportRoutes = new Hono<AppEnv>()
  .get('/', valid('query', archiveQuery), async (c) => {
    const actor = readerOf(c);
    const year = c.req.valid('query').beYear;
    const fy = await findFiscalYear(c.get('db'), actor.orgId, year);
    const now = Date.now();
    const [reportList, entries] = await Promise.all([listReports(c.get('db'), actor.orgId, fy.id), readScheduleEntries(c.get('db'), actor.orgId, fy.id)]);
    const body: ReportArchive = {
      fiscalYear: { beYear: fy.beYear, titleTh: fy.titleTh, archived: fy.archivedAt !== null },
      reports: reportList,
      periods: { executive: periodChoices('executive', year, entries, now), staff: periodChoices('staff', year, entries, now) },
      schedule: scheduleView(entries, now),
    };
    return c.json(body);
  })
  .post('/preview', valid('json', compileBody), async (c) => {
    const actor = adminOf(c);
    const body = c.req.valid('json');
    const { org, fy } = await officeAndYear(c, actor, body.beYear);
    const now = Date.now();
    const entries = await readScheduleEntries(c.get('db'), actor.orgId, fy.id);
    const period = choosePeriod(body.kind, body.beYear, entries, body.periodKey, now, false);
    return c.json({ preview: await compileReport(c.get('db'), org, fy, body.kind, period, now) });
  })
  .post('/send', valid('json', compileBody), async (c) => {
    const actor = adminOf(c);
    const body = c.req.valid('json');
    const { org, fy } = await officeAndYear(c, actor, body.beYear);
    if (!canWriteYear(actor, fy)) throw yearArchived(fy.beYear);
    const now = Date.now();
    const entries = await readScheduleEntries(c.get('db'), actor.orgId, fy.id);
    const period = choosePeriod(body.kind, body.beYear, entries, body.periodKey, now, true);
    const result = await publishReport(c.get('db'), { org, fy, kind: body.kind, period, now, mailFrom: c.env.MAIL_FROM, appUrl: c.env.APP_URL });
    await audit(c.get('db'), {
      orgId: actor.orgId,
      userId: actor.userId,
      action: 'report.sent',
      detail: { reportId: result.report.id, kind: body.kind, periodKey: period.key, created: result.created, queued: result.queued },
      ip: clientIp(c),
    });
    return c.json(result, result.created ? 201 : 200);
  })
  .put('/schedule', valid('json', scheduleBody), async (c) => {
    const actor = adminOf(c);
    const body = c.req.valid('json');
    const db = c.get('db');
    const fy = await findFiscalYear(db, actor.orgId, body.beYear);
    if (!canWriteYear(actor, fy)) throw yearArchived(fy.beYear);
    const now = Date.now();
    const entries = await readScheduleEntries(db, actor.orgId, fy.id);
    const when = changeEffectiveFrom(entries, body.audience, fy, now);
    if ('refused' in when) {
      throw when.refused === 'year_ended'
        ? appError(422, 'year_ended', { year: fy.beYear })
        : appError(422, 'change_after_year', { year: fy.beYear });
    }
    // Only this audience gets an entry; the other keeps its own cadence.
    const [first, ...rest] = reportScheduleStatements(db, fy.id, { [body.audience]: body.cadence }, { effectiveFrom: when.effectiveFrom, createdBy: actor.userId });
    await db.batch([
      first!,
      ...rest,
      audit(db, {
        orgId: actor.orgId,
        userId: actor.userId,
        action: 'report.schedule_changed',
        detail: { beYear: fy.beYear, audience: body.audience, from: cadenceOn(entries, body.audience, when.effectiveFrom), to: body.cadence, effectiveFrom: when.effectiveFrom },
        ip: clientIp(c),
      }),
    ]);
    return c.json({ effectiveFrom: when.effectiveFrom, schedule: scheduleView(await readScheduleEntries(db, actor.orgId, fy.id), now) });
  })
  .get('/settings', async (c) => {
    const actor = adminOf(c);
    const db = c.get('db');
    const [org, recipients, ...defaults] = await Promise.all([
      findOrganisation(db, actor.orgId),
      explicitRecipients(db, actor.orgId),
      ...REPORT_KINDS.map((k) => membersWithRoles(db, actor.orgId, defaultRoles(k))),
    ]);
    const body: ReportSettingsView = {
      reportKinds: { executive: kindEnabled(org?.settings, 'executive'), staff: kindEnabled(org?.settings, 'staff'), digest: kindEnabled(org?.settings, 'digest') },
      recipients: recipients.map(({ id, kind, email, name }) => ({ id, kind, email, name })),
      defaultRecipients: Object.fromEntries(REPORT_KINDS.map((k, i) => [k, defaults[i]!.length])) as ReportSettingsView['defaultRecipients'],
    };
    return c.json(body);
  })
  .put('/settings', valid('json', kindsBody), async (c) => {
    const actor = adminOf(c);
    const { reportKinds } = c.req.valid('json');
    const db = c.get('db');
    const [row] = await setReportKinds(db, actor.orgId, reportKinds);
    if (!row) throw appError(404, 'not_found.office');
    await audit(db, { orgId: actor.orgId, userId: actor.userId, action: 'report.kinds_changed', detail: { reportKinds }, ip: clientIp(c) });
    return c.json({ reportKinds: { executive: kindEnabled(row.settings, 'executive'), staff: kindEnabled(row.settings, 'staff'), digest: kindEnabled(row.settings, 'digest') } });
  })
  .post('/recipients', valid('json', recipientBody), async (c) => {
    const actor = adminOf(c);
    const body = c.req.valid('json');
    const db = c.get('db');
    const recipientId = crypto.randomUUID();
    const added = await addRecipient(
      db,
      { id: recipientId, orgId: actor.orgId, ...body },
      { orgId: actor.orgId, userId: actor.userId, action: 'report.recipient_added', detail: { kind: body.kind, email: body.email }, ip: clientIp(c) },
    );
    if (!added) throw appError(409, 'recipient_exists');
    return c.json({ recipient: { id: recipientId, ...body } }, 201);
  })
  .delete('/recipients/:id', valid('param', idParam), async (c) => {
    const actor = adminOf(c);
    const db = c.get('db');
    const removed = await removeRecipient(db, actor.orgId, c.req.valid('param').id);
    if (!removed) throw appError(404, 'not_found.recipient');
    await audit(db, { orgId: actor.orgId, userId: actor.userId, action: 'report.recipient_removed', detail: { kind: removed.kind, email: removed.email }, ip: clientIp(c) });
    return c.json({ ok: true });
  })
  .get('/outbox', async (c) => {
    const actor = adminOf(c);
    return c.json({ messages: await listMessages(c.get('db'), actor.orgId) });
  })
  .post('/outbox/:id/retry', valid('param', idParam), async (c) => {
    const actor = adminOf(c);
    const db = c.get('db');
    const messageId = c.req.valid('param').id;
    const row = await retryFailed(db, actor.orgId, messageId, Date.now());
    if (!row) {
      if (!(await findMessage(db, actor.orgId, messageId))) throw appError(404, 'not_found.message');
      throw appError(409, 'not_failed');
    }
    await audit(db, { orgId: actor.orgId, userId: actor.userId, action: 'report.email_retried', detail: { messageId }, ip: clientIp(c) });
    return c.json({ ok: true });
  })
  .get('/:id', valid('param', idParam), async (c) => {
    const actor = readerOf(c);
    const report = await findReport(c.get('db'), actor.orgId, c.req.valid('param').id);
    if (!report) throw appError(404, 'not_found.report');
    return c.json({ report: toReportView(report) });
  })
  .get('/:id/csv', valid('param', idParam), async (c) => {
    const actor = readerOf(c);
    const report = await findReport(c.get('db'), actor.orgId, c.req.valid('param').id);
    if (!report) throw appError(404, 'not_found.report');
    const view = toReportView(report);
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${reportFileName(view.kind, view.periodKey)}"`);
    return c.body(reportCsv(view.content));
  });

/** This sub-app's routes as a type, for the web app's typed client (hc, web/src/api.ts). */
export type ReportsApi = typeof reportRoutes;
