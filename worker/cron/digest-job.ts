// The directors' daily digest (07:00 Bangkok): for each director, one email listing the steps of
// their group that are overdue or due within seven days; nothing is sent on a day with none.
// Explicit 'digest' recipients get the same list for the whole office. Digests are not kept as
// reports: the outbox row (one per office, day and person) is their record. Per office: query
// (db/reports.ts), compile per person (domain/report-digest.ts), render (email/digest-email.ts),
// enqueue (db/outbox.ts).
import type { Db } from '../db/client';
import { emailMessage, enqueue, type NewMessage } from '../db/outbox';
import { enqueuePushes, linkedGroups, readLineSettings } from '../db/line';
import { readScheduleEntriesOfYear } from '../db/report-schedule';
import { reportReserve } from '../domain/line';
import { appLink, digestPush, pushSummary } from '../line/messages';
import { explicitRecipients, findBoardYears, listOrganisations, loadDigestBoard, membersWithRoles, type Organisation } from '../db/reports';
import { compileDigest, digestIsEmpty } from '../domain/report-digest';
import { digestDedupeKey, kindEnabled } from '../domain/report-delivery';
import { periodForRun } from '../domain/report-period';
import { digestMail } from '../email/digest-email';
import { senderFor } from '../email/mime';
import { evidenceHealth } from '../db/link-health';

export async function runDigestJob(db: Db, now: number, mailFrom: string | undefined, appUrl?: string): Promise<{ orgId: string; queued: number }[]> {
  const today = periodForRun('digest', now);
  const outcomes: { orgId: string; queued: number }[] = [];
  // Without a sender no digest goes by email; LINE groups still get theirs.
  if (!mailFrom) console.warn('MAIL_FROM is not set: no digest emails queued');
  if (!mailFrom && !appUrl) return outcomes;
  const [orgs, boards] = await Promise.all([listOrganisations(db), findBoardYears(db, today.fiscalYear)]);
  for (const org of orgs) {
    if (!kindEnabled(org.settings, 'digest')) continue;
    const fy = boards.get(org.id);
    // No board for the year yet, or an archived (read-only) year: nothing to remind anyone of.
    if (!fy || fy.archivedAt !== null) continue;
    try {
      let queued = mailFrom ? await enqueue(db, await digestMessages(db, org, fy, today.key, now, mailFrom, appUrl)) : 0;
      if (appUrl) queued += await queueDigestPushes(db, org, fy, today.key, now, appUrl);
      outcomes.push({ orgId: org.id, queued });
    } catch (e) {
      console.error('digest job failed for an office', { org: org.id, day: today.key, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return outcomes;
}

async function digestMessages(db: Db, org: Organisation, fy: { id: string; beYear: number }, day: string, now: number, mailFrom: string, appUrl: string | undefined): Promise<NewMessage[]> {
  const fiscalYearId = fy.id;
  const [board, directors, explicit, links] = await Promise.all([
    loadDigestBoard(db, org.id, fiscalYearId),
    membersWithRoles(db, org.id, ['director']),
    explicitRecipients(db, org.id, 'digest'),
    evidenceHealth(db, org.id, { fiscalYearId }),
  ]);
  const from = senderFor(org.nameTh, mailFrom);
  const base = { today: day, orgNameTh: org.nameTh, thaiDigits: org.settings?.thaiDigits === true, ...board, links };
  const people = [
    ...directors.filter((d) => d.groupId).map((d) => ({ key: d.userId, email: d.email, name: d.name, groupId: d.groupId })),
    ...explicit.map((r) => ({ key: `email:${r.email.toLowerCase()}`, email: r.email, name: r.name, groupId: null })),
  ];
  const messages: NewMessage[] = [];
  for (const p of people) {
    const digest = compileDigest({ ...base, groupId: p.groupId });
    if (digestIsEmpty(digest)) continue;
    // The board filtered to the director's group (the whole board for an explicit recipient).
    const link = appUrl ? appLink(appUrl, `/board/${fy.beYear}${p.groupId ? `?group=${encodeURIComponent(p.groupId)}` : ''}`) : undefined;
    const mail = digestMail(digest, from, { addr: p.email, name: p.name }, now, link);
    messages.push(emailMessage(org.id, digestDedupeKey(org.id, day, p.key), null, mail, now));
  }
  return messages;
}

/**
 * Each LINE group linked to an office group gets that group's digest, only when it has overdue
 * or soon-due steps; each push leaves room in the month's quota for the reports still to come
 * (domain/line.ts reportReserve, by the members LINE last counted in the report groups).
 */
async function queueDigestPushes(db: Db, org: Organisation, fy: { id: string; beYear: number }, day: string, now: number, appUrl: string): Promise<number> {
  if (!(await readLineSettings(db, org.id))) return 0;
  const linked = await linkedGroups(db, org.id);
  const targets = linked.filter((g) => g.audience === 'group' && g.officeGroupId);
  if (targets.length === 0) return 0;
  const [board, schedules, links] = await Promise.all([loadDigestBoard(db, org.id, fy.id), readScheduleEntriesOfYear(db, fy.beYear, [org.id]), evidenceHealth(db, org.id, { fiscalYearId: fy.id })]);
  const members = (audience: string) => linked.filter((g) => g.audience === audience).reduce((n, g) => n + (g.memberCount ?? 0), 0);
  const reserve = reportReserve(schedules.get(fy.id) ?? [], [fy.beYear], now, { executive: members('executives'), staff: members('staff') });
  const base = { today: day, orgNameTh: org.nameTh, thaiDigits: org.settings?.thaiDigits === true, ...board, links };
  const pushes = [];
  for (const g of targets) {
    const body = digestPush(compileDigest({ ...base, groupId: g.officeGroupId }), g.lineGroupId, appLink(appUrl, `/board/${fy.beYear}?group=${encodeURIComponent(g.officeGroupId!)}`));
    if (!body) continue;
    const message = { id: crypto.randomUUID(), orgId: org.id, channel: 'line' as const, target: g.lineGroupId, dedupeKey: `line-digest:${org.id}:${day}:${g.lineGroupId}`, reportId: null, subject: pushSummary(body), raw: JSON.stringify(body), nextAttemptAt: now };
    pushes.push({ message, kind: 'digest' as const, reserve });
  }
  return enqueuePushes(db, pushes, now);
}
