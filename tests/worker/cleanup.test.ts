// The daily sweep through the real scheduled handler (the 07:00 Bangkok cron) against real D1:
// what grows by itself is bounded — expired sessions, forgotten sign-in counters, the bodies of
// old sent mail, year-old sign-in records — and the board's own records are never touched.
import { beforeAll, describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { runScheduled, SCHEDULES } from '../../worker/cron';
import { RETENTION } from '../../worker/domain/retention';
import { sha256Hex } from '../../worker/domain/crypto';
import type { Env } from '../../worker/env';
import { call, cookieFor, getBoard, seedOffice, type Demo } from './helpers';

const DAY = 24 * 3600_000;
let demo: Demo;

async function daily(now: number) {
  const controller = createScheduledController({ scheduledTime: now, cron: SCHEDULES.digest });
  const ctx = createExecutionContext();
  // No mail goes anywhere: MAIL_FROM is left out, so the digest queues nothing.
  await runScheduled(controller, { ...env, MAIL_FROM: undefined } as unknown as Env, ctx, { transport: () => ({ send: async () => {} }) });
  await waitOnExecutionContext(ctx);
}

const ids = async (sqlText: string) => (await env.DB.prepare(sqlText).all<{ id: string }>()).results.map((r) => r.id).sort();

/** A checksum of every row of the board's own records. */
async function boardRecords(): Promise<string> {
  const tables = ['organisations', 'fiscal_years', 'board_columns', 'measures', 'cards', 'card_events', 'evidence_links', 'comments', 'oit_items', 'reports', 'memberships', 'users', 'groups'];
  const parts: string[] = [];
  for (const t of tables) parts.push(JSON.stringify((await env.DB.prepare(`select * from "${t}" order by rowid`).all()).results));
  return sha256Hex(parts.join('\n'));
}

beforeAll(async () => {
  demo = await seedOffice();
  const admin = await cookieFor(demo, 'admin');
  const board = await getBoard(admin);
  const card = board.cards[0]!;
  expect((await call('POST', `/api/cards/${card.id}/evidence`, { cookie: admin, body: { url: 'https://example.go.th/a', note: '', oitCode: null } })).status).toBe(201);
  expect((await call('POST', `/api/cards/${card.id}/comments`, { cookie: admin, body: { body: 'ความเห็น' } })).status).toBe(201);
});

describe('the daily sweep', () => {
  it('deletes what has expired, keeps what is live, and leaves the board untouched', async () => {
    const now = Date.UTC(2026, 10, 29, 0, 0);
    const user = demo.userIds['staff@demo.local']!;
    const session = (id: string, expiresAt: number, revokedAt: number | null) =>
      env.DB.prepare('insert into sessions (id, user_id, org_id, created_at, expires_at, revoked_at) values (?, ?, ?, ?, ?, ?)').bind(id, user, demo.orgId, expiresAt - 7 * DAY, expiresAt, revokedAt);
    const throttle = (key: string, windowStart: number, blockedUntil: number) =>
      env.DB.prepare('insert into sign_in_throttle (key, failures, window_start, blocked_until) values (?, 3, ?, ?)').bind(key, windowStart, blockedUntil);
    const mail = (id: string, status: string, sentAt: number | null) =>
      env.DB.prepare("insert into outbox (id, org_id, dedupe_key, to_email, subject, raw, status, next_attempt_at, sent_at) values (?, ?, ?, 'a@example.go.th', 'รายงาน', 'MIME body', ?, 0, ?)").bind(id, demo.orgId, id, status, sentAt);
    const audit = (action: string, at: number) => env.DB.prepare('insert into audit_log (org_id, user_id, action, detail, at) values (?, null, ?, ?, ?)').bind(demo.orgId, action, JSON.stringify({ at }), at);
    await env.DB.batch([
      session('expired-long-ago', now - 3 * DAY, null),
      session('signed-out-long-ago', now + 3 * DAY, now - 2 * DAY),
      session('live', now + 3 * DAY, null),
      session('just-expired', now - 3600_000, null),
      throttle('account:forgotten@example.go.th', now - RETENTION.throttleMs - 60_000, 0),
      throttle('account:recent@example.go.th', now - 3600_000, 0),
      throttle('pair:waiting@example.go.th|1.2.3.4', now - RETENTION.throttleMs - 60_000, now + 60_000),
      mail('sent-old', 'sent', now - 91 * DAY),
      mail('sent-recent', 'sent', now - 30 * DAY),
      mail('failed-old', 'failed', null),
      audit('sign_in.failed', now - 400 * DAY),
      audit('authorisation.refused', now - 366 * DAY),
      audit('sign_in.failed', now - 200 * DAY),
      audit('user.role_changed', now - 11 * 365 * DAY),
      audit('user.removed', now - 4000 * DAY),
      audit('backup.restored', now - 3000 * DAY),
    ]);
    const before = await boardRecords();
    await daily(now);

    expect(await ids("select id from sessions where id in ('expired-long-ago', 'signed-out-long-ago', 'live', 'just-expired')")).toEqual(['just-expired', 'live']);
    expect((await env.DB.prepare('select key from sign_in_throttle order by key').all<{ key: string }>()).results.map((r) => r.key)).toEqual([
      'account:recent@example.go.th',
      'pair:waiting@example.go.th|1.2.3.4',
    ]);
    const outbox = (await env.DB.prepare('select id, raw, status from outbox order by id').all<{ id: string; raw: string; status: string }>()).results;
    // The old message's body is gone, its record (who, what, when, sent) stays.
    expect(outbox).toEqual([
      { id: 'failed-old', raw: 'MIME body', status: 'failed' },
      { id: 'sent-old', raw: '', status: 'sent' },
      { id: 'sent-recent', raw: 'MIME body', status: 'sent' },
    ]);
    const audits = (await env.DB.prepare("select action from audit_log where json_extract(detail, '$.at') is not null order by at").all<{ action: string }>()).results.map((r) => r.action);
    expect(audits).toEqual(['user.role_changed', 'user.removed', 'backup.restored', 'sign_in.failed']);
    expect(await boardRecords()).toBe(before);

    // A second run the same day finds nothing more to do.
    await daily(now + 60_000);
    expect(await ids("select id from sessions where id in ('expired-long-ago', 'signed-out-long-ago', 'live', 'just-expired')")).toEqual(['just-expired', 'live']);
    expect(await boardRecords()).toBe(before);
  });

  it('bounds what unauthenticated sign-in attempts leave behind: one counter per typed email, gone a day later', async () => {
    const before = (await env.DB.prepare('select count(*) n from sign_in_throttle').first<{ n: number }>())!.n;
    const attempts = 12;
    const results = await Promise.all(
      Array.from({ length: attempts }, (_, i) => call('POST', '/api/auth/sign-in', { body: { email: `nobody${i}@example.go.th`, password: 'wrong-password-123' }, headers: { 'cf-connecting-ip': '198.51.100.7' } })),
    );
    for (const r of results) expect([401, 429]).toContain(r.status);
    const grown = (await env.DB.prepare('select count(*) n from sign_in_throttle').first<{ n: number }>())!.n;
    expect(grown).toBeGreaterThan(before);
    // The sweep a little over a day later leaves none of them.
    await daily(Date.now() + RETENTION.throttleMs + 20 * 60_000);
    expect((await env.DB.prepare("select count(*) n from sign_in_throttle where key like '%nobody%'").first<{ n: number }>())!.n).toBe(0);
  });

  it("forgets LINE's handled webhook events after a week and link codes a day after they expired", async () => {
    const now = Date.UTC(2026, 11, 20, 0, 0);
    const event = (id: string, receivedAt: number) =>
      env.DB.prepare('insert into line_webhook_events (org_id, event_id, received_at) values (?, ?, ?)').bind(demo.orgId, id, receivedAt);
    const code = (hash: string, expiresAt: number, usedAt: number | null) =>
      env.DB.prepare("insert into line_link_codes (code_hash, org_id, audience, expires_at, used_at) values (?, ?, 'staff', ?, ?)").bind(hash, demo.orgId, expiresAt, usedAt);
    await env.DB.batch([
      event('event-old', now - RETENTION.lineWebhookEventMs - 60_000),
      event('event-recent', now - 3600_000),
      code('code-expired-long-ago', now - RETENTION.expiredLinkCodeMs - 60_000, null),
      code('code-used-long-ago', now - 2 * DAY, now - 2 * DAY - 600_000),
      code('code-just-expired', now - 60_000, null),
      code('code-live', now + 600_000, null),
    ]);
    await daily(now);
    const events = (await env.DB.prepare("select event_id id from line_webhook_events where event_id like 'event-%' order by event_id").all<{ id: string }>()).results.map((r) => r.id);
    expect(events).toEqual(['event-recent']);
    expect(await ids("select code_hash id from line_link_codes where code_hash like 'code-%'")).toEqual(['code-just-expired', 'code-live']);
  });
});
