// The organisation tree (issue 19): who opens which organisation (a parent reads its descendants,
// read-only; a child never reads its parent or its siblings), cycles refused, invitations (only the
// office's administrator accepts; declined, revoked and expired ones cannot be accepted), leaving
// logged, and the parent-body routes' own authorisation matrix.
import { beforeAll, describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { call, cookieFor, db, getBoard, seedOffice, type Demo } from './helpers';
import { createSession } from '../../worker/db/auth';
import { SESSION_COOKIE } from '../../worker/middleware/session';
import { placeUnder, seedParentBody } from '../../worker/seed/parent';
import { acceptInvitation, createInvitation } from '../../worker/db/tree';

let home: Demo;
let sibling: Demo;
let outsider: Demo;
let parent: { orgId: string; userIds: Record<string, string> };
let grand: { orgId: string; userIds: Record<string, string> };

const cookieOf = async (userId: string, orgId: string) => `${SESSION_COOKIE}=${await createSession(db(), userId, orgId)}`;
/** A fresh session of each person (opening another organisation ends the session it came from). */
const sessionOf: Record<string, () => Promise<string>> = {};
const as = (who: string) => sessionOf[who]!();

/** Opens an organisation with a session of another; answers the status and the new cookie. */
async function open(cookie: string, orgId: string) {
  const r = await call('POST', '/api/session/office', { cookie, body: { orgId } });
  const set = r.headers.get('set-cookie') ?? '';
  const token = /__Host-ita_session=([^;]+)/.exec(set)?.[1];
  return { status: r.status, json: r.json, cookie: token ? `${SESSION_COOKIE}=${token}` : '' };
}

const audited = async (orgId: string, action: string) =>
  (await env.DB.prepare('select count(*) n from audit_log where org_id = ? and action = ?').bind(orgId, action).first<{ n: number }>())!.n;

beforeAll(async () => {
  home = await seedOffice('tree-home');
  sibling = await seedOffice('tree-sibling', 'sibling.local');
  outsider = await seedOffice('tree-outsider', 'outsider.local');
  grand = await seedParentBody(db(), {
    slug: 'tree-grand',
    nameTh: 'สำนักงานปลัดกระทรวง (ทดสอบ)',
    nameEn: 'Permanent Secretary (test)',
    accounts: [
      { email: 'admin@grand.test', displayName: 'ผู้ดูแล สป.', role: 'admin' },
      { email: 'oversight@grand.test', displayName: 'ผู้กำกับ สป.', role: 'oversight' },
    ],
  });
  parent = await seedParentBody(db(), {
    slug: 'tree-parent',
    nameTh: 'สำนักงานศึกษาธิการภาค (ทดสอบ)',
    nameEn: 'Regional Education Office (test)',
    accounts: [
      { email: 'admin@parent.test', displayName: 'ผู้ดูแลภาค', role: 'admin' },
      { email: 'oversight@parent.test', displayName: 'ผู้กำกับภาค', role: 'oversight' },
    ],
  });
  await placeUnder(db(), grand.orgId, [{ orgId: parent.orgId }]);
  await placeUnder(db(), parent.orgId, [{ orgId: home.orgId, attributes: { region: 'เหนือ' } }, { orgId: sibling.orgId }]);
  sessionOf.parentAdmin = () => cookieOf(parent.userIds['admin@parent.test']!, parent.orgId);
  sessionOf.parentOversight = () => cookieOf(parent.userIds['oversight@parent.test']!, parent.orgId);
  sessionOf.grandOversight = () => cookieOf(grand.userIds['oversight@grand.test']!, grand.orgId);
  sessionOf.grandAdmin = () => cookieOf(grand.userIds['admin@grand.test']!, grand.orgId);
  sessionOf.homeAdmin = () => cookieFor(home, 'admin');
  sessionOf.homeExecutive = () => cookieFor(home, 'executive');
  sessionOf.siblingAdmin = () => cookieFor(sibling, 'admin');
  sessionOf.outsiderAdmin = () => cookieFor(outsider, 'admin');
});

describe('reading down the tree', () => {
  it("a parent body's oversight user and administrator open every descendant office, read-only; a grandparent too", async () => {
    for (const who of ['parentOversight', 'parentAdmin', 'grandOversight', 'grandAdmin']) {
      const opened = await open(await as(who), home.orgId);
      expect(opened.status, who).toBe(200);
      expect(opened.json).toMatchObject({ role: 'oversight', groupId: null });
      const me = await call('GET', '/api/me', { cookie: opened.cookie });
      expect(me.json).toMatchObject({ org: { id: home.orgId, kind: 'office' }, role: 'oversight' });
      const board = await getBoard(opened.cookie);
      expect(board.cards.length, who).toBeGreaterThan(20);
      expect(board.cards.some((c) => c.editable), who).toBe(false);
      // Dashboards, reports and OIT readiness read as the office's executives read them.
      for (const path of ['/api/dashboard/2567', '/api/oit/2567', '/api/reports?beYear=2567']) {
        const r = await call('GET', path, { cookie: opened.cookie });
        expect(r.status, `${who} ${path}: ${r.text.slice(0, 200)}`).toBe(200);
      }
      // Nothing changes: a move, an edit, an administration.
      const card = board.cards[0]!;
      const move = await call('POST', `/api/cards/${card.id}/move`, { cookie: opened.cookie, body: { toColumnId: board.columns[1]!.id, afterCardId: null, beforeCardId: null, version: card.version } });
      expect(move.status, who).toBe(403);
      const edit = await call('PATCH', `/api/cards/${card.id}`, { cookie: opened.cookie, body: { version: card.version, details: 'x' } });
      expect(edit.status, who).toBe(403);
      const group = await call('POST', '/api/admin/groups', { cookie: opened.cookie, body: { nameTh: 'กลุ่มจากภาค', nameEn: '' } });
      expect(group.status, who).toBe(403);
      // A parent user opening an office cannot act for its administrator in the tree either.
      const leave = await call('POST', '/api/office/parent/leave', { cookie: opened.cookie });
      expect(leave.status, who).toBe(403);
    }
  });

  it("lists what each person can open: a parent's descendants; an office only itself", async () => {
    const list = await call('GET', '/api/session/offices', { cookie: await as('grandOversight') });
    const ids = list.json.offices.map((o: { id: string }) => o.id).sort();
    expect(ids).toEqual([grand.orgId, parent.orgId, home.orgId, sibling.orgId].sort());
    expect(list.json.offices.find((o: { id: string }) => o.id === home.orgId)).toMatchObject({ role: 'oversight', via: grand.orgId, depth: 2 });
    const office = await call('GET', '/api/session/offices', { cookie: await as('homeAdmin') });
    expect(office.json.offices.map((o: { id: string }) => o.id)).toEqual([home.orgId]);
  });

  it('a child never opens its parent, its siblings or an office outside the tree; a parent never opens its own parent', async () => {
    for (const [who, target] of [
      ['homeAdmin', sibling.orgId],
      ['homeAdmin', parent.orgId],
      ['homeExecutive', parent.orgId],
      ['siblingAdmin', home.orgId],
      ['parentAdmin', grand.orgId],
      ['parentOversight', outsider.orgId],
      ['outsiderAdmin', home.orgId],
    ] as const) {
      const r = await open(await as(who), target);
      expect(r.status, `${who} → ${target}`).toBe(404);
      expect(r.json.error.messageEn).toBeTruthy();
    }
    const parentPage = await call('GET', '/api/parent', { cookie: await as('homeAdmin') });
    expect(parentPage.status).toBe(403);
  });

  it("the parent's page lists its descendants with their attributes", async () => {
    const r = await call('GET', '/api/parent', { cookie: await as('parentOversight') });
    expect(r.status).toBe(200);
    expect(r.json.canAdminister).toBe(false);
    const homeRow = r.json.offices.find((o: { id: string }) => o.id === home.orgId);
    expect(homeRow).toMatchObject({ attributes: { region: 'เหนือ' }, depth: 1 });
    const g = await call('GET', '/api/parent', { cookie: await as('grandAdmin') });
    expect(g.json.offices.map((o: { depth: number }) => o.depth).sort()).toEqual([1, 2, 2]);
  });
});

describe('joining and leaving', () => {
  it('refuses a cycle, the parent itself and a tree too deep', async () => {
    // The parent body (under the grandparent) invites the grandparent: a cycle.
    const cycle = await call('POST', '/api/parent/invitations', { cookie: await as('parentAdmin'), body: { slug: 'tree-grand' } });
    expect(cycle.status).toBe(422);
    expect(cycle.json.error.code).toBe('invite');
    expect(cycle.json.error.messageEn).toContain('cycle');
    const self = await call('POST', '/api/parent/invitations', { cookie: await as('parentAdmin'), body: { slug: 'tree-parent' } });
    expect(self.status).toBe(422);
    // An office that already has a parent.
    const taken = await call('POST', '/api/parent/invitations', { cookie: await as('grandAdmin'), body: { slug: 'tree-home' } });
    expect(taken.status).toBe(422);
    expect(taken.json.error.messageTh).toContain('สังกัดหน่วยงานอื่นอยู่แล้ว');
    const unknown = await call('POST', '/api/parent/invitations', { cookie: await as('parentAdmin'), body: { slug: 'no-such-office' } });
    expect(unknown.status).toBe(404);
    expect(await env.DB.prepare('select count(*) n from org_invitations').first<{ n: number }>()).toEqual({ n: 0 });
  });

  it("an invitation is accepted only by the office's administrator; the join is logged in both", async () => {
    const inv = await call('POST', '/api/parent/invitations', { cookie: await as('parentAdmin'), body: { slug: 'tree-outsider' } });
    expect(inv.status).toBe(201);
    const again = await call('POST', '/api/parent/invitations', { cookie: await as('parentAdmin'), body: { slug: 'tree-outsider' } });
    expect(again.status).toBe(409);
    const id = inv.json.invitation.id as string;
    // The parent's oversight user may not invite; the office's executive may not accept.
    expect((await call('POST', '/api/parent/invitations', { cookie: await as('parentOversight'), body: { slug: 'tree-outsider' } })).status).toBe(403);
    expect((await call('POST', `/api/office/invitations/${id}/accept`, { cookie: await cookieFor(outsider, 'executive') })).status).toBe(403);
    // Another office's administrator does not see it.
    expect((await call('POST', `/api/office/invitations/${id}/accept`, { cookie: await as('homeAdmin') })).status).toBe(404);
    const seen = await call('GET', '/api/office/parent', { cookie: await as('outsiderAdmin') });
    // Who invites: the parent body, and the person of it who sent the invitation.
    expect(seen.json).toMatchObject({ parent: null, invitations: [{ id, status: 'pending', org: { id: parent.orgId }, invitedBy: 'ผู้ดูแลภาค' }] });
    const accepted = await call('POST', `/api/office/invitations/${id}/accept`, { cookie: await as('outsiderAdmin') });
    expect(accepted.status).toBe(200);
    expect((await env.DB.prepare('select parent_id from organisations where id = ?').bind(outsider.orgId).first())!.parent_id).toBe(parent.orgId);
    expect(await audited(outsider.orgId, 'org.joined')).toBe(1);
    // The parent's log: its own join under the grandparent, its two seeded offices, and this one.
    expect(await audited(parent.orgId, 'org.joined')).toBe(4);
    // Accepted once: a second accept is refused and logs nothing.
    const twice = await call('POST', `/api/office/invitations/${id}/accept`, { cookie: await as('outsiderAdmin') });
    expect(twice.status).toBe(409);
    expect(await audited(outsider.orgId, 'org.joined')).toBe(1);
    // The parent now reads it.
    expect((await open(await as('parentOversight'), outsider.orgId)).status).toBe(200);
  });

  it('leaving is logged, and the parent reads the office no more, even with a session already open there', async () => {
    const opened = await open(await as('parentOversight'), outsider.orgId);
    expect(opened.status).toBe(200);
    expect((await call('GET', '/api/me', { cookie: opened.cookie })).status).toBe(200);
    const left = await call('POST', '/api/office/parent/leave', { cookie: await as('outsiderAdmin') });
    expect(left.status).toBe(204);
    expect(await audited(outsider.orgId, 'org.left')).toBe(1);
    expect(await audited(parent.orgId, 'org.left')).toBe(1);
    expect((await call('GET', '/api/me', { cookie: opened.cookie })).status).toBe(401);
    expect((await open(await as('parentOversight'), outsider.orgId)).status).toBe(404);
    const again = await call('POST', '/api/office/parent/leave', { cookie: await as('outsiderAdmin') });
    expect(again.status).toBe(409);
    expect(again.json.error.messageTh).toBeTruthy();
  });

  it('a declined, revoked or expired invitation cannot be accepted', async () => {
    const invite = async () => (await call('POST', '/api/parent/invitations', { cookie: await as('parentAdmin'), body: { slug: 'tree-outsider' } })).json.invitation.id as string;
    const declined = await invite();
    expect((await call('POST', `/api/office/invitations/${declined}/decline`, { cookie: await as('outsiderAdmin') })).status).toBe(204);
    const a1 = await call('POST', `/api/office/invitations/${declined}/accept`, { cookie: await as('outsiderAdmin') });
    expect(a1.status).toBe(409);
    expect(a1.json.error.messageEn).toContain('declined');
    const revoked = await invite();
    expect((await call('DELETE', `/api/parent/invitations/${revoked}`, { cookie: await as('parentAdmin') })).status).toBe(204);
    const a2 = await call('POST', `/api/office/invitations/${revoked}/accept`, { cookie: await as('outsiderAdmin') });
    expect(a2.status).toBe(409);
    expect(a2.json.error.messageTh).toContain('ถูกยกเลิก');
    const expired = await invite();
    await env.DB.prepare('update org_invitations set expires_at = ? where id = ?').bind(Date.now() - 1, expired).run();
    const a3 = await call('POST', `/api/office/invitations/${expired}/accept`, { cookie: await as('outsiderAdmin') });
    expect(a3.status).toBe(409);
    expect(a3.json.error.messageEn).toContain('expired');
    expect((await env.DB.prepare('select parent_id from organisations where id = ?').bind(outsider.orgId).first())!.parent_id).toBeNull();
  });

  it("the parent sets attributes on its own children only", async () => {
    const ok = await call('PUT', `/api/parent/offices/${sibling.orgId}/attributes`, { cookie: await as('parentAdmin'), body: { attributes: { region: 'กลาง', size: 'เล็ก' } } });
    expect(ok.status).toBe(200);
    // The grandparent's own children only: the sibling is its grandchild.
    expect((await call('PUT', `/api/parent/offices/${sibling.orgId}/attributes`, { cookie: await as('grandAdmin'), body: { attributes: { region: 'x' } } })).status).toBe(404);
    expect((await call('PUT', `/api/parent/offices/${sibling.orgId}/attributes`, { cookie: await as('parentOversight'), body: { attributes: { region: 'x' } } })).status).toBe(403);
    const row = await env.DB.prepare('select attributes from organisations where id = ?').bind(sibling.orgId).first<{ attributes: string }>();
    expect(JSON.parse(row!.attributes)).toEqual({ region: 'กลาง', size: 'เล็ก' });
  });

  it('roles fit the kind of organisation: no oversight users in an office, no directors in a parent body', async () => {
    const body = (role: string, n: number) => ({ email: `fit${n}@tree.test`, displayName: 'ทดสอบ', password: `Kd7-ward-${n}-tamarind-sky`, role, groupId: null });
    const inOffice = await call('POST', '/api/admin/users', { cookie: await as('homeAdmin'), body: body('oversight', 1) });
    expect(inOffice.status).toBe(422);
    expect(inOffice.json.error.code).toBe('role_not_for_org');
    const inParent = await call('POST', '/api/admin/users', { cookie: await as('parentAdmin'), body: body('executive', 2) });
    expect(inParent.status).toBe(422);
    const fits = await call('POST', '/api/admin/users', { cookie: await as('parentAdmin'), body: body('oversight', 3) });
    expect(fits.status).toBe(201);
  });
});

describe("the tree's authorisation matrix", () => {
  // Every route of the tree × every actor of the tree: who may, in words; each request valid, so a
  // refusal can only be the authorisation's. Signed out: 401; signed in without the right: 403; a
  // resource of another organisation: 404.
  type TreeActor = 'parentAdmin' | 'parentOversight' | 'parentAdminInHome' | 'grandAdmin' | 'homeAdmin' | 'homeExecutive' | 'siblingAdmin' | 'signedOut';
  const ACTORS: TreeActor[] = ['parentAdmin', 'parentOversight', 'parentAdminInHome', 'grandAdmin', 'homeAdmin', 'homeExecutive', 'siblingAdmin', 'signedOut'];
  const sessionFor = async (a: TreeActor): Promise<string | undefined> => {
    if (a === 'signedOut') return undefined;
    if (a === 'parentAdminInHome') return (await open(await as('parentAdmin'), home.orgId)).cookie;
    return as(a);
  };
  let n = 0;
  const fresh = async () => {
    const o = await seedOffice(`tree-m${++n}`, `m${n}.local`);
    return o;
  };
  interface TreeRule {
    name: string;
    /** May; `refusal` is the status of a refusal to a signed-in actor (403, or 404 for what is not theirs; 401 for a session that no longer reads the office). */
    allowed: TreeActor[];
    refusal: (a: TreeActor) => 401 | 403 | 404 | 409;
    request: () => Promise<{ method: string; path: string; body?: unknown }>;
  }
  /** An invitation of the parent to a new office, whose administrator is then 'homeAdmin'-like: we use the home office's own invitation instead. */
  const invitationToHome = async () => {
    // Home leaves first (it has a parent), then the parent invites it again.
    await restoreTree();
    await env.DB.prepare('update organisations set parent_id = null where id = ?').bind(home.orgId).run();
    const id = crypto.randomUUID();
    await env.DB.prepare('insert into org_invitations (id, parent_org_id, office_org_id, expires_at) values (?, ?, ?, ?)').bind(id, parent.orgId, home.orgId, Date.now() + 3600_000).run();
    return id;
  };
  const TEMPLATE_V1 = 'ที่\tมาตรการ/แนวทาง\tขั้นตอน/วิธีดำเนินการ\tผู้รับผิดชอบ\tการกำกับติดตาม/รายงานผล\n๑\tทดสอบ\t๑. ขั้นแรก ๒. ขั้นสอง\tกลุ่มอำนวยการ\t๑. รายงาน';
  const TEMPLATE_V2 = TEMPLATE_V1.replace('ขั้นสอง', 'ขั้นสองที่ปรับ');
  let lastYear = 0;
  /** A template of the parent body for a year of its own, published or not. */
  const parentTemplate = async (publish: boolean) => {
    lastYear = 2610 + ++n;
    const r = await call('POST', '/api/parent/templates/import', { cookie: await as('parentAdmin'), body: { beYear: lastYear, text: TEMPLATE_V1 } });
    expect(r.status, r.text).toBe(201);
    if (publish) expect((await call('POST', `/api/parent/templates/${r.json.id}/publish`, { cookie: await as('parentAdmin') })).status).toBe(201);
    return r.json.id as string;
  };
  const restoreTree = async () => {
    await env.DB.prepare('update organisations set parent_id = ? where id in (?, ?)').bind(parent.orgId, home.orgId, sibling.orgId).run();
    await env.DB.prepare('update organisations set parent_id = ? where id = ?').bind(grand.orgId, parent.orgId).run();
  };
  const rules: TreeRule[] = [
    {
      name: 'POST /api/parent/invitations',
      // Each parent body's administrator invites to their own body.
      allowed: ['parentAdmin', 'grandAdmin'],
      refusal: () => 403,
      request: async () => ({ method: 'POST', path: '/api/parent/invitations', body: { slug: (await env.DB.prepare('select slug from organisations where id = ?').bind((await fresh()).orgId).first<{ slug: string }>())!.slug } }),
    },
    {
      name: 'DELETE /api/parent/invitations/:id',
      allowed: ['parentAdmin'],
      // Another parent body's administrator: not theirs.
      refusal: (a) => (a === 'grandAdmin' ? 404 : 403),
      request: async () => {
        const id = crypto.randomUUID();
        await env.DB.prepare('insert into org_invitations (id, parent_org_id, office_org_id, expires_at) values (?, ?, ?, ?)').bind(id, parent.orgId, (await fresh()).orgId, Date.now() + 3600_000).run();
        return { method: 'DELETE', path: `/api/parent/invitations/${id}` };
      },
    },
    {
      name: 'PUT /api/parent/offices/:id/attributes',
      allowed: ['parentAdmin'],
      // The grandparent's administrator: a grandchild is not its child.
      refusal: (a) => (a === 'grandAdmin' ? 404 : 403),
      request: async () => ({ method: 'PUT', path: `/api/parent/offices/${sibling.orgId}/attributes`, body: { attributes: { region: `r${++n}` } } }),
    },
    {
      name: 'POST /api/office/invitations/:id/accept',
      allowed: ['homeAdmin'],
      // Another organisation's administrators (parent bodies decide their own invitations): not theirs.
      // The parent's administrator who had opened home reads it no more once it left: signed out there.
      refusal: (a) => (['siblingAdmin', 'parentAdmin', 'grandAdmin'].includes(a) ? 404 : a === 'parentAdminInHome' ? 401 : 403),
      request: async () => ({ method: 'POST', path: `/api/office/invitations/${await invitationToHome()}/accept` }),
    },
    {
      name: 'POST /api/office/invitations/:id/decline',
      allowed: ['homeAdmin'],
      // Another organisation's administrators (parent bodies decide their own invitations): not theirs.
      // The parent's administrator who had opened home reads it no more once it left: signed out there.
      refusal: (a) => (['siblingAdmin', 'parentAdmin', 'grandAdmin'].includes(a) ? 404 : a === 'parentAdminInHome' ? 401 : 403),
      request: async () => ({ method: 'POST', path: `/api/office/invitations/${await invitationToHome()}/decline` }),
    },
    {
      name: 'POST /api/office/parent/leave',
      // Each organisation's own administrator: the offices, and the parent body leaving the grandparent.
      allowed: ['homeAdmin', 'siblingAdmin', 'parentAdmin'],
      // The grandparent has no parent to leave.
      refusal: (a) => (a === 'grandAdmin' ? 409 : 403),
      request: async () => {
        await restoreTree();
        return { method: 'POST', path: '/api/office/parent/leave' };
      },
    },
    {
      name: 'POST /api/parent/templates/import',
      allowed: ['parentAdmin', 'grandAdmin'],
      refusal: () => 403,
      request: async () => ({ method: 'POST', path: '/api/parent/templates/import', body: { beYear: 2520 + ++n, text: TEMPLATE_V1 } }),
    },
    {
      name: 'POST /api/parent/templates/:id/publish',
      allowed: ['parentAdmin'],
      refusal: (a) => (a === 'grandAdmin' ? 404 : 403),
      request: async () => ({ method: 'POST', path: `/api/parent/templates/${await parentTemplate(false)}/publish` }),
    },
    {
      name: 'POST /api/office/templates/:id/adopt',
      // The offices' administrators; parent bodies adopt nothing, and read-only users change nothing.
      allowed: ['homeAdmin', 'siblingAdmin'],
      refusal: () => 403,
      request: async () => {
        await restoreTree();
        return { method: 'POST', path: `/api/office/templates/${await parentTemplate(true)}/adopt`, body: {} };
      },
    },
    {
      name: 'POST /api/office/templates/:id/changes',
      // The office that adopted it; the sibling adopted nothing (409), parent bodies and read-only users none (403).
      allowed: ['homeAdmin'],
      refusal: (a) => (a === 'siblingAdmin' ? 409 : 403),
      request: async () => {
        await restoreTree();
        const id = await parentTemplate(true);
        expect((await call('POST', `/api/office/templates/${id}/adopt`, { cookie: await as('homeAdmin'), body: {} })).status).toBe(201);
        await call('POST', '/api/parent/templates/import', { cookie: await as('parentAdmin'), body: { beYear: lastYear, text: TEMPLATE_V2 } });
        expect((await call('POST', `/api/parent/templates/${id}/publish`, { cookie: await as('parentAdmin') })).status).toBe(201);
        const offered = await call('GET', `/api/office/templates/${id}`, { cookie: await as('homeAdmin') });
        return { method: 'POST', path: `/api/office/templates/${id}/changes`, body: { decisions: [{ itemId: offered.json.changes[0].itemId, decision: 'accepted' }] } };
      },
    },
    {
      name: 'POST /api/session/office',
      // Opening the sibling office: its own administrator, and the parent's and grandparent's users
      // (from wherever they are: the parent's administrator from the home office too).
      allowed: ['parentAdmin', 'parentOversight', 'parentAdminInHome', 'grandAdmin', 'siblingAdmin'],
      refusal: () => 404,
      request: async () => {
        await restoreTree();
        return { method: 'POST', path: '/api/session/office', body: { orgId: sibling.orgId } };
      },
    },
  ];

  it('allows exactly what each rule allows: 0 unauthorised successes, every refusal as it should be', async () => {
    const wrong: string[] = [];
    let cases = 0;
    for (const rule of rules) {
      for (const actor of ACTORS) {
        const req = await rule.request();
        const cookie = await sessionFor(actor);
        const r = await call(req.method, req.path, { cookie, body: req.body });
        cases++;
        const ok = r.status >= 200 && r.status < 300;
        const may = rule.allowed.includes(actor);
        const want = may ? 'ok' : actor === 'signedOut' ? 401 : rule.refusal(actor);
        if (may !== ok || (!ok && (r.status !== want || !r.json?.error?.messageTh || !r.json?.error?.messageEn))) wrong.push(`${rule.name} as ${actor}: ${r.status} (want ${want}) ${r.text.slice(0, 120)}`);
      }
    }
    await restoreTree();
    console.log(`tree matrix: ${rules.length} routes, ${cases} cases, ${wrong.length} wrong`);
    expect(wrong).toEqual([]);
    expect(cases).toBe(rules.length * ACTORS.length);
  }, 120_000);
});

describe('two bodies accepting at once', () => {
  it("makes no cycle: the second acceptance is refused inside its statement when the first made the inviter its descendant", async () => {
    const x = await seedParentBody(db(), { slug: 'tree-cycle-x', nameTh: 'ต้นสังกัด X', nameEn: 'X', accounts: [{ email: 'admin@x.test', displayName: 'ผู้ดูแล X', role: 'admin' }] });
    const y = await seedParentBody(db(), { slug: 'tree-cycle-y', nameTh: 'ต้นสังกัด Y', nameEn: 'Y', accounts: [{ email: 'admin@y.test', displayName: 'ผู้ดูแล Y', role: 'admin' }] });
    const now = Date.now();
    // Each invited the other while neither had a parent; both checks passed before either joined.
    const xIntoY = await createInvitation(db(), { parentOrgId: y.orgId, officeOrgId: x.orgId, invitedBy: y.userIds['admin@y.test']!, now, ip: null });
    const yIntoX = await createInvitation(db(), { parentOrgId: x.orgId, officeOrgId: y.orgId, invitedBy: x.userIds['admin@x.test']!, now, ip: null });
    expect(await acceptInvitation(db(), xIntoY, x.userIds['admin@x.test']!, now + 1, null)).toBe(true);
    expect(await acceptInvitation(db(), yIntoX, y.userIds['admin@y.test']!, now + 2, null)).toBe(false);
    const parents = await env.DB.prepare('select id, parent_id from organisations where id in (?, ?) order by slug').bind(x.orgId, y.orgId).all<{ id: string; parent_id: string | null }>();
    expect(parents.results).toEqual([{ id: x.orgId, parent_id: y.orgId }, { id: y.orgId, parent_id: null }]);
    const pending = await env.DB.prepare('select accepted_at from org_invitations where id = ?').bind(yIntoX.id).first<{ accepted_at: number | null }>();
    expect(pending!.accepted_at).toBeNull();
  });
});

