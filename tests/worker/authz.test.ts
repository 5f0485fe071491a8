// The generated authorisation matrix. The routes come from the app itself (app.routes, as in the
// fuzz test), so a route added later is covered or the test fails naming it: every route that
// changes data must have a rule below. Each rule says who may, in words of roles and groups (not
// by calling policy.ts, which is what is being tested), and builds a VALID request — so a refusal
// can only be the authorisation's doing. Every such request is sent as every actor:
//   administrator, executive, the director of the lead group (อำนวยการ), the director of another
//   group (บุคคล; it takes part in one card), staff, a disabled director, signed out, and the
//   administrator of another office; and across the organisation tree (issue 19), with both
//   offices children of a parent body under a grandparent body: the parent's oversight user and
//   the grandparent's administrator, each having opened the home office (they read it, and change
//   nothing). A child never reads its parent or its siblings, and the parent-body routes have
//   their own matrix over the tree's actors (tests/worker/tree.test.ts).
// against every target the route has: a card of the actor's own group, one their group only takes
// part in, another group's, an every-group card, another office's card (or the office itself).
// Asserted: 0 unauthorised successes; every allowed request succeeds; every refusal is 401 (signed
// out, disabled), 403 (signed in, not allowed) or 404 (another office's resource), our JSON error
// in Thai and English; every 403 to a signed-in user is in the audit log, and no 401 is.
import { beforeAll, describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import app from '../../worker/app';
import { call, cookieFor, db, getBoard, seedOffice, type Demo } from './helpers';
import { createSession } from '../../worker/db/auth';
import { SESSION_COOKIE } from '../../worker/middleware/session';
import { placeUnder, seedParentBody } from '../../worker/seed/parent';
import type { BoardView } from '../../worker/domain/contracts';
import { SAMPLES } from './file-samples';

type Actor = 'admin' | 'executive' | 'directorAdmin' | 'directorPersonnel' | 'staff' | 'disabledDirector' | 'signedOut' | 'otherOrgAdmin' | 'parentOversight' | 'grandparentAdmin';
const ACTORS: Actor[] = ['admin', 'executive', 'directorAdmin', 'directorPersonnel', 'staff', 'disabledDirector', 'signedOut', 'otherOrgAdmin', 'parentOversight', 'grandparentAdmin'];
const HOME_ROLES = new Set<Actor>(['admin', 'executive', 'directorAdmin', 'directorPersonnel', 'staff']);

/** Cards by how they relate to the two directors (อำนวยการ leads 1, 2, 5; บุคคล leads 4 and takes part in 2). */
type CardTarget = 'adminGroupCard' | 'personnelGroupCard' | 'participatingCard' | 'everyGroupCard' | 'otherOrgCard';
type Target = CardTarget | 'office';
const CARD_TARGETS: CardTarget[] = ['adminGroupCard', 'personnelGroupCard', 'participatingCard', 'everyGroupCard', 'otherOrgCard'];

// ---- who may, in words ----------------------------------------------------------------------

const directorOf: Partial<Record<Actor, 'อำนวยการ' | 'บุคคล'>> = { directorAdmin: 'อำนวยการ', directorPersonnel: 'บุคคล' };
const lead: Record<CardTarget, string | null> = {
  adminGroupCard: 'อำนวยการ',
  personnelGroupCard: 'บุคคล',
  participatingCard: 'อำนวยการ',
  everyGroupCard: 'อำนวยการ',
  otherOrgCard: null,
};
const participants: Record<CardTarget, string[]> = { adminGroupCard: [], personnelGroupCard: [], participatingCard: ['บุคคล'], everyGroupCard: [], otherOrgCard: [] };

/** Moves and edits: administrators; directors of the lead or a participating group. */
const editor = (a: Actor, t: CardTarget) =>
  t !== 'otherOrgCard' && (a === 'admin' || (!!directorOf[a] && (lead[t] === directorOf[a] || participants[t].includes(directorOf[a]!))));
/** Lead group, participants, every-group flag: administrators and the lead group's director only. */
const groupsEditor = (a: Actor, t: CardTarget) => t !== 'otherOrgCard' && (a === 'admin' || (!!directorOf[a] && lead[t] === directorOf[a]));
/** Evidence and comments: editors, and every director on an every-group card. */
const contributor = (a: Actor, t: CardTarget) => editor(a, t) || (t === 'everyGroupCard' && !!directorOf[a]);
const adminOnly = (a: Actor) => a === 'admin';

// ---- the offices ------------------------------------------------------------------------------

let home: Demo;
let other: Demo;
const cookies = new Map<Actor, string | undefined>();
let homeBoard: BoardView;
let otherBoard: BoardView;
const cardOf = {} as Record<CardTarget, string>;
let groupId: (name: string) => string;

beforeAll(async () => {
  home = await seedOffice('home-office');
  other = await seedOffice('other-office', 'other.local');
  for (const who of ['admin', 'executive', 'directorAdmin', 'directorPersonnel', 'staff'] as const) cookies.set(who, await cookieFor(home, who));
  cookies.set('signedOut', undefined);
  cookies.set('otherOrgAdmin', await cookieFor(other, 'admin'));
  groupId = (name) => Object.entries(home.groupIds).find(([n]) => n.includes(name))![1];
  // The tree: both offices under a parent body, itself under a grandparent; their users open the home office.
  const grand = await seedParentBody(db(), { slug: 'authz-grand', nameTh: 'ต้นสังกัดชั้นบน', nameEn: 'Grandparent', accounts: [{ email: 'admin@grand.test', displayName: 'ผู้ดูแล', role: 'admin' }] });
  const parent = await seedParentBody(db(), { slug: 'authz-parent', nameTh: 'ต้นสังกัด', nameEn: 'Parent', accounts: [{ email: 'oversight@parent.test', displayName: 'ผู้กำกับ', role: 'oversight' }] });
  await placeUnder(db(), grand.orgId, [{ orgId: parent.orgId }]);
  await placeUnder(db(), parent.orgId, [{ orgId: home.orgId }, { orgId: other.orgId }]);
  for (const [who, userId, from] of [
    ['parentOversight', parent.userIds['oversight@parent.test']!, parent.orgId],
    ['grandparentAdmin', grand.userIds['admin@grand.test']!, grand.orgId],
  ] as const) {
    const opened = await call('POST', '/api/session/office', { cookie: `${SESSION_COOKIE}=${await createSession(db(), userId, from)}`, body: { orgId: home.orgId } });
    expect(opened.json).toMatchObject({ role: 'oversight' });
    cookies.set(who, `${SESSION_COOKIE}=${/__Host-ita_session=([^;]+)/.exec(opened.headers.get('set-cookie')!)![1]}`);
  }
  // A director of บุคคล whose account an administrator disabled: their session no longer counts.
  const disabledId = crypto.randomUUID();
  await env.DB.batch([
    env.DB.prepare("insert into users (id, email, display_name) values (?, 'disabled.director@home.test', 'ผอ. ที่ถูกระงับ')").bind(disabledId),
    env.DB.prepare("insert into memberships (org_id, user_id, role, group_id, disabled_at) values (?, ?, 'director', ?, ?)").bind(home.orgId, disabledId, groupId('บุคคล'), Date.now()),
  ]);
  cookies.set('disabledDirector', `ita_session=${await createSession(db(), disabledId, home.orgId)}`);

  // The fiscal year running today in both offices (only its year row: schedules are set per year).
  for (const orgId of [home.orgId, other.orgId]) {
    await env.DB.prepare("insert into fiscal_years (id, org_id, be_year, starts_on, ends_on) values (?, ?, 2570, '2026-10-01', '2027-09-30')").bind(crypto.randomUUID(), orgId).run();
  }
  homeBoard = await getBoard(cookies.get('admin')!);
  otherBoard = await getBoard(cookies.get('otherOrgAdmin')!);
  const first = (b: BoardView, n: number) => b.cards.find((c) => c.measureId === b.measures.find((m) => m.number === n)!.id && c.stepNumber === 1)!;
  cardOf.adminGroupCard = first(homeBoard, 1).id;
  cardOf.personnelGroupCard = first(homeBoard, 4).id;
  cardOf.everyGroupCard = first(homeBoard, 5).id;
  cardOf.otherOrgCard = first(otherBoard, 1).id;
  const participating = first(homeBoard, 2);
  cardOf.participatingCard = participating.id;
  const invited = await call('PATCH', `/api/cards/${participating.id}`, { cookie: cookies.get('admin'), body: { version: participating.version, groupIds: [groupId('บุคคล')] } });
  expect(invited.status).toBe(200);
});

// ---- valid requests -----------------------------------------------------------------------------

interface Ctx {
  target: Target;
  actor: Actor;
  /** A number unique to this case. */
  n: number;
}
interface Req {
  method: string;
  path: string;
  body?: unknown;
  form?: FormData;
}
interface Rule {
  targets: Target[];
  /** Whether the actor may (another office's administrator: see `elsewhere`). */
  allowed: (actor: Actor, target: Target) => boolean;
  /**
   * Routes that act on the caller's own office by path ('own') let another office's
   * administrator act on theirs; routes naming a home resource answer them 404 ('notFound').
   */
  elsewhere: 'own' | 'notFound';
  request: (ctx: Ctx) => Promise<Req>;
  /** Restores what an allowed success changed, so the next actor finds the same situation. */
  undo?: (ctx: Ctx) => Promise<void>;
}

const cardRow = async (id: string) => (await env.DB.prepare('select version, column_id, group_ids, all_groups, lead_group_id from cards where id = ?').bind(id).first<{ version: number; column_id: string; group_ids: string; all_groups: number; lead_group_id: string | null }>())!;
const boardOf = (t: Target) => (t === 'otherOrgCard' ? otherBoard : homeBoard);
const asAdminOf = (t: Target) => cookies.get(t === 'otherOrgCard' ? 'otherOrgAdmin' : 'admin');
const strongPassword = (n: number) => `Kd7-ward-${n}-${crypto.randomUUID().slice(0, 8)}-tamarind`;

/** An evidence link on the card, added through the API by its office's administrator. */
async function evidenceOn(t: CardTarget, n: number): Promise<string> {
  const r = await call('POST', `/api/cards/${cardOf[t]}/evidence`, { cookie: asAdminOf(t), body: { url: `https://example.go.th/e${n}`, note: 'บันทึก', oitCode: null } });
  expect(r.status, r.text).toBe(201);
  return r.json.evidence.id;
}

/** A member of the home office to act on (disable, remove, …), made for one case. */
async function throwawayMember(n: number, disabled = false): Promise<string> {
  const id = crypto.randomUUID();
  await env.DB.batch([
    env.DB.prepare('insert into users (id, email, display_name) values (?, ?, ?)').bind(id, `member${n}@home.test`, `สมาชิก ${n}`),
    env.DB.prepare("insert into memberships (org_id, user_id, role, group_id, disabled_at) values (?, ?, 'staff', null, ?)").bind(home.orgId, id, disabled ? Date.now() : null),
  ]);
  return id;
}

/**
 * A fiscal year of the home office with nothing in it, made for one case: 2650–2689, clear of the
 * years the import cases (2600 up) and the rollover cases (2700 down) create in both offices, so
 * another office's administrator never finds one of their own under it.
 */
async function throwawayYear(n: number): Promise<number> {
  const beYear = 2650 + (n % 40);
  await env.DB.prepare('delete from fiscal_years where org_id = ? and be_year = ? and not exists (select 1 from cards where fiscal_year_id = fiscal_years.id)').bind(home.orgId, beYear).run();
  await env.DB.prepare("insert or ignore into fiscal_years (id, org_id, be_year, starts_on, ends_on) values (?, ?, ?, '2100-10-01', '2101-09-30')").bind(crypto.randomUUID(), home.orgId, beYear).run();
  return beYear;
}

const ANNOUNCEMENT = 'ที่\tมาตรการ/แนวทาง\tขั้นตอน/วิธีดำเนินการ\tผู้รับผิดชอบ\tการกำกับติดตาม/รายงานผล\n๑\tทดสอบ\t๑. ขั้นแรก ๒. ขั้นสอง\tกลุ่มอำนวยการ\t๑. รายงาน';
let nextImportYear = 2600;
let nextRolloverYear = 2700;

const onCards = (allowed: (a: Actor, t: CardTarget) => boolean) => (a: Actor, t: Target) => allowed(a, t as CardTarget);

/** Every route that changes data, by `METHOD path` as app.routes lists it. */
const RULES: Record<string, Rule[]> = {
  'POST /api/cards/:id/move': [
    {
      targets: CARD_TARGETS,
      allowed: onCards(editor),
      elsewhere: 'notFound',
      request: async ({ target }) => {
        const card = await cardRow(cardOf[target as CardTarget]);
        const [a, b] = boardOf(target).columns;
        return { method: 'POST', path: `/api/cards/${cardOf[target as CardTarget]}/move`, body: { toColumnId: card.column_id === a!.id ? b!.id : a!.id, afterCardId: null, beforeCardId: null, version: card.version } };
      },
    },
  ],
  'PATCH /api/cards/:id': [
    // Content: editors.
    {
      targets: CARD_TARGETS,
      allowed: onCards(editor),
      elsewhere: 'notFound',
      request: async ({ target, n }) => ({
        method: 'PATCH',
        path: `/api/cards/${cardOf[target as CardTarget]}`,
        body: { version: (await cardRow(cardOf[target as CardTarget])).version, details: `แก้ไขครั้งที่ ${n}` },
      }),
    },
    // Participating groups: the lead director and administrators.
    {
      targets: CARD_TARGETS,
      allowed: onCards(groupsEditor),
      elsewhere: 'notFound',
      request: async ({ target }) => {
        const card = await cardRow(cardOf[target as CardTarget]);
        const audit = target === 'otherOrgCard' ? other.groupIds['หน่วยตรวจสอบภายใน']! : groupId('ตรวจสอบภายใน');
        const now = JSON.parse(card.group_ids) as string[];
        const groupIds = now.includes(audit) ? now.filter((g) => g !== audit) : [...now, audit];
        return { method: 'PATCH', path: `/api/cards/${cardOf[target as CardTarget]}`, body: { version: card.version, groupIds } };
      },
    },
    // The lead group: a director naming their own group (a participant seizing the card).
    {
      targets: CARD_TARGETS,
      allowed: onCards(groupsEditor),
      elsewhere: 'notFound',
      request: async ({ target, actor }) => {
        const card = await cardRow(cardOf[target as CardTarget]);
        const mine = directorOf[actor] ? groupId(directorOf[actor]!) : groupId('บุคคล');
        const leadGroupId = target === 'otherOrgCard' ? other.groupIds['กลุ่มบริหารงานบุคคล']! : mine;
        return { method: 'PATCH', path: `/api/cards/${cardOf[target as CardTarget]}`, body: { version: card.version, leadGroupId, groupIds: [] } };
      },
      undo: async ({ target }) => {
        const card = await cardRow(cardOf[target as CardTarget]);
        const leadGroupId = target === 'otherOrgCard' ? other.groupIds['กลุ่มอำนวยการ']! : groupId(lead[target as CardTarget]!);
        const groupIds = participants[target as CardTarget].map(groupId);
        const r = await call('PATCH', `/api/cards/${cardOf[target as CardTarget]}`, { cookie: asAdminOf(target), body: { version: card.version, leadGroupId, groupIds } });
        expect(r.status, r.text).toBe(200);
      },
    },
    // Every group takes part: the lead director and administrators.
    {
      targets: CARD_TARGETS,
      allowed: onCards(groupsEditor),
      elsewhere: 'notFound',
      request: async ({ target }) => {
        const card = await cardRow(cardOf[target as CardTarget]);
        return { method: 'PATCH', path: `/api/cards/${cardOf[target as CardTarget]}`, body: { version: card.version, allGroups: card.all_groups !== 1 } };
      },
      undo: async ({ target }) => {
        const card = await cardRow(cardOf[target as CardTarget]);
        const r = await call('PATCH', `/api/cards/${cardOf[target as CardTarget]}`, { cookie: asAdminOf(target), body: { version: card.version, allGroups: target === 'everyGroupCard' } });
        expect(r.status, r.text).toBe(200);
      },
    },
  ],
  'POST /api/cards/:id/evidence': [
    {
      targets: CARD_TARGETS,
      allowed: onCards(contributor),
      elsewhere: 'notFound',
      request: async ({ target, n }) => ({ method: 'POST', path: `/api/cards/${cardOf[target as CardTarget]}/evidence`, body: { url: `https://example.go.th/m${n}`, note: '', oitCode: null } }),
    },
  ],
  'POST /api/cards/:id/files': [
    {
      targets: CARD_TARGETS,
      allowed: onCards(contributor),
      elsewhere: 'notFound',
      request: async ({ target, n }) => {
        const form = new FormData();
        form.set('file', new Blob([SAMPLES.pdf.bytes as Uint8Array<ArrayBuffer>]), `evidence-${n}.pdf`);
        return { method: 'POST', path: `/api/cards/${cardOf[target as CardTarget]}/files`, form };
      },
    },
  ],
  'POST /api/cards/:id/comments': [
    {
      targets: CARD_TARGETS,
      allowed: onCards(contributor),
      elsewhere: 'notFound',
      request: async ({ target, n }) => ({ method: 'POST', path: `/api/cards/${cardOf[target as CardTarget]}/comments`, body: { body: `ความเห็น ${n}` } }),
    },
  ],
  'DELETE /api/evidence/:id': [
    // Someone else's link: the card's editors.
    {
      targets: CARD_TARGETS,
      allowed: onCards(editor),
      elsewhere: 'notFound',
      request: async ({ target, n }) => ({ method: 'DELETE', path: `/api/evidence/${await evidenceOn(target as CardTarget, n)}` }),
    },
    // A link the actor added (written as if added when they could): only while they may still contribute.
    {
      targets: CARD_TARGETS,
      allowed: (a, t) => contributor(a, t as CardTarget),
      elsewhere: 'notFound',
      request: async ({ target, actor, n }) => {
        const id = crypto.randomUUID();
        const addedBy = HOME_ROLES.has(actor) ? home.userIds[{ admin: 'admin@demo.local', executive: 'executive@demo.local', directorAdmin: 'director.admin@demo.local', directorPersonnel: 'director.personnel@demo.local', staff: 'staff@demo.local' }[actor as 'admin']]! : null;
        const orgId = target === 'otherOrgCard' ? other.orgId : home.orgId;
        await env.DB.prepare("insert into evidence_links (id, org_id, card_id, url, note, added_by) values (?, ?, ?, ?, '', ?)").bind(id, orgId, cardOf[target as CardTarget], `https://example.go.th/own${n}`, addedBy).run();
        return { method: 'DELETE', path: `/api/evidence/${id}` };
      },
    },
  ],
  'PATCH /api/evidence/:id': [
    {
      targets: CARD_TARGETS,
      allowed: onCards(editor),
      elsewhere: 'notFound',
      request: async ({ target, n }) => ({ method: 'PATCH', path: `/api/evidence/${await evidenceOn(target as CardTarget, n)}`, body: { notePublished: true } }),
    },
  ],
  'PATCH /api/measures/:id': [
    {
      targets: ['office'],
      allowed: adminOnly,
      elsewhere: 'notFound',
      request: async () => ({ method: 'PATCH', path: `/api/measures/${homeBoard.measures.find((m) => m.number === 3)!.id}`, body: { leadGroupId: groupId('อำนวยการ') } }),
    },
  ],
  'POST /api/import/preview': [{ targets: ['office'], allowed: adminOnly, elsewhere: 'own', request: async () => ({ method: 'POST', path: '/api/import/preview', body: { text: ANNOUNCEMENT } }) }],
  'POST /api/import/commit': [
    {
      targets: ['office'],
      allowed: adminOnly,
      elsewhere: 'own',
      request: async ({ actor }) => {
        const body = { beYear: nextImportYear++, text: ANNOUNCEMENT, choices: {} };
        // The commit carries the token of a preview the actor made; those who may not preview
        // (their refusal would be one more 403 than the matrix counts) carry a dummy.
        const mayPreview = actor === 'admin' || actor === 'otherOrgAdmin';
        const preview = mayPreview ? await call('POST', '/api/import/preview', { cookie: cookies.get(actor), body }) : null;
        return { method: 'POST', path: '/api/import/commit', body: { ...body, token: preview?.json?.token ?? '0'.repeat(64), confirmYear: true, confirmOffice: true } };
      },
    },
  ],
  'POST /api/admin/users': [
    {
      targets: ['office'],
      allowed: adminOnly,
      elsewhere: 'own',
      request: async ({ n }) => ({ method: 'POST', path: '/api/admin/users', body: { email: `new${n}@home.test`, displayName: 'ผู้ใช้ใหม่', password: strongPassword(n), role: 'staff', groupId: null } }),
    },
  ],
  'PUT /api/admin/users/:id/role': [
    { targets: ['office'], allowed: adminOnly, elsewhere: 'notFound', request: async ({ n }) => ({ method: 'PUT', path: `/api/admin/users/${await throwawayMember(n)}/role`, body: { role: 'executive', groupId: null } }) },
  ],
  'POST /api/admin/groups': [{ targets: ['office'], allowed: adminOnly, elsewhere: 'own', request: async ({ n }) => ({ method: 'POST', path: '/api/admin/groups', body: { nameTh: `กลุ่มทดสอบ ${n}`, nameEn: 'Test' } }) }],
  'PATCH /api/admin/groups/:id': [
    { targets: ['office'], allowed: adminOnly, elsewhere: 'notFound', request: async ({ n }) => ({ method: 'PATCH', path: `/api/admin/groups/${groupId('ตรวจสอบภายใน')}`, body: { nameEn: `Internal Audit ${n}` } }) },
  ],
  'PATCH /api/admin/columns/:id': [
    { targets: ['office'], allowed: adminOnly, elsewhere: 'notFound', request: async ({ n }) => ({ method: 'PATCH', path: `/api/admin/columns/${homeBoard.columns[1]!.id}`, body: { wipLimit: 10 + n } }) },
  ],
  'PUT /api/admin/main-website': [
    { targets: ['office'], allowed: adminOnly, elsewhere: 'own', request: async () => ({ method: 'PUT', path: '/api/admin/main-website', body: { mainWebsite: 'home.go.th' } }) },
  ],
  'PUT /api/admin/done-rule': [
    // The office's switch of the done rule (on, as it is by default: other cases keep the rule).
    { targets: ['office'], allowed: adminOnly, elsewhere: 'own', request: async () => ({ method: 'PUT', path: '/api/admin/done-rule', body: { doneNeedsEvidence: true } }) },
  ],
  'PUT /api/admin/columns/order': [
    {
      targets: ['office'],
      allowed: adminOnly,
      elsewhere: 'own',
      // Each office's own columns, in their order: another office's administrator reorders theirs.
      request: async ({ actor }) => ({ method: 'PUT', path: '/api/admin/columns/order', body: { beYear: 2567, columnIds: (actor === 'otherOrgAdmin' ? otherBoard : homeBoard).columns.map((c) => c.id) } }),
    },
  ],
  'POST /api/admin/accounts/:id/disable': [
    { targets: ['office'], allowed: adminOnly, elsewhere: 'notFound', request: async ({ n }) => ({ method: 'POST', path: `/api/admin/accounts/${await throwawayMember(n)}/disable` }) },
  ],
  'POST /api/admin/accounts/:id/enable': [
    { targets: ['office'], allowed: adminOnly, elsewhere: 'notFound', request: async ({ n }) => ({ method: 'POST', path: `/api/admin/accounts/${await throwawayMember(n, true)}/enable` }) },
  ],
  'POST /api/admin/accounts/:id/remove': [
    { targets: ['office'], allowed: adminOnly, elsewhere: 'notFound', request: async ({ n }) => ({ method: 'POST', path: `/api/admin/accounts/${await throwawayMember(n)}/remove` }) },
  ],
  'POST /api/admin/accounts/:id/temporary-password': [
    {
      targets: ['office'],
      allowed: adminOnly,
      elsewhere: 'notFound',
      request: async ({ n }) => ({ method: 'POST', path: `/api/admin/accounts/${await throwawayMember(n)}/temporary-password`, body: { temporaryPassword: strongPassword(n) } }),
    },
  ],
  'POST /api/fiscal-years/:beYear/rollover/preview': [
    { targets: ['office'], allowed: adminOnly, elsewhere: 'own', request: async () => ({ method: 'POST', path: '/api/fiscal-years/2567/rollover/preview', body: { toBeYear: 2568 } }) },
  ],
  'POST /api/fiscal-years/:beYear/rollover/commit': [
    {
      targets: ['office'],
      allowed: adminOnly,
      elsewhere: 'own',
      request: async () => ({ method: 'POST', path: '/api/fiscal-years/2567/rollover/commit', body: { toBeYear: nextRolloverYear--, confirmNonAdjacent: true } }),
    },
  ],
  'PUT /api/fiscal-years/:beYear/archived': [
    // Archiving a year in use.
    { targets: ['office'], allowed: adminOnly, elsewhere: 'notFound', request: async ({ n }) => ({ method: 'PUT', path: `/api/fiscal-years/${await throwawayYear(n)}/archived`, body: { archived: true } }) },
    // Restoring an archived one.
    {
      targets: ['office'],
      allowed: adminOnly,
      elsewhere: 'notFound',
      request: async ({ n }) => {
        const beYear = await throwawayYear(n);
        await env.DB.prepare('update fiscal_years set archived_at = ? where org_id = ? and be_year = ?').bind(Date.now(), home.orgId, beYear).run();
        return { method: 'PUT', path: `/api/fiscal-years/${beYear}/archived`, body: { archived: false } };
      },
    },
  ],
  'DELETE /api/fiscal-years/:beYear': [
    { targets: ['office'], allowed: adminOnly, elsewhere: 'notFound', request: async ({ n }) => ({ method: 'DELETE', path: `/api/fiscal-years/${await throwawayYear(n)}` }) },
  ],
  'PATCH /api/oit/:beYear/deadline': [
    { targets: ['office'], allowed: adminOnly, elsewhere: 'own', request: async ({ n }) => ({ method: 'PATCH', path: '/api/oit/2567/deadline', body: { submissionDeadline: `2024-0${1 + (n % 9)}-15` } }) },
  ],
  'POST /api/oit/:beYear/items': [
    { targets: ['office'], allowed: adminOnly, elsewhere: 'own', request: async ({ n }) => ({ method: 'POST', path: '/api/oit/2567/items', body: { code: `X${n}`, titleTh: `ข้อทดสอบ ${n}` } }) },
  ],
  'PATCH /api/oit/:beYear/items/:id': [
    {
      targets: ['office'],
      allowed: adminOnly,
      elsewhere: 'notFound',
      request: async ({ n }) => {
        const item = await env.DB.prepare("select id from oit_items where org_id = ? and code = 'O1'").bind(home.orgId).first<{ id: string }>();
        return { method: 'PATCH', path: `/api/oit/2567/items/${item!.id}`, body: { titleEn: `Structure ${n}` } };
      },
    },
  ],
  'DELETE /api/oit/:beYear/items/:id': [
    {
      targets: ['office'],
      allowed: adminOnly,
      elsewhere: 'notFound',
      request: async ({ n }) => {
        const id = crypto.randomUUID();
        await env.DB.prepare("insert into oit_items (id, org_id, fiscal_year_id, code, title_th) values (?, ?, ?, ?, 'ลบได้')").bind(id, home.orgId, home.fiscalYearId, `D${n}`).run();
        return { method: 'DELETE', path: `/api/oit/2567/items/${id}` };
      },
    },
  ],
  'POST /api/oit/:beYear/items/import/preview': [
    { targets: ['office'], allowed: adminOnly, elsewhere: 'own', request: async () => ({ method: 'POST', path: '/api/oit/2567/items/import/preview', body: { text: 'O1\tโครงสร้าง\t9.1\tStructure' } }) },
  ],
  'POST /api/oit/:beYear/items/import/commit': [
    { targets: ['office'], allowed: adminOnly, elsewhere: 'own', request: async () => ({ method: 'POST', path: '/api/oit/2567/items/import/commit', body: { text: 'O1\tโครงสร้าง\t9.1\tStructure' } }) },
  ],
  'POST /api/catalogues/preview': [
    { targets: ['office'], allowed: adminOnly, elsewhere: 'own', request: async () => ({ method: 'POST', path: '/api/catalogues/preview', body: { text: 'O1 โครงสร้าง' } }) },
  ],
  'POST /api/catalogues': [
    { targets: ['office'], allowed: adminOnly, elsewhere: 'own', request: async ({ n }) => ({ method: 'POST', path: '/api/catalogues', body: { name: `รายการทดสอบ ${n}`, text: 'O1 โครงสร้าง' } }) },
  ],
  'POST /api/catalogues/:id/plan': [
    { targets: ['office'], allowed: adminOnly, elsewhere: 'own', request: async () => ({ method: 'POST', path: '/api/catalogues/shipped-2567/plan', body: { beYear: 2567 } }) },
  ],
  'POST /api/catalogues/:id/apply': [
    // A year not created yet: the version is only named for its rollover.
    { targets: ['office'], allowed: adminOnly, elsewhere: 'own', request: async ({ n }) => ({ method: 'POST', path: '/api/catalogues/shipped-2567/apply', body: { beYear: 2600 + (n % 90) } }) },
  ],
  // An item's submission fields: administrators, and the directors whose cards' evidence serves the
  // item (the card's editors: lead or participating group; an every-group card's lead only).
  'PUT /api/oit/:beYear/submission/:code': [
    {
      targets: CARD_TARGETS,
      allowed: (a, t) => editor(a, t as CardTarget),
      elsewhere: 'notFound',
      request: async ({ target, n }) => {
        const t = target as CardTarget;
        const office = t === 'otherOrgCard' ? other : home;
        const code = `S${n}`;
        await env.DB.prepare("insert into oit_items (id, org_id, fiscal_year_id, code, title_th) values (?, ?, ?, ?, 'ข้อส่ง')").bind(crypto.randomUUID(), office.orgId, office.fiscalYearId, code).run();
        // The evidence naming it, written directly (the route under test reads D1, not the board's room).
        await env.DB.prepare('insert into evidence_links (id, org_id, card_id, url, oit_code) values (?, ?, ?, ?, ?)').bind(crypto.randomUUID(), office.orgId, cardOf[t], `https://example.go.th/s${n}`, code).run();
        const person = { name: '', position: '', date: null };
        return {
          method: 'PUT',
          path: `/api/oit/2567/submission/${code}`,
          body: { version: 0, pageUrl: `https://example.go.th/oit/${code}`, explanation: null, publishedInfo: '', requester: person, approver: person, poster: person },
        };
      },
    },
  ],
  'PUT /api/memo': [
    {
      targets: ['office'],
      allowed: adminOnly,
      elsewhere: 'own',
      request: async ({ n }) => ({
        method: 'PUT',
        path: '/api/memo',
        body: { department: 'สำนักงานศึกษาธิการจังหวัด', docPrefix: `ศธ ${n}`, addressee: 'ศึกษาธิการจังหวัด', signerName: 'ผู้ลงนาม', signerPosition: 'ผู้อำนวยการกลุ่ม', thaiDigits: true },
      }),
    },
  ],
  'PATCH /api/public/settings': [
    { targets: ['office'], allowed: adminOnly, elsewhere: 'own', request: async () => ({ method: 'PATCH', path: '/api/public/settings', body: { beYear: 2567, published: false } }) },
  ],
  'POST /api/reports/preview': [
    { targets: ['office'], allowed: adminOnly, elsewhere: 'own', request: async () => ({ method: 'POST', path: '/api/reports/preview', body: { beYear: 2567, kind: 'staff', periodKey: '2024-06' } }) },
  ],
  'POST /api/reports/send': [
    { targets: ['office'], allowed: adminOnly, elsewhere: 'own', request: async () => ({ method: 'POST', path: '/api/reports/send', body: { beYear: 2567, kind: 'staff', periodKey: '2024-05' } }) },
  ],
  'PUT /api/reports/schedule': [
    // A year still running (the current one, FY2570, made for both offices in beforeAll).
    { targets: ['office'], allowed: adminOnly, elsewhere: 'own', request: async () => ({ method: 'PUT', path: '/api/reports/schedule', body: { beYear: 2570, audience: 'staff', cadence: 'monthly' } }) },
  ],
  'PUT /api/reports/settings': [
    { targets: ['office'], allowed: adminOnly, elsewhere: 'own', request: async () => ({ method: 'PUT', path: '/api/reports/settings', body: { reportKinds: { digest: true } } }) },
  ],
  'POST /api/reports/recipients': [
    { targets: ['office'], allowed: adminOnly, elsewhere: 'own', request: async ({ n }) => ({ method: 'POST', path: '/api/reports/recipients', body: { kind: 'staff', email: `r${n}@example.go.th`, name: '' } }) },
  ],
  'DELETE /api/reports/recipients/:id': [
    {
      targets: ['office'],
      allowed: adminOnly,
      elsewhere: 'notFound',
      request: async ({ n }) => {
        const id = crypto.randomUUID();
        await env.DB.prepare("insert into report_recipients (id, org_id, kind, email) values (?, ?, 'staff', ?)").bind(id, home.orgId, `gone${n}@example.go.th`).run();
        return { method: 'DELETE', path: `/api/reports/recipients/${id}` };
      },
    },
  ],
  'PUT /api/line/settings': [
    {
      targets: ['office'],
      allowed: adminOnly,
      elsewhere: 'own',
      request: async () => ({ method: 'PUT', path: '/api/line/settings', body: { channelSecret: '0123456789abcdef0123456789abcdef', channelAccessToken: 'authz-test-token-0123456789' } }),
    },
  ],
  'POST /api/line/link-codes': [
    { targets: ['office'], allowed: adminOnly, elsewhere: 'own', request: async () => ({ method: 'POST', path: '/api/line/link-codes', body: { audience: 'staff' } }) },
  ],
  'DELETE /api/line/groups/:id': [
    {
      targets: ['office'],
      allowed: adminOnly,
      elsewhere: 'notFound',
      request: async ({ n }) => {
        const id = crypto.randomUUID();
        await env.DB.prepare("insert into line_groups (id, org_id, line_group_id, audience, joined_at, linked_at) values (?, ?, ?, 'staff', 0, 0)").bind(id, home.orgId, `Cauthz${n}`).run();
        return { method: 'DELETE', path: `/api/line/groups/${id}` };
      },
    },
  ],
  'POST /api/reports/outbox/:id/retry': [
    {
      targets: ['office'],
      allowed: adminOnly,
      elsewhere: 'notFound',
      request: async ({ n }) => {
        const id = crypto.randomUUID();
        await env.DB.prepare("insert into outbox (id, org_id, dedupe_key, to_email, subject, raw, status, attempts, next_attempt_at) values (?, ?, ?, 'a@example.go.th', 'รายงาน', 'x', 'failed', 20, 0)").bind(id, home.orgId, `retry-${n}`).run();
        return { method: 'POST', path: `/api/reports/outbox/${id}/retry` };
      },
    },
  ],
};

/**
 * Mutating routes outside the matrix, and why: each is still enumerated, and checked below for
 * what applies to it.
 */
const OUTSIDE: Record<string, string> = {
  'POST /api/auth/sign-in': 'public by design (rate-limited; tests/worker/auth.test.ts)',
  'POST /api/auth/sign-out': "acts only on the caller's own session",
  'POST /api/auth/sign-out-everywhere': "acts only on the caller's own sessions",
  'PUT /api/me/password': "acts only on the caller's own account, proven by its current password",
  'DELETE /api/me/sessions/:id': "acts only on the caller's own sessions",
  'POST /api/admin/backup/restore': "the operator's RESTORE_TOKEN, not a role (tests/worker/backup.test.ts)",
  'POST /api/line/webhook/:office': "LINE's webhook: signed with the office's channel secret, not a session (tests/worker/line.test.ts)",
  // The organisation tree (issue 19): their actors are a tree's, so their matrix is tree.test.ts's.
  'POST /api/session/office': 'opens an organisation the caller belongs to or oversees (tests/worker/tree.test.ts matrix)',
  'POST /api/parent/invitations': "a parent body's administrators (tests/worker/tree.test.ts matrix)",
  'DELETE /api/parent/invitations/:id': "a parent body's administrators (tests/worker/tree.test.ts matrix)",
  'PUT /api/parent/offices/:id/attributes': "a parent body's administrators (tests/worker/tree.test.ts matrix)",
  'POST /api/office/invitations/:id/accept': "the invited office's administrators (tests/worker/tree.test.ts matrix)",
  'POST /api/office/invitations/:id/decline': "the invited office's administrators (tests/worker/tree.test.ts matrix)",
  'POST /api/office/parent/leave': "the office's administrators (tests/worker/tree.test.ts matrix)",
  'POST /api/parent/templates/import': "a parent body's administrators (tests/worker/tree.test.ts matrix)",
  'POST /api/parent/templates/:id/publish': "a parent body's administrators (tests/worker/tree.test.ts matrix)",
  'POST /api/office/templates/:id/adopt': "the office's administrators, a template of its parent bodies (tests/worker/tree.test.ts matrix)",
  'POST /api/office/templates/:id/changes': "the office's administrators, a template they adopted (tests/worker/tree.test.ts matrix)",
};
const DEV_ONLY = /^\/api\/dev\//;

interface RouteName {
  method: string;
  path: string;
}
function mutatingRoutes(): RouteName[] {
  const seen = new Map<string, RouteName>();
  for (const r of app.routes) {
    if (r.method === 'ALL' || r.path.includes('*') || r.method === 'GET') continue;
    seen.set(`${r.method} ${r.path}`, { method: r.method, path: r.path });
  }
  return [...seen.values()];
}

const refusals = async () => (await env.DB.prepare("select count(*) n from audit_log where action = 'authorisation.refused'").first<{ n: number }>())!.n;

describe('authorisation matrix', () => {
  it('covers every changing route of the app: each has a rule (or says why it is outside), dev routes answer 404', async () => {
    const routes = mutatingRoutes();
    expect(routes.length).toBeGreaterThan(40);
    const undeclared = routes.filter((r) => !DEV_ONLY.test(r.path) && !RULES[`${r.method} ${r.path}`] && !OUTSIDE[`${r.method} ${r.path}`]);
    expect(undeclared.map((r) => `${r.method} ${r.path}`)).toEqual([]);
    const stale = Object.keys(RULES).filter((name) => !routes.some((r) => `${r.method} ${r.path}` === name));
    expect(stale).toEqual([]);
    // Development routes do not exist outside `npm start`, whoever asks.
    for (const r of routes.filter((r) => DEV_ONLY.test(r.path))) {
      for (const actor of ['admin', 'signedOut'] as Actor[]) {
        const res = await call(r.method, r.path.replace(/:(\w+)/g, 'x'), { cookie: cookies.get(actor), body: {} });
        expect(res.status, `${r.method} ${r.path}`).toBe(404);
      }
    }
    // The self-service routes refuse the signed out and the disabled.
    for (const name of ['POST /api/auth/sign-out-everywhere', 'PUT /api/me/password', 'DELETE /api/me/sessions/:id']) {
      const [method, path] = name.split(' ') as [string, string];
      for (const actor of ['signedOut', 'disabledDirector'] as Actor[]) {
        const res = await call(method, path.replace(':id', 'a'.repeat(64)), { cookie: cookies.get(actor), body: method === 'PUT' ? { currentPassword: 'x', newPassword: 'y' } : undefined });
        expect(res.status, `${name} as ${actor}`).toBe(401);
      }
    }
  });

  it('allows exactly what each rule allows, for every role and target: 0 unauthorised successes, every 403 audited', async () => {
    const unauthorisedSuccesses: string[] = [];
    const wronglyRefused: string[] = [];
    const wrongRefusal: string[] = [];
    let cases = 0;
    let forbiddenToSignedIn = 0;
    const auditedBefore = await refusals();
    const routes = mutatingRoutes().filter((r) => RULES[`${r.method} ${r.path}`]);
    /** One rule against one target, its actors taking turns (an allowed success may change what the next one finds). */
    const runTarget = async (name: string, variant: number, rule: Rule, target: Target) => {
      for (const actor of ACTORS) {
        const ctx: Ctx = { target, actor, n: ++cases };
        const req = await rule.request(ctx);
        expect(`${req.method} ${req.path}`.split('/').length, name).toBe(name.split('/').length);
        const r = await call(req.method, req.path, { cookie: cookies.get(actor), body: req.body, form: req.form });
        const expected =
          actor === 'signedOut' || actor === 'disabledDirector'
            ? false
            : actor === 'otherOrgAdmin'
              ? rule.elsewhere === 'own' || target === 'otherOrgCard'
              : rule.allowed(actor, target);
        const ok = r.status >= 200 && r.status < 300;
        const label = `${name} #${variant} as ${actor} on ${target}: ${r.status} ${r.json?.error?.code ?? ''}`;
        if (ok && !expected) unauthorisedSuccesses.push(label);
        if (!ok && expected) wronglyRefused.push(label);
        if (!ok && !expected) {
          // The refusal must be the authorisation's: 401 signed out or disabled, 403 signed
          // in without the right, 404 for another office's resource.
          const want = actor === 'signedOut' || actor === 'disabledDirector' ? 401 : actor === 'otherOrgAdmin' || target === 'otherOrgCard' ? 404 : 403;
          if (r.status !== want || !r.json?.error?.messageTh || !r.json?.error?.messageEn) wrongRefusal.push(`${label} (expected ${want})`);
          if (r.status === 403) forbiddenToSignedIn++;
        }
        if (ok && rule.undo) await rule.undo(ctx);
      }
    };
    // Card rules one after another (they share the cards), each rule's targets together (different
    // cards); the office's rules all together (each acts on its own things).
    const officeRules: Promise<void>[] = [];
    for (const route of routes) {
      const name = `${route.method} ${route.path}`;
      for (const [variant, rule] of RULES[name]!.entries()) {
        if (rule.targets.every((t) => t === 'office')) officeRules.push(runTarget(name, variant, rule, 'office'));
        else await Promise.all(rule.targets.map((target) => runTarget(name, variant, rule, target)));
      }
    }
    await Promise.all(officeRules);
    const audited = (await refusals()) - auditedBefore;
    console.log(`authorisation matrix: ${routes.length} routes, ${cases} cases, ${unauthorisedSuccesses.length} unauthorised successes, ${forbiddenToSignedIn} refusals (403) audited: ${audited}`);
    expect(unauthorisedSuccesses).toEqual([]);
    expect(wronglyRefused).toEqual([]);
    expect(wrongRefusal).toEqual([]);
    expect(cases).toBeGreaterThanOrEqual(300);
    // Every 403 to a signed-in user is in the audit log, once; 401s are not.
    expect(audited).toBe(forbiddenToSignedIn);
  }, 900_000); // ten actors now (the tree's two among them): minutes on a busy machine

  it("never shows one office's board to another", async () => {
    const ids = new Set(homeBoard.cards.map((c) => c.id));
    expect(otherBoard.cards.some((c) => ids.has(c.id))).toBe(false);
    const cross = await getBoard(cookies.get('otherOrgAdmin')!);
    expect(cross.cards.some((c) => ids.has(c.id))).toBe(false);
  });

  it('signed-out traffic never grows the audit log', async () => {
    const before = await env.DB.prepare('select count(*) n from audit_log').first<{ n: number }>();
    const attempts = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        i % 2
          ? call('PATCH', `/api/cards/${cardOf.adminGroupCard}`, { body: { version: 1, details: 'x' } })
          : call('POST', '/api/admin/groups', { body: { nameTh: `กลุ่ม ${i}`, nameEn: '' } }),
      ),
    );
    expect(attempts.map((r) => r.status)).toEqual(Array(30).fill(401));
    expect(await env.DB.prepare('select count(*) n from audit_log').first<{ n: number }>()).toEqual(before);
  }, 60_000);

  it('marks cards editable exactly as the server allows', async () => {
    const board = await getBoard(cookies.get('directorPersonnel')!);
    const editable = board.cards.filter((c) => c.editable).map((c) => c.id);
    for (const c of board.cards) {
      const measure = board.measures.find((m) => m.id === c.measureId)!.number;
      expect(editable.includes(c.id), `measure ${measure} step ${c.stepNumber}`).toBe(measure === 4 || c.id === cardOf.participatingCard);
    }
    for (const reader of ['executive', 'parentOversight', 'grandparentAdmin'] as const) {
      const board = await getBoard(cookies.get(reader)!);
      expect(board.cards.length, reader).toBe(homeBoard.cards.length);
      expect(board.cards.some((c) => c.editable), reader).toBe(false);
    }
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
