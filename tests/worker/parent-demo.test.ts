// The demo's parent body (npm start, POST /api/dev/seed): three offices under it, its template for
// the current year published and adopted by all three, its users reading the offices.
import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { call, db, getBoard } from './helpers';
import { createSession } from '../../worker/db/auth';
import { SESSION_COOKIE } from '../../worker/middleware/session';
import { seedLiveDemo } from '../../worker/seed/demo-history';
import { seedParentDemo } from '../../worker/seed/parent';

describe('the demo parent body', () => {
  it('oversees three offices that adopted its template; its oversight user opens them read-only', async () => {
    const demo = await seedLiveDemo(db(), { now: Date.parse('2026-11-30T03:00:00Z') });
    const started = Date.now();
    const seeded = await seedParentDemo(db(), demo.orgId, demo.userIds['admin@demo.local']!, demo.currentYear);
    console.log(`parent demo seeded in ${Date.now() - started} ms`);
    expect(seeded.offices).toHaveLength(3);
    const adoptions = await env.DB.prepare('select count(*) n from template_adoptions where template_id = ?').bind(seeded.templateId).first<{ n: number }>();
    expect(adoptions!.n).toBe(3);
    const oversight = await env.DB.prepare("select id from users where email = 'region.oversight@demo.local'").first<{ id: string }>();
    const cookie = `${SESSION_COOKIE}=${await createSession(db(), oversight!.id, seeded.parentOrgId)}`;
    const list = await call('GET', '/api/session/offices', { cookie });
    expect(list.json.offices).toHaveLength(4);
    const opened = await call('POST', '/api/session/office', { cookie, body: { orgId: demo.orgId } });
    expect(opened.status).toBe(200);
    const token = /__Host-ita_session=([^;]+)/.exec(opened.headers.get('set-cookie')!)![1];
    const board = await getBoard(`${SESSION_COOKIE}=${token}`, demo.currentYear);
    const fromTemplate = await env.DB.prepare('select count(*) n from cards where org_id = ? and template_step_id is not null').bind(demo.orgId).first<{ n: number }>();
    expect(fromTemplate!.n).toBe(7);
    expect(board.cards.length).toBeGreaterThan(7);
    expect(board.cards.some((c) => c.editable)).toBe(false);
  }, 120_000);
});
