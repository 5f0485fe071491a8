// The generated authorisation matrix: every route that changes data (plus the admin-only reads)
// × every role × own group / other group / every-group card / other organisation / signed out.
import { beforeAll, describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { call, cookieFor, getBoard, seedOffice, type Demo, type Who } from './helpers';
import type { BoardView } from '../../worker/domain/contracts';

type Actor = Who | 'signedOut' | 'otherOrgAdmin';
type Target = 'adminGroupCard' | 'personnelGroupCard' | 'everyGroupCard' | 'otherOrgCard' | 'office';
const ACTORS: Actor[] = ['admin', 'executive', 'directorAdmin', 'directorPersonnel', 'staff', 'signedOut', 'otherOrgAdmin'];

let home: Demo;
let other: Demo;
const cookies = new Map<Actor, string | undefined>();
let homeBoard: BoardView;
let otherBoard: BoardView;
const cardOf: Record<string, string> = {};

beforeAll(async () => {
  home = await seedOffice('home-office');
  other = await seedOffice('other-office', 'other.local');
  for (const who of ['admin', 'executive', 'directorAdmin', 'directorPersonnel', 'staff'] as const) cookies.set(who, await cookieFor(home, who));
  cookies.set('signedOut', undefined);
  cookies.set('otherOrgAdmin', await cookieFor(other, 'admin'));
  homeBoard = await getBoard(cookies.get('admin')!);
  otherBoard = await getBoard(cookies.get('otherOrgAdmin')!);
  const byMeasure = (b: BoardView, n: number) => b.cards.find((c) => c.measureId === b.measures.find((m) => m.number === n)!.id)!.id;
  cardOf.adminGroupCard = byMeasure(homeBoard, 1); // led by กลุ่มอำนวยการ
  cardOf.personnelGroupCard = byMeasure(homeBoard, 4); // led by กลุ่มบริหารงานบุคคล
  cardOf.everyGroupCard = byMeasure(homeBoard, 5); // อำนวยการ leads, every group takes part
  cardOf.otherOrgCard = byMeasure(otherBoard, 1);
});

async function version(cardId: string) {
  return (await env.DB.prepare('select version from cards where id = ?').bind(cardId).first<{ version: number }>())!.version;
}

interface RouteCase {
  name: string;
  targets: Target[];
  request: (target: Target, n: number, actor: Actor) => Promise<{ method: string; path: string; body?: unknown }>;
  /** 'own-office' routes act on the caller's own office (another office's admin may use them, on
   * their office); 'home-resource' routes name a resource of the home office by id. */
  scope: 'own-office' | 'home-resource';
  allowed: (actor: Actor, target: Target) => boolean;
}

const cardEditors: Record<string, Actor[]> = {
  adminGroupCard: ['admin', 'directorAdmin'],
  personnelGroupCard: ['admin', 'directorPersonnel'],
  everyGroupCard: ['admin', 'directorAdmin'],
  otherOrgCard: [],
};
const adminOnly = (actor: Actor) => actor === 'admin';

const ROUTES: RouteCase[] = [
  {
    name: 'POST /api/cards/:id/move',
    scope: 'home-resource',
    targets: ['adminGroupCard', 'personnelGroupCard', 'everyGroupCard', 'otherOrgCard'],
    request: async (t) => {
      const board = t === 'otherOrgCard' ? otherBoard : homeBoard;
      return {
        method: 'POST',
        path: `/api/cards/${cardOf[t]}/move`,
        body: { toColumnId: board.columns[1]!.id, afterCardId: null, beforeCardId: null, version: await version(cardOf[t]!) },
      };
    },
    allowed: (a, t) => cardEditors[t]!.includes(a),
  },
  {
    name: 'PATCH /api/cards/:id',
    scope: 'home-resource',
    targets: ['adminGroupCard', 'personnelGroupCard', 'everyGroupCard', 'otherOrgCard'],
    request: async (t, n) => ({ method: 'PATCH', path: `/api/cards/${cardOf[t]}`, body: { version: await version(cardOf[t]!), details: `แก้ไขครั้งที่ ${n}` } }),
    allowed: (a, t) => cardEditors[t]!.includes(a),
  },
  {
    name: 'PATCH /api/measures/:id',
    scope: 'home-resource',
    targets: ['adminGroupCard', 'otherOrgCard'],
    request: async (t) => {
      const board = t === 'otherOrgCard' ? otherBoard : homeBoard;
      const measureId = board.cards.find((c) => c.id === cardOf[t])!.measureId;
      // The lead it already has: allowed requests change nothing the other cases rely on.
      return { method: 'PATCH', path: `/api/measures/${measureId}`, body: { leadGroupId: board.measures.find((m) => m.id === measureId)!.leadGroupId } };
    },
    allowed: (a, t) => a === 'admin' && t !== 'otherOrgCard',
  },
  {
    name: 'POST /api/import/preview',
    scope: 'own-office',
    targets: ['office'],
    request: async () => ({ method: 'POST', path: '/api/import/preview', body: { text: 'ที่\tมาตรการ\n' } }),
    allowed: adminOnly,
  },
  {
    name: 'POST /api/import/commit',
    scope: 'own-office',
    targets: ['office'],
    request: async (_t, n, actor) => {
      const body = { beYear: 2600 + n, text: 'ที่\tมาตรการ/แนวทาง\tขั้นตอน/วิธีดำเนินการ\tผู้รับผิดชอบ\tการกำกับติดตาม/รายงานผล\n๑\tทดสอบ\t๑. ขั้นแรก ๒. ขั้นสอง\tกลุ่มอำนวยการ\t๑. รายงาน' };
      // The commit carries the token of a preview (made by the actor: others get none, and a dummy).
      const preview = await call('POST', '/api/import/preview', { cookie: cookies.get(actor), body });
      return { method: 'POST', path: '/api/import/commit', body: { ...body, token: preview.json?.token ?? '0'.repeat(64) } };
    },
    allowed: adminOnly,
  },
  {
    name: 'POST /api/admin/users',
    scope: 'own-office',
    targets: ['office'],
    request: async (_t, n) => ({
      method: 'POST',
      path: '/api/admin/users',
      body: { email: `new${n}@home.test`, displayName: 'ผู้ใช้ใหม่', password: 'long-enough-password', role: 'staff', groupId: null },
    }),
    allowed: adminOnly,
  },
  {
    name: 'PUT /api/admin/users/:id/role',
    scope: 'home-resource',
    targets: ['office'],
    request: async () => ({ method: 'PUT', path: `/api/admin/users/${home.userIds['staff@demo.local']}/role`, body: { role: 'staff', groupId: null } }),
    allowed: adminOnly,
  },
  {
    name: 'POST /api/admin/groups',
    scope: 'own-office',
    targets: ['office'],
    request: async (_t, n) => ({ method: 'POST', path: '/api/admin/groups', body: { nameTh: `กลุ่มทดสอบ ${n}`, nameEn: 'Test' } }),
    allowed: adminOnly,
  },
  {
    name: 'PATCH /api/admin/groups/:id',
    scope: 'home-resource',
    targets: ['office'],
    request: async (_t, n) => ({ method: 'PATCH', path: `/api/admin/groups/${home.groupIds['หน่วยตรวจสอบภายใน']}`, body: { nameEn: `Internal Audit ${n}` } }),
    allowed: adminOnly,
  },
  {
    name: 'PATCH /api/admin/columns/:id',
    scope: 'home-resource',
    targets: ['office'],
    request: async (_t, n) => ({ method: 'PATCH', path: `/api/admin/columns/${homeBoard.columns[1]!.id}`, body: { wipLimit: 10 + n } }),
    allowed: adminOnly,
  },
  {
    name: 'GET /api/admin/chain/:beYear',
    scope: 'own-office',
    targets: ['office'],
    request: async () => ({ method: 'GET', path: '/api/admin/chain/2567' }),
    allowed: adminOnly,
  },
  {
    name: 'GET /api/admin/users',
    scope: 'own-office',
    targets: ['office'],
    request: async () => ({ method: 'GET', path: '/api/admin/users' }),
    allowed: adminOnly,
  },
];

describe('authorisation matrix', () => {
  it('allows exactly what the policy allows, with zero unauthorised successes', async () => {
    const unauthorisedSuccesses: string[] = [];
    const wronglyRefused: string[] = [];
    let cases = 0;
    for (const route of ROUTES) {
      for (const target of route.targets) {
        for (const actor of ACTORS) {
          cases++;
          const req = await route.request(target, cases, actor);
          const r = await call(req.method, req.path, { cookie: cookies.get(actor), body: req.body });
          const expected =
            actor === 'otherOrgAdmin' ? route.scope === 'own-office' || target === 'otherOrgCard' : route.allowed(actor, target);
          const ok = r.status >= 200 && r.status < 300;
          const label = `${route.name} as ${actor} on ${target}: ${r.status} ${r.json?.error?.code ?? ''}`;
          if (ok && !expected) unauthorisedSuccesses.push(label);
          if (!ok && expected) wronglyRefused.push(label);
          if (!ok) {
            expect([401, 403, 404], label).toContain(r.status);
            if (actor === 'signedOut') expect(r.status, label).toBe(401);
            expect(r.json.error.messageTh, label).toBeTruthy();
          }
        }
      }
    }
    console.log(`authorisation matrix: ${cases} cases, ${unauthorisedSuccesses.length} unauthorised successes`);
    expect(unauthorisedSuccesses).toEqual([]);
    expect(wronglyRefused).toEqual([]);
    expect(cases).toBe(ROUTES.reduce((n, r) => n + r.targets.length, 0) * ACTORS.length);
  });

  it("never shows one office's board to another", async () => {
    const ids = new Set(homeBoard.cards.map((c) => c.id));
    expect(otherBoard.cards.some((c) => ids.has(c.id))).toBe(false);
    const cross = await call('GET', '/api/boards/2567', { cookie: cookies.get('otherOrgAdmin') });
    expect(cross.json.cards.some((c: { id: string }) => ids.has(c.id))).toBe(false);
  });

  it('records refused authorisations', async () => {
    const refused = await env.DB.prepare("select count(*) n from audit_log where action = 'authorisation.refused'").first<{ n: number }>();
    expect(refused!.n).toBeGreaterThan(10);
  });

  it('marks cards editable exactly as the server allows', async () => {
    const board = await getBoard(cookies.get('directorPersonnel')!);
    const personnelMeasure = board.measures.find((m) => m.number === 4)!;
    expect(board.cards.filter((c) => c.editable).every((c) => c.measureId === personnelMeasure.id)).toBe(true);
    expect(board.cards.filter((c) => c.editable)).toHaveLength(4);
    const exec = await getBoard(cookies.get('executive')!);
    expect(exec.cards.some((c) => c.editable)).toBe(false);
  });
});

describe('partial updates', () => {
  it('renaming a group in Thai keeps its English name; an empty patch is refused', async () => {
    const admin = cookies.get('admin')!;
    const id = home.groupIds['กลุ่มนโยบายและแผน']!;
    const before = await call('GET', '/api/admin/groups', { cookie: admin });
    const group = before.json.groups.find((g: { id: string }) => g.id === id);
    expect(group.nameEn).not.toBe('');
    const r = await call('PATCH', `/api/admin/groups/${id}`, { cookie: admin, body: { nameTh: 'กลุ่มนโยบายและแผนงาน' } });
    expect(r.status).toBe(200);
    expect(r.json.group).toMatchObject({ nameTh: 'กลุ่มนโยบายและแผนงาน', nameEn: group.nameEn });
    for (const path of [`/api/admin/groups/${id}`, `/api/admin/columns/${homeBoard.columns[0]!.id}`]) {
      const empty = await call('PATCH', path, { cookie: admin, body: {} });
      expect(empty.status, path).toBe(400);
    }
    const notJson = await call('PATCH', `/api/admin/groups/${id}`, { cookie: admin, rawBody: '{"nameEn":"x"}', headers: { 'content-type': 'text/plain' } });
    expect(notJson.status).toBe(415);
    expect(notJson.json.error.code).toBe('unsupported_media_type');
  });
});
