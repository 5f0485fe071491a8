// The outbox as a table of channels (db/outbox.ts, cron/outbox-job.ts): email is one channel, and
// a push to a LINE group (issue 17) must fit the same row, claim and retries. Real D1; the senders
// are recordings, as the mail transport is in cron.test.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { createDb } from '../../worker/db/client';
import { emailMessage, enqueue, listMessages } from '../../worker/db/outbox';
import { deliverDue, runOutboxJob, type ChannelSender } from '../../worker/cron/outbox-job';
import { BACKOFF_CAP_MS, Undeliverable, retryDelay } from '../../worker/domain/report-delivery';
import type { MailTransport, OutgoingMail } from '../../worker/email/transport';
import { seedOffice, type Demo } from './helpers';

let demo: Demo;
const db = () => createDb(env.DB);
const T0 = Date.parse('2026-11-29T01:00:00Z');

const row = (id: string) => env.DB.prepare('select * from outbox where id = ?').bind(id).first<Record<string, any>>();

function linePush(n: number) {
  return {
    id: crypto.randomUUID(),
    orgId: demo.orgId,
    channel: 'line' as const,
    dedupeKey: `test-line:${n}:${crypto.randomUUID()}`,
    reportId: null,
    target: `C${'0'.repeat(31)}${n}`,
    subject: 'รายงานความก้าวหน้า',
    raw: JSON.stringify({ to: `C${'0'.repeat(31)}${n}`, messages: [{ type: 'text', text: 'สวัสดี' }] }),
    nextAttemptAt: T0,
  };
}

beforeAll(async () => {
  demo = await seedOffice();
});

describe('a message of another channel in the outbox', () => {
  it('is queued with its target and a retry key, and the email run leaves it alone', async () => {
    const push = linePush(1);
    const mailId = crypto.randomUUID();
    const mail = emailMessage(demo.orgId, `test-mail:${mailId}`, null, { id: mailId, to: 'Director@Example.go.th', subject: 's', raw: 'From: ITA Board <board@example.go.th>\r\n\r\nbody' }, T0);
    expect(await enqueue(db(), [push, mail])).toBe(2);
    // Queued again (a repeated trigger): nothing new.
    expect(await enqueue(db(), [push, mail])).toBe(0);

    const queued = (await row(push.id))!;
    expect(queued).toMatchObject({ channel: 'line', target: push.target, to_email: null, status: 'pending', attempts: 0 });
    expect(queued.retry_key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await row(mailId)).toMatchObject({ channel: 'email', to_email: 'director@example.go.th', target: null });

    const sent: OutgoingMail[] = [];
    const transport: MailTransport = { send: async (m) => void sent.push(m) };
    const run = await runOutboxJob(db(), transport, T0);
    expect(run.sent).toBe(1);
    expect(sent.map((m) => [m.from, m.to])).toEqual([['board@example.go.th', 'director@example.go.th']]);
    expect(await row(push.id)).toMatchObject({ status: 'pending', attempts: 0 });

    // Administrators see both, each with its channel and recipient.
    const listed = await listMessages(db(), demo.orgId);
    expect(listed.find((m) => m.id === push.id)).toMatchObject({ channel: 'line', target: push.target, toEmail: null, status: 'pending' });
    expect(listed.find((m) => m.id === mailId)).toMatchObject({ channel: 'email', toEmail: 'director@example.go.th', target: null, status: 'sent' });

    // A run with a sender for its channel sends it (and only it: the email went already).
    const pushed: string[] = [];
    expect(await deliverDue(db(), { email: async () => expect.fail('no email is due'), line: async (m) => void pushed.push(m.id) }, T0)).toMatchObject({ sent: 1 });
    expect(pushed).toEqual([push.id]);
  });

  it('goes through its own sender: claimed once, retried with the same retry key after the back-off', async () => {
    const push = linePush(2);
    await enqueue(db(), [push]);
    const calls: { target: string | null; retryKey: string | null; attempts: number }[] = [];
    let failures = 2;
    const line: ChannelSender = async (m) => {
      calls.push({ target: m.target, retryKey: m.retryKey, attempts: m.attempts });
      if (failures-- > 0) throw new Error('LINE answered 500');
    };
    const retryKey = (await row(push.id))!.retry_key as string;

    // Two overlapping runs: the message is claimed by one of them only.
    const [a, b] = await Promise.all([deliverDue(db(), { line }, T0), deliverDue(db(), { line }, T0)]);
    expect(a.retrying + b.retrying).toBe(1);
    expect(await row(push.id)).toMatchObject({ status: 'pending', attempts: 1, next_attempt_at: T0 + retryDelay(1), last_error: 'LINE answered 500' });

    // Not due before its back-off has passed.
    expect(await deliverDue(db(), { line }, T0 + retryDelay(1) - 1)).toMatchObject({ sent: 0, retrying: 0 });
    const t1 = T0 + retryDelay(1);
    expect(await deliverDue(db(), { line }, t1)).toMatchObject({ retrying: 1 });
    const t2 = t1 + retryDelay(2);
    expect(await deliverDue(db(), { line }, t2)).toMatchObject({ sent: 1 });

    expect(calls).toEqual([1, 2, 3].map((attempts) => ({ target: push.target, retryKey, attempts })));
    expect(await row(push.id)).toMatchObject({ status: 'sent', sent_at: t2, last_error: null, retry_key: retryKey });
    expect(retryDelay(99)).toBe(BACKOFF_CAP_MS);
  });

  it('that the service refuses for good is failed at once, not retried, and shown to administrators', async () => {
    const push = linePush(4);
    await enqueue(db(), [push]);
    let calls = 0;
    const line: ChannelSender = async () => {
      calls++;
      throw new Undeliverable('LINE answered 400: The property, to, is invalid');
    };
    expect(await deliverDue(db(), { line }, T0)).toMatchObject({ failed: 1, retrying: 0, sent: 0 });
    expect(await deliverDue(db(), { line }, T0 + BACKOFF_CAP_MS)).toMatchObject({ failed: 0, retrying: 0, sent: 0 });
    expect(calls).toBe(1);
    const listed = (await listMessages(db(), demo.orgId)).find((m) => m.id === push.id);
    expect(listed).toMatchObject({ status: 'failed', attempts: 1, lastError: 'LINE answered 400: The property, to, is invalid' });
  });

  it('must name its target: the table refuses a push without one, and an email without an address', async () => {
    const { target: _target, ...noTarget } = linePush(3);
    await expect(
      env.DB.prepare("insert into outbox (id, org_id, channel, dedupe_key, subject, raw, next_attempt_at) values (?, ?, 'line', ?, 's', '{}', 0)")
        .bind(noTarget.id, demo.orgId, noTarget.dedupeKey)
        .run(),
    ).rejects.toThrow(/CHECK constraint failed/);
    await expect(
      env.DB.prepare("insert into outbox (id, org_id, dedupe_key, subject, raw, next_attempt_at) values (?, ?, ?, 's', 'MIME', 0)")
        .bind(crypto.randomUUID(), demo.orgId, `test-no-address:${crypto.randomUUID()}`)
        .run(),
    ).rejects.toThrow(/CHECK constraint failed/);
  });
});
