// Card details, evidence links, comments, checklists and the OIT catalogue, through the real API
// against the real D1 of this file.
import { beforeAll, describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { call, cookieFor, getBoard, seedOffice, type Demo, type Who } from './helpers';
import { verifyChain } from '../../worker/domain/event-chain';
import type { BoardView } from '../../worker/domain/contracts';
import type { CardDetailsResponse, EvidenceView } from '../../worker/domain/contracts-card';

let home: Demo;
let other: Demo;
let board: BoardView;
let otherBoard: BoardView;
const cookie: Partial<Record<Who | 'otherAdmin', string>> = {};
const card: Record<'adminGroup' | 'personnelGroup' | 'everyGroup' | 'otherOrg', string> = {} as never;

const counts = async () =>
  env.DB.prepare(
    'select (select count(*) from evidence_links) ev, (select count(*) from comments) cm, (select count(*) from card_events) e, (select group_concat(version) from cards) v',
  ).first();

const events = async (cardId: string, kind: string) =>
  (await env.DB.prepare('select seq, before, after, actor_user_id from card_events where card_id = ? and kind = ? order by seq').bind(cardId, kind).all<{
    seq: number;
    before: string | null;
    after: string | null;
    actor_user_id: string;
  }>()).results;

const details = async (cardId: string, who: Who = 'admin') => {
  const r = await call('GET', `/api/cards/${cardId}`, { cookie: cookie[who] });
  expect(r.status).toBe(200);
  return r.json as CardDetailsResponse;
};

const addEvidence = (cardId: string, who: Who | 'otherAdmin', body: unknown) =>
  call('POST', `/api/cards/${cardId}/evidence`, { cookie: cookie[who], body });

beforeAll(async () => {
  home = await seedOffice('home-office');
  other = await seedOffice('other-office', 'other.local');
  for (const who of ['admin', 'executive', 'directorAdmin', 'directorPersonnel', 'staff'] as const) cookie[who] = await cookieFor(home, who);
  cookie.otherAdmin = await cookieFor(other, 'admin');
  board = await getBoard(cookie.admin!);
  otherBoard = await getBoard(cookie.otherAdmin);
  const byMeasure = (b: BoardView, n: number) => b.cards.find((c) => c.measureId === b.measures.find((m) => m.number === n)!.id)!.id;
  card.adminGroup = byMeasure(board, 1); // led by กลุ่มอำนวยการ
  card.personnelGroup = byMeasure(board, 4); // led by กลุ่มบริหารงานบุคคล
  card.everyGroup = byMeasure(board, 5); // อำนวยการ leads, every group takes part
  card.otherOrg = byMeasure(otherBoard, 1);
});

describe('reading a card', () => {
  it('returns the card with its checklist, creation in the timeline, and who may contribute', async () => {
    const d = await details(card.adminGroup);
    expect(d.card.id).toBe(card.adminGroup);
    expect(d.card.editable).toBe(true);
    expect(d.card.checklist.map((i) => i.done)).toEqual([false, false]);
    expect(d.card.checklist[0]!.text).toMatch(/สรุป/);
    expect(d.canContribute).toBe(true);
    expect(d.evidence).toEqual([]);
    expect(d.comments).toEqual([]);
    expect(d.timeline.map((t) => t.kind)).toEqual(['card.created']);
    expect(d.timeline[0]!.actor).toBeNull(); // the import ran without a signed-in person
    const staff = await details(card.adminGroup, 'staff');
    expect([staff.canContribute, staff.card.editable]).toEqual([false, false]);
    const personnel = await details(card.everyGroup, 'directorPersonnel');
    expect([personnel.canContribute, personnel.card.editable]).toEqual([true, false]);
  });

  it('answers 404 for another office\'s card and an unknown id, 401 when signed out', async () => {
    for (const id of [card.otherOrg, 'no-such-card']) {
      const r = await call('GET', `/api/cards/${id}`, { cookie: cookie.admin });
      expect(r.status).toBe(404);
      expect(r.json.error.code).toBe('not_found');
      expect(r.json.error.messageTh).toMatch(/การ์ด/);
    }
    expect((await call('GET', `/api/cards/${card.adminGroup}`)).status).toBe(401);
  });

  it('the board carries each card\'s checklist as counts; its items come with the card\'s details', async () => {
    expect(board.cards.every((c) => c.checklist.total === 2 && c.checklist.done === 0)).toBe(true);
    expect((await details(card.adminGroup)).card.checklist).toHaveLength(2);
  });
});

describe('evidence links', () => {
  it('adds a link with its OIT item and an evidence.added event in the same change', async () => {
    const before = (await counts()) as { ev: number; e: number; v: string };
    const r = await addEvidence(card.adminGroup, 'directorAdmin', { url: ' https://phichit.moe.go.th/ita/o12 ', note: ' ประกาศ <script> ', oitCode: 'O12' });
    expect(r.status).toBe(201);
    const ev = r.json.evidence as EvidenceView;
    expect(ev).toMatchObject({ url: 'https://phichit.moe.go.th/ita/o12', note: 'ประกาศ <script>', oitCode: 'O12', canDelete: true });
    expect(ev.addedBy).toEqual({ id: home.userIds['director.admin@demo.local'], displayName: 'ผอ.กลุ่มอำนวยการ (สาธิต)' });
    const [added] = await events(card.adminGroup, 'evidence.added');
    expect(JSON.parse(added!.after!)).toEqual({ evidenceId: ev.id, url: ev.url, note: ev.note, oitCode: 'O12' });
    expect(added!.actor_user_id).toBe(home.userIds['director.admin@demo.local']);
    const after = (await counts()) as { ev: number; e: number; v: string };
    // One link and one event; no card's version moves (evidence does not conflict with edits).
    expect([after.ev, after.e, after.v]).toEqual([before.ev + 1, before.e + 1, before.v]);
    const d = await details(card.adminGroup);
    expect(d.evidence.map((e) => e.id)).toEqual([ev.id]);
    expect(d.timeline.map((t) => t.kind)).toEqual(['evidence.added', 'card.created']);
    expect(d.timeline[0]!.actor?.displayName).toBe('ผอ.กลุ่มอำนวยการ (สาธิต)');
    const noItem = await addEvidence(card.adminGroup, 'admin', { url: 'http://example.go.th/a', note: '', oitCode: null });
    expect(noItem.status).toBe(201);
    expect(noItem.json.evidence.oitCode).toBeNull();
  });

  it('refuses unsafe or malformed links, unknown fields and OIT items outside the card\'s year; nothing written', async () => {
    // An OIT code that exists, but in another fiscal year's catalogue of the same office.
    const fy2568 = crypto.randomUUID();
    await env.DB.batch([
      env.DB.prepare("insert into fiscal_years (id, org_id, be_year, starts_on, ends_on) values (?, ?, 2568, '2024-10-01', '2025-09-30')").bind(fy2568, home.orgId),
      env.DB.prepare("insert into oit_items (id, org_id, fiscal_year_id, code, title_th) values (?, ?, ?, 'O99', 'ข้อปีหน้า')").bind(crypto.randomUUID(), home.orgId, fy2568),
    ]);
    const snapshot = await counts();
    const bad: [unknown, number, string][] = [
      [{ url: 'javascript:alert(1)', note: '', oitCode: null }, 400, 'invalid_input'],
      [{ url: 'data:text/html,<b>x</b>', note: '', oitCode: null }, 400, 'invalid_input'],
      [{ url: 'ftp://example.go.th/file', note: '', oitCode: null }, 400, 'invalid_input'],
      [{ url: 'not a url', note: '', oitCode: null }, 400, 'invalid_input'],
      // Look-alike links: user info hides the real host; bidirectional controls reorder the address.
      [{ url: 'https://www.opdc.go.th@evil.example/', note: '', oitCode: null }, 400, 'invalid_input'],
      [{ url: 'https://user:pass@example.go.th/', note: '', oitCode: null }, 400, 'invalid_input'],
      [{ url: 'https://example.go.th/\u202Efdp.exe', note: '', oitCode: null }, 400, 'invalid_input'],
      [{ url: 'https://example.go.th/', note: 'ดูที่\u202Eนี่', oitCode: null }, 400, 'invalid_input'],
      [{ url: `https://example.go.th/${'a'.repeat(2000)}`, note: '', oitCode: null }, 400, 'invalid_input'],
      [{ url: 'https://example.go.th', note: 'x'.repeat(1001), oitCode: null }, 400, 'invalid_input'],
      [{ url: 'https://example.go.th', note: '', oitCode: null, addedBy: 'someone' }, 400, 'invalid_input'],
      [{ url: 'https://example.go.th', note: '' }, 400, 'invalid_input'],
      [{ url: 'https://example.go.th', note: '', oitCode: 'O999' }, 422, 'invalid_oit_item'],
      [{ url: 'https://example.go.th', note: '', oitCode: 'O99' }, 422, 'invalid_oit_item'],
    ];
    for (const [body, status, code] of bad) {
      const r = await addEvidence(card.adminGroup, 'admin', body);
      expect(r.status, JSON.stringify(body).slice(0, 80)).toBe(status);
      expect(r.json.error.code).toBe(code);
      expect(r.json.error.messageTh).toBeTruthy();
      expect(r.json.error.messageEn).toBeTruthy();
    }
    expect(await counts()).toEqual(snapshot);
  });

  it('lets contributors add (every-group cards too) and refuses everyone else, with an audit entry', async () => {
    const link = { url: 'https://example.go.th/evidence', note: '', oitCode: null };
    expect((await addEvidence(card.everyGroup, 'directorPersonnel', link)).status).toBe(201);
    const snapshot = await counts();
    for (const [who, target] of [['staff', card.adminGroup], ['executive', card.adminGroup], ['directorPersonnel', card.adminGroup]] as const) {
      const r = await addEvidence(target, who, link);
      expect(r.status, who).toBe(403);
      expect(r.json.error.code).toBe('forbidden');
    }
    expect((await addEvidence(card.otherOrg, 'admin', link)).status).toBe(404);
    expect((await addEvidence(card.adminGroup, 'otherAdmin', link)).status).toBe(404);
    expect((await call('POST', `/api/cards/${card.adminGroup}/evidence`, { body: link })).status).toBe(401);
    const crossSite = await call('POST', `/api/cards/${card.adminGroup}/evidence`, { cookie: cookie.admin, body: link, headers: { origin: 'https://evil.example' } });
    expect(crossSite.status).toBe(403);
    expect(await counts()).toEqual(snapshot);
    const refused = await env.DB.prepare("select count(*) n from audit_log where action = 'authorisation.refused' and json_extract(detail, '$.action') = 'evidence.add'").first<{ n: number }>();
    expect(refused!.n).toBe(3);
  });

  it('removal: by whoever added it or a card editor, with an evidence.removed event; others refused', async () => {
    const link = { url: 'https://example.go.th/removable', note: 'n', oitCode: 'O1' };
    const mine = (await addEvidence(card.everyGroup, 'directorPersonnel', link)).json.evidence as EvidenceView;
    const theirs = (await addEvidence(card.everyGroup, 'directorAdmin', link)).json.evidence as EvidenceView;
    // The personnel director contributes to this card but does not edit it: only their own link.
    const seenByPersonnel = await details(card.everyGroup, 'directorPersonnel');
    expect(seenByPersonnel.evidence.find((e) => e.id === mine.id)!.canDelete).toBe(true);
    expect(seenByPersonnel.evidence.find((e) => e.id === theirs.id)!.canDelete).toBe(false);
    const snapshot = await counts();
    for (const who of ['directorPersonnel', 'staff', 'executive'] as const) {
      expect((await call('DELETE', `/api/evidence/${theirs.id}`, { cookie: cookie[who] })).status, who).toBe(403);
    }
    expect((await call('DELETE', `/api/evidence/${theirs.id}`, { cookie: cookie.otherAdmin })).status).toBe(404);
    expect(await counts()).toEqual(snapshot);

    const own = await call('DELETE', `/api/evidence/${mine.id}`, { cookie: cookie.directorPersonnel });
    expect(own.status).toBe(204);
    expect(own.text).toBe('');
    const byEditor = await call('DELETE', `/api/evidence/${theirs.id}`, { cookie: cookie.directorAdmin });
    expect(byEditor.status).toBe(204);
    const removed = await events(card.everyGroup, 'evidence.removed');
    expect(removed.map((e) => JSON.parse(e.before!).evidenceId)).toEqual([mine.id, theirs.id]);
    expect(JSON.parse(removed[0]!.before!)).toEqual({ evidenceId: mine.id, url: link.url, note: 'n', oitCode: 'O1' });
    expect(removed[0]!.after).toBeNull();
    const again = await call('DELETE', `/api/evidence/${mine.id}`, { cookie: cookie.admin });
    expect(again.status).toBe(404);
    expect(again.json.error.code).toBe('not_found');
    expect((await details(card.everyGroup)).evidence.map((e) => e.id)).not.toContain(mine.id);
  });
});

describe('comments', () => {
  it('adds a trimmed comment; its event carries the id, never the text', async () => {
    const r = await call('POST', `/api/cards/${card.personnelGroup}/comments`, { cookie: cookie.directorPersonnel, body: { body: '  ส่งรายงานแล้ว <img src=x>  ' } });
    expect(r.status).toBe(201);
    expect(r.json.comment).toMatchObject({ body: 'ส่งรายงานแล้ว <img src=x>', author: { id: home.userIds['director.personnel@demo.local'], displayName: 'ผอ.กลุ่มบริหารงานบุคคล (สาธิต)' } });
    const [added] = await events(card.personnelGroup, 'comment.added');
    expect(JSON.parse(added!.after!)).toEqual({ commentId: r.json.comment.id });
    const log = await env.DB.prepare("select group_concat(coalesce(after, ''), ' ') t from card_events").first<{ t: string }>();
    expect(log!.t).not.toContain('ส่งรายงานแล้ว');
    const d = await details(card.personnelGroup, 'staff');
    expect(d.comments.map((c) => c.body)).toEqual(['ส่งรายงานแล้ว <img src=x>']);
    expect(d.timeline[0]!.kind).toBe('comment.added');
  });

  it('refuses empty, too long or extra-field bodies, and non-contributors; nothing written', async () => {
    const snapshot = await counts();
    for (const body of [{ body: '   ' }, { body: '' }, { body: 'x'.repeat(5001) }, { body: 'ok', pinned: true }, {}, { body: 5 }]) {
      const r = await call('POST', `/api/cards/${card.adminGroup}/comments`, { cookie: cookie.admin, body });
      expect(r.status, JSON.stringify(body).slice(0, 40)).toBe(400);
      expect(r.json.error.code).toBe('invalid_input');
    }
    expect((await call('POST', `/api/cards/${card.adminGroup}/comments`, { cookie: cookie.staff, body: { body: 'hi' } })).status).toBe(403);
    expect((await call('POST', `/api/cards/${card.otherOrg}/comments`, { cookie: cookie.admin, body: { body: 'hi' } })).status).toBe(404);
    expect(await counts()).toEqual(snapshot);
    expect((await call('POST', `/api/cards/${card.adminGroup}/comments`, { cookie: cookie.admin, body: { body: 'x'.repeat(5000) } })).status).toBe(201);
  });
});

describe('the checklist', () => {
  it('is edited through PATCH with a card.edited event, and validated strictly', async () => {
    const d = await details(card.personnelGroup);
    const [first, second] = d.card.checklist;
    const checklist = [{ ...first!, done: true }, second!, { id: 'extra-1', text: ' เผยแพร่บนเว็บไซต์ ', done: false }];
    const r = await call('PATCH', `/api/cards/${card.personnelGroup}`, { cookie: cookie.directorPersonnel, body: { version: d.card.version, checklist } });
    expect(r.status).toBe(200);
    // The answer is the board's card (issue 16: counts); the drawer reads the items whole.
    expect(r.json.card.checklist).toEqual({ done: 1, total: 3 });
    expect(r.json.card.version).toBe(d.card.version + 1);
    expect((await details(card.personnelGroup)).card.checklist).toEqual([{ ...first!, done: true }, second!, { id: 'extra-1', text: 'เผยแพร่บนเว็บไซต์', done: false }]);
    const [edited] = await events(card.personnelGroup, 'card.edited');
    expect(JSON.parse(edited!.before!).checklist).toEqual(d.card.checklist);
    expect(JSON.parse(edited!.after!).checklist[0].done).toBe(true);
    expect((await getBoard(cookie.staff!)).cards.find((c) => c.id === card.personnelGroup)!.checklist).toEqual({ done: 1, total: 3 });

    const snapshot = await counts();
    const version = r.json.card.version;
    const item = { id: 'a', text: 'ok', done: false };
    for (const list of [
      [{ ...item, text: '  ' }],
      [{ ...item, text: 'x'.repeat(301) }],
      [item, item],
      [{ ...item, done: 'yes' }],
      [{ ...item, due: '2024-01-01' }],
      Array.from({ length: 51 }, (_, i) => ({ ...item, id: `i${i}` })),
      'not a list',
    ]) {
      const bad = await call('PATCH', `/api/cards/${card.personnelGroup}`, { cookie: cookie.admin, body: { version, checklist: list } });
      expect(bad.status).toBe(400);
      expect(bad.json.error.code).toBe('invalid_input');
    }
    const staff = await call('PATCH', `/api/cards/${card.personnelGroup}`, { cookie: cookie.staff, body: { version, checklist: [item] } });
    expect(staff.status).toBe(403);
    expect(await counts()).toEqual(snapshot);
  });
});

describe('the OIT catalogue', () => {
  it('lists the fiscal year\'s items, in order, to any signed-in member of the office', async () => {
    const r = await call('GET', '/api/boards/2567/oit-items', { cookie: cookie.staff });
    expect(r.status).toBe(200);
    expect(r.json.items).toHaveLength(43);
    expect(r.json.items[0]).toEqual({ id: expect.any(String), code: 'O1', titleTh: 'โครงสร้าง', titleEn: 'Organisation structure', subIndicator: '9.1 ข้อมูลพื้นฐาน' });
    const theirs = await call('GET', '/api/boards/2567/oit-items', { cookie: cookie.otherAdmin });
    const ours = new Set(r.json.items.map((i: { id: string }) => i.id));
    expect(theirs.json.items.some((i: { id: string }) => ours.has(i.id))).toBe(false);
    expect((await call('GET', '/api/boards/2599/oit-items', { cookie: cookie.staff })).status).toBe(404);
    expect((await call('GET', '/api/boards/2567/oit-items')).status).toBe(401);
  });
});

describe('concurrent contributions', () => {
  it('evidence, comments and moves at once all land, each with its event, and the chain verifies', async () => {
    const fresh = await getBoard(cookie.admin!);
    const target = fresh.columns[1]!;
    const movers = fresh.cards.filter((c) => c.columnId === fresh.columns[0]!.id).slice(0, 3);
    const before = (await counts()) as { ev: number; cm: number; e: number };
    const results = await Promise.all([
      ...[1, 2, 3, 4].map((i) => addEvidence(card.personnelGroup, 'admin', { url: `https://example.go.th/c/${i}`, note: '', oitCode: null })),
      ...[1, 2, 3].map((i) => call('POST', `/api/cards/${card.personnelGroup}/comments`, { cookie: cookie.directorPersonnel, body: { body: `c${i}` } })),
      ...movers.map((m) => call('POST', `/api/cards/${m.id}/move`, { cookie: cookie.admin, body: { toColumnId: target.id, afterCardId: null, beforeCardId: null, version: m.version } })),
    ]);
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201, 201, 200, 200, 200]);
    const after = (await counts()) as { ev: number; cm: number; e: number };
    expect([after.ev - before.ev, after.cm - before.cm, after.e - before.e]).toEqual([4, 3, 10]);
    const chain = await env.DB.prepare(
      'select id, org_id orgId, fiscal_year_id fiscalYearId, seq, card_id cardId, actor_user_id actorUserId, kind, before, after, at, prev_hash prevHash, hash from card_events where fiscal_year_id = ? order by seq',
    )
      .bind(fresh.fiscalYear.id)
      .all<Record<string, unknown>>();
    const rows = chain.results.map((e) => ({ ...e, before: e.before ? JSON.parse(e.before as string) : null, after: e.after ? JSON.parse(e.after as string) : null }));
    const verdict = await verifyChain(rows as never);
    expect(verdict.problems).toEqual([]);
    expect(verdict.eventsChecked).toBe(rows.length);
  });
});

