// The directors' daily digest (07:00 Bangkok): for each director, one email listing the steps of
// their group that are overdue or due within seven days; nothing is sent on a day with none.
// Explicit 'digest' recipients get the same list for the whole office. Digests are not kept as
// reports: the outbox row (one per office, day and person) is their record. Per office: query
// (db/reports.ts), compile per person (domain/report-digest.ts), render (email/digest-email.ts),
// enqueue (db/outbox.ts).
import type { Db } from '../db/client';
import { emailMessage, enqueue, type NewMessage } from '../db/outbox';
import { explicitRecipients, findBoardYears, listOrganisations, loadDigestBoard, membersWithRoles, type Organisation } from '../db/reports';
import { compileDigest, digestIsEmpty } from '../domain/report-digest';
import { digestDedupeKey, kindEnabled } from '../domain/report-delivery';
import { periodForRun } from '../domain/report-period';
import { digestMail } from '../email/digest-email';
import { senderFor } from '../email/mime';

export async function runDigestJob(db: Db, now: number, mailFrom: string | undefined): Promise<{ orgId: string; queued: number }[]> {
  const today = periodForRun('digest', now);
  const outcomes: { orgId: string; queued: number }[] = [];
  if (!mailFrom) {
    console.warn('MAIL_FROM is not set: no digests queued');
    return outcomes;
  }
  const [orgs, boards] = await Promise.all([listOrganisations(db), findBoardYears(db, today.fiscalYear)]);
  for (const org of orgs) {
    if (!kindEnabled(org.settings, 'digest')) continue;
    const fy = boards.get(org.id);
    // No board for the year yet, or an archived (read-only) year: nothing to remind anyone of.
    if (!fy || fy.archivedAt !== null) continue;
    try {
      outcomes.push({ orgId: org.id, queued: await enqueue(db, await digestMessages(db, org, fy.id, today.key, now, mailFrom)) });
    } catch (e) {
      console.error('digest job failed for an office', { org: org.id, day: today.key, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return outcomes;
}

async function digestMessages(db: Db, org: Organisation, fiscalYearId: string, day: string, now: number, mailFrom: string): Promise<NewMessage[]> {
  const [board, directors, explicit] = await Promise.all([
    loadDigestBoard(db, org.id, fiscalYearId),
    membersWithRoles(db, org.id, ['director']),
    explicitRecipients(db, org.id, 'digest'),
  ]);
  const from = senderFor(org.nameTh, mailFrom);
  const base = { today: day, orgNameTh: org.nameTh, thaiDigits: org.settings?.thaiDigits === true, ...board };
  const people = [
    ...directors.filter((d) => d.groupId).map((d) => ({ key: d.userId, email: d.email, name: d.name, groupId: d.groupId })),
    ...explicit.map((r) => ({ key: `email:${r.email.toLowerCase()}`, email: r.email, name: r.name, groupId: null })),
  ];
  const messages: NewMessage[] = [];
  for (const p of people) {
    const digest = compileDigest({ ...base, groupId: p.groupId });
    if (digestIsEmpty(digest)) continue;
    const mail = digestMail(digest, from, { addr: p.email, name: p.name }, now);
    messages.push(emailMessage(org.id, digestDedupeKey(org.id, day, p.key), null, mail, now));
  }
  return messages;
}
