// The office's outbox list: what needs attention first (failed, sending, pending), then what was
// sent, each newest first, cut at the page size; read as one indexed page per status (the plan is
// checked in query-plans.test.ts), so the order is checked here.
import { beforeAll, describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { emailMessage, enqueue, listMessages } from '../../worker/db/outbox';
import { db, seedOffice, type Demo } from './helpers';

let demo: Demo;
let other: Demo;

async function queue(office: Demo, name: string, status: string, createdAt: number) {
  const id = crypto.randomUUID();
  await enqueue(db(), [emailMessage(office.orgId, `list-test:${id}`, null, { id, to: `${name}@example.go.th`, subject: name, raw: 'x' }, createdAt)]);
  await env.DB.prepare('update outbox set status = ?, created_at = ? where id = ?').bind(status, createdAt, id).run();
}

beforeAll(async () => {
  demo = await seedOffice();
  other = await seedOffice('other-office', 'other.local');
  const T = Date.UTC(2026, 10, 1);
  await queue(demo, 'sent-old', 'sent', T);
  await queue(demo, 'failed-old', 'failed', T + 1);
  await queue(demo, 'pending', 'pending', T + 2);
  await queue(demo, 'sent-new', 'sent', T + 3);
  await queue(demo, 'sending', 'sending', T + 4);
  await queue(demo, 'failed-new', 'failed', T + 5);
  await queue(other, 'elsewhere', 'failed', T + 6);
});

describe("the office's outbox list", () => {
  it('lists failed, sending, pending, then sent, each newest first, and only this office', async () => {
    const listed = await listMessages(db(), demo.orgId);
    expect(listed.map((m) => m.subject)).toEqual(['failed-new', 'failed-old', 'sending', 'pending', 'sent-new', 'sent-old']);
  });

  it('is cut at the page size, keeping what needs attention', async () => {
    expect((await listMessages(db(), demo.orgId, 3)).map((m) => m.subject)).toEqual(['failed-new', 'failed-old', 'sending']);
  });
});