describe('permissions follow the current role', () => {
  it('a director demoted to staff can no longer remove the links they added', async () => {
    const link = { url: 'https://example.go.th/added-as-director', note: '', oitCode: null };
    const added = await addEvidence(card.everyGroup, 'directorPersonnel', link);
    expect(added.status).toBe(201);
    const evidenceId = (added.json.evidence as EvidenceView).id;
    const userId = home.userIds['director.personnel@demo.local']!;
    const personnel = home.groupIds['กลุ่มบริหารงานบุคคล']!;
    const demote = await call('PUT', `/api/admin/users/${userId}/role`, { cookie: cookie.admin, body: { role: 'staff', groupId: personnel } });
    expect(demote.status).toBe(200);
    try {
      const seen = await details(card.everyGroup, 'directorPersonnel');
      expect(seen.canContribute).toBe(false);
      expect(seen.evidence.find((e) => e.id === evidenceId)!.canDelete).toBe(false);
      const snapshot = await counts();
      const r = await call('DELETE', `/api/evidence/${evidenceId}`, { cookie: cookie.directorPersonnel });
      expect(r.status).toBe(403);
      expect(r.json.error.code).toBe('forbidden');
      expect(await counts()).toEqual(snapshot);
    } finally {
      await call('PUT', `/api/admin/users/${userId}/role`, { cookie: cookie.admin, body: { role: 'director', groupId: personnel } });
    }
    // Restored to director, they may take it back again.
    expect((await call('DELETE', `/api/evidence/${evidenceId}`, { cookie: cookie.directorPersonnel })).status).toBe(204);
  });
});

describe('links shown with their real host', () => {
  it('emails write the host beside each link, and a link with user info is not made clickable', async () => {
    const { safeLink } = await import('../../worker/email/html');
    expect(safeLink('https://www.opdc.go.th/doc.pdf')).toContain('(www.opdc.go.th)');
    const lookAlike = safeLink('https://www.opdc.go.th@evil.example/');
    expect(lookAlike).not.toContain('<a ');
    expect(lookAlike).toContain('(evil.example)');
    const { safeHref, hostOf } = await import('../../web/src/safe-url');
    expect(safeHref('https://www.opdc.go.th@evil.example/')).toBeUndefined();
    expect(hostOf('https://www.opdc.go.th@evil.example/')).toBe('evil.example');
    expect(safeHref('https://www.opdc.go.th/')).toBe('https://www.opdc.go.th/');
  });
});
