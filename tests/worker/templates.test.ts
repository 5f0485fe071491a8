// Templates of a parent body (issue 19): imported with the existing importer (responsible names
// stay text), published per fiscal year; adopted by offices onto a new board or into the year's
// existing board (cards remember their template steps, responsible names mapped to the office's
// groups); a revision keeps the ids of what did not change and offers each difference, which the
// office accepts or declines: nothing changes silently.
import { beforeAll, describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { call, cookieFor, db, getBoard, seedOffice, type Demo } from './helpers';
import { createSession } from '../../worker/db/auth';
import { SESSION_COOKIE } from '../../worker/middleware/session';
import { placeUnder, seedParentBody } from '../../worker/seed/parent';
import { adoptTemplate, templateById, versionContent } from '../../worker/db/templates';

const HEAD = 'ที่\tมาตรการ/แนวทาง\tขั้นตอน/วิธีดำเนินการ\tผู้รับผิดชอบ\tการกำกับติดตาม/รายงานผล';
const V1 = [
  HEAD,
  '๑\tเปิดเผยข้อมูลสาธารณะ\t๑. รวบรวมข้อมูล ๒. เผยแพร่บนเว็บไซต์\tกลุ่มอำนวยการ\t๑. รายงานผล',
  '๒\tป้องกันผลประโยชน์ทับซ้อน\t๑. จัดทำคู่มือ ๒. อบรมบุคลากร ๓. รายงานผู้บริหาร\tกลุ่มบริหารงานบุคคล\t๑. รายงานผล',
].join('\n');
const V2 = [
  HEAD,
  '๑\tเปิดเผยข้อมูลสาธารณะ\t๑. รวบรวมข้อมูล ๒. เผยแพร่บนเว็บไซต์และเพจ\tกลุ่มอำนวยการ\t๑. รายงานผล',
  '๒\tป้องกันผลประโยชน์ทับซ้อน\t๑. จัดทำคู่มือ ๒. อบรมบุคลากร\tกลุ่มบริหารงานบุคคล\t๑. รายงานผล',
  '๓\tรับฟังความคิดเห็น\t๑. เปิดช่องทางรับฟัง\tกลุ่มนโยบายและแผน\t๑. รายงานผล',
].join('\n');
const OWN = `${HEAD}\n๑\tมาตรการของสำนักงานเอง\t๑. ขั้นแรก ๒. ขั้นสอง\tกลุ่มอำนวยการ\t๑. รายงาน`;

let home: Demo;
let sibling: Demo;
let outsider: Demo;
let parent: { orgId: string; userIds: Record<string, string> };
let templateId: string;
const parentAdmin = async () => `${SESSION_COOKIE}=${await createSession(db(), parent.userIds['admin@parent.test']!, parent.orgId)}`;
const q = <T>(sql: string, ...args: unknown[]) => env.DB.prepare(sql).bind(...args).all<T>().then((r) => r.results);

beforeAll(async () => {
  home = await seedOffice('tpl-home');
  sibling = await seedOffice('tpl-sibling', 'sibling.local');
  outsider = await seedOffice('tpl-outsider', 'outsider.local');
  parent = await seedParentBody(db(), { slug: 'tpl-parent', nameTh: 'ต้นสังกัด (ทดสอบ)', nameEn: 'Parent (test)', accounts: [{ email: 'admin@parent.test', displayName: 'ผู้ดูแลภาค', role: 'admin' }] });
  await placeUnder(db(), parent.orgId, [{ orgId: home.orgId }, { orgId: sibling.orgId }]);
});

describe('templates', () => {
  it('a parent imports measures with the importer (names stay text) and publishes them for a fiscal year', async () => {
    const imported = await call('POST', '/api/parent/templates/import', { cookie: await parentAdmin(), body: { beYear: 2570, title: 'มาตรการร่วม ปี 2570', text: V1 } });
    expect(imported.status, imported.text).toBe(201);
    expect(imported.json).toMatchObject({ measures: 2, steps: 5 });
    templateId = imported.json.id;
    // Offices see nothing until it is published.
    expect((await call('GET', '/api/office/templates', { cookie: await cookieFor(home, 'admin') })).json.templates).toEqual([]);
    const published = await call('POST', `/api/parent/templates/${templateId}/publish`, { cookie: await parentAdmin() });
    expect(published.status).toBe(201);
    expect(published.json.version).toBe(1);
    const again = await call('POST', `/api/parent/templates/${templateId}/publish`, { cookie: await parentAdmin() });
    expect(again.status).toBe(409);
    expect(again.json.error.messageTh).toBeTruthy();
    const steps = await q<{ responsible_text: string }>('select responsible_text from template_steps where template_id = ?', templateId);
    expect(steps.map((s) => s.responsible_text)).toContain('กลุ่มบริหารงานบุคคล');
    // An office's administrator cannot publish; an office outside the tree does not see it.
    expect((await call('POST', `/api/parent/templates/${templateId}/publish`, { cookie: await cookieFor(home, 'admin') })).status).toBe(403);
    expect((await call('GET', `/api/office/templates/${templateId}`, { cookie: await cookieFor(outsider, 'admin') })).status).toBe(404);
  });

  it('an office adopts it onto a new board: the names mapped to its groups, every card with its template step', async () => {
    const admin = await cookieFor(home, 'admin');
    const detail = await call('GET', `/api/office/templates/${templateId}`, { cookie: admin });
    expect(detail.status).toBe(200);
    // The office has no board of that year: adopting creates it (the web app says so before).
    expect(detail.json.yearHasBoard).toBe(false);
    const names = detail.json.names as { text: string; suggestion: { leadGroupId: string; resolved: boolean } }[];
    expect(names.find((n) => n.text === 'กลุ่มอำนวยการ')!.suggestion).toMatchObject({ leadGroupId: home.groupIds['กลุ่มอำนวยการ'], resolved: true });
    // Only the office's administrator adopts.
    expect((await call('POST', `/api/office/templates/${templateId}/adopt`, { cookie: await cookieFor(home, 'executive'), body: {} })).status).toBe(403);
    // Personnel's steps go to the policy group instead, as this office chooses.
    const policy = home.groupIds['กลุ่มนโยบายและแผน']!;
    const adopted = await call('POST', `/api/office/templates/${templateId}/adopt`, { cookie: admin, body: { groupMap: { กลุ่มบริหารงานบุคคล: { leadGroupId: policy, groupIds: [] } } } });
    expect(adopted.status, adopted.text).toBe(201);
    expect(adopted.json).toMatchObject({ newBoard: true, cards: 5, version: 1 });
    const board = await getBoard(admin, 2570);
    expect(board.cards).toHaveLength(5);
    const rows = await q<{ template_step_id: string | null; lead_group_id: string }>('select template_step_id, lead_group_id from cards where fiscal_year_id = ?', adopted.json.fiscalYearId);
    expect(rows.every((r) => r.template_step_id !== null)).toBe(true);
    expect(rows.filter((r) => r.lead_group_id === policy)).toHaveLength(3);
    const measures = await q<{ template_measure_id: string | null }>('select template_measure_id from measures where fiscal_year_id = ?', adopted.json.fiscalYearId);
    expect(measures.every((m) => m.template_measure_id !== null)).toBe(true);
    const twice = await call('POST', `/api/office/templates/${templateId}/adopt`, { cookie: admin, body: {} });
    expect(twice.status).toBe(409);
  });

  it("adopting into a year that already has a board adds the template's measures to it, after the office's own", async () => {
    const admin = await cookieFor(sibling, 'admin');
    const preview = await call('POST', '/api/import/preview', { cookie: admin, body: { beYear: 2570, text: OWN } });
    const own = await call('POST', '/api/import/commit', { cookie: admin, body: { beYear: 2570, text: OWN, choices: {}, token: preview.json.token, confirmYear: true, confirmOffice: true } });
    expect(own.status, own.text).toBe(201);
    expect((await call('GET', `/api/office/templates/${templateId}`, { cookie: admin })).json.yearHasBoard).toBe(true);
    const adopted = await call('POST', `/api/office/templates/${templateId}/adopt`, { cookie: admin, body: {} });
    expect(adopted.status, adopted.text).toBe(201);
    expect(adopted.json).toMatchObject({ newBoard: false, cards: 5, fiscalYearId: own.json.fiscalYearId });
    const board = await getBoard(admin, 2570);
    expect(board.cards).toHaveLength(7);
    expect(board.measures.map((m) => m.number).sort()).toEqual([1, 2, 3]);
    expect(board.measures.find((m) => m.number === 1)!.title).toBe('มาตรการของสำนักงานเอง');
    // The office may still add its own measures: nothing of the template is in the way.
    const events = await q<{ kind: string }>("select kind from card_events where fiscal_year_id = ? and kind = 'card.created'", own.json.fiscalYearId);
    expect(events).toHaveLength(7);
  });

  it('a revision keeps the ids of unchanged steps and changes nothing in the offices until they decide', async () => {
    const before = await q<{ id: string; title: string }>('select id, title from template_steps where template_id = ? order by id', templateId);
    const homeBefore = await q<{ title: string; version: number }>('select title, version from cards where org_id = ? and template_step_id is not null order by id', home.orgId);
    const imported = await call('POST', '/api/parent/templates/import', { cookie: await parentAdmin(), body: { beYear: 2570, text: V2 } });
    expect(imported.status).toBe(201);
    expect(imported.json.unpublishedChanges).toBe(3);
    const after = await q<{ id: string; title: string; removed_in_version: number | null }>('select id, title, removed_in_version from template_steps where template_id = ?', templateId);
    const kept = before.filter((b) => after.some((a) => a.id === b.id && a.removed_in_version === null));
    expect(kept).toHaveLength(4); // five steps, one removed
    expect(after.find((a) => a.title === 'อบรมบุคลากร')!.id).toBe(before.find((b) => b.title === 'อบรมบุคลากร')!.id);
    expect(after.find((a) => a.title === 'เผยแพร่บนเว็บไซต์และเพจ')!.id).toBe(before.find((b) => b.title === 'เผยแพร่บนเว็บไซต์')!.id);
    const published = await call('POST', `/api/parent/templates/${templateId}/publish`, { cookie: await parentAdmin() });
    expect(published.json).toMatchObject({ version: 2, changes: 3 });
    // Nothing silent: the offices' cards are as they were.
    expect(await q('select title, version from cards where org_id = ? and template_step_id is not null order by id', home.orgId)).toEqual(homeBefore);
    const list = await call('GET', '/api/office/templates', { cookie: await cookieFor(home, 'admin') });
    expect(list.json.templates[0]).toMatchObject({ version: 2, adoptedVersion: 1, pending: 3 });
    // Who published it: an office may see its parent's and a grandparent's templates.
    const publisher = await q('select name_th as nameTh, name_en as nameEn from organisations where id = (select org_id from templates where id = ?)', templateId);
    expect(list.json.templates[0].publisher).toEqual(publisher[0]);
  });

  it('the office accepts or declines each difference; accepted ones reach its board with events in the log', async () => {
    const admin = await cookieFor(home, 'admin');
    const detail = await call('GET', `/api/office/templates/${templateId}`, { cookie: admin });
    const changes = detail.json.changes as { itemId: string; change: string; after: { title: string } | null; before: { title: string } | null }[];
    expect(changes.map((c) => c.change).sort()).toEqual(['added', 'changed', 'removed']);
    const changed = changes.find((c) => c.change === 'changed')!;
    const removed = changes.find((c) => c.change === 'removed')!;
    const added = changes.find((c) => c.change === 'added')!;
    // An item that is not offered is refused and changes nothing.
    const bogus = await call('POST', `/api/office/templates/${templateId}/changes`, { cookie: admin, body: { decisions: [{ itemId: 'nope', decision: 'accepted' }] } });
    expect(bogus.status).toBe(422);
    const first = await call('POST', `/api/office/templates/${templateId}/changes`, {
      cookie: admin,
      body: { decisions: [{ itemId: changed.itemId, decision: 'accepted' }, { itemId: removed.itemId, decision: 'declined' }] },
    });
    expect(first.status, first.text).toBe(200);
    expect(first.json).toMatchObject({ changed: 1, added: 0, unlinked: 0, remaining: 1, version: 1 });
    const card = (await q<{ id: string; title: string; version: number }>('select id, title, version from cards where template_step_id = ? and org_id = ?', changed.itemId, home.orgId))[0]!;
    expect(card).toMatchObject({ title: 'เผยแพร่บนเว็บไซต์และเพจ', version: 2 });
    const edited = await q<{ kind: string; before: string }>("select kind, before from card_events where card_id = ? and kind = 'card.edited'", card.id);
    expect(JSON.parse(edited[0]!.before)).toMatchObject({ title: 'เผยแพร่บนเว็บไซต์' });
    // The declined removal leaves the card as it was, still from the template.
    expect(await q('select count(*) n from cards where template_step_id = ? and org_id = ?', removed.itemId, home.orgId)).toEqual([{ n: 1 }]);
    // The board reads the change (its room loaded again).
    const board = await getBoard(admin, 2570);
    expect(board.cards.find((c) => c.id === card.id)!.title).toBe('เผยแพร่บนเว็บไซต์และเพจ');
    // What is left: the addition, offered until decided.
    const left = await call('GET', `/api/office/templates/${templateId}`, { cookie: admin });
    expect(left.json.changes.map((c: { itemId: string }) => c.itemId)).toEqual([added.itemId]);
    const second = await call('POST', `/api/office/templates/${templateId}/changes`, { cookie: admin, body: { decisions: [{ itemId: added.itemId, decision: 'accepted' }] } });
    expect(second.json).toMatchObject({ added: 1, remaining: 0, version: 2 });
    const newCard = await q<{ title: string; lead_group_id: string }>('select title, lead_group_id from cards where template_step_id = ? and org_id = ?', added.itemId, home.orgId);
    expect(newCard).toEqual([{ title: 'เปิดช่องทางรับฟัง', lead_group_id: home.groupIds['กลุ่มนโยบายและแผน'] }]);
    expect((await getBoard(admin, 2570)).cards).toHaveLength(6);
    const done = await call('GET', '/api/office/templates', { cookie: admin });
    expect(done.json.templates[0]).toMatchObject({ adoptedVersion: 2, pending: 0 });
  });

  it('an office that declines every difference keeps its board exactly as it was', async () => {
    const admin = await cookieFor(sibling, 'admin');
    const before = await q('select id, title, version, template_step_id from cards where org_id = ? order by id', sibling.orgId);
    const detail = await call('GET', `/api/office/templates/${templateId}`, { cookie: admin });
    const decisions = detail.json.changes.map((c: { itemId: string }) => ({ itemId: c.itemId, decision: 'declined' }));
    expect(decisions).toHaveLength(3);
    const r = await call('POST', `/api/office/templates/${templateId}/changes`, { cookie: admin, body: { decisions } });
    expect(r.json).toMatchObject({ added: 0, changed: 0, unlinked: 0, remaining: 0, version: 2 });
    expect(await q('select id, title, version, template_step_id from cards where org_id = ? order by id', sibling.orgId)).toEqual(before);
    const recorded = await q<{ decision: string }>('select decision from template_decisions d join template_adoptions a on a.id = d.adoption_id where a.org_id = ?', sibling.orgId);
    expect(recorded.map((d) => d.decision)).toEqual(['declined', 'declined', 'declined']);
  });

  it('an adoption onto a new board commits with its board or not at all (a refused adoption row leaves no board to adopt onto twice)', async () => {
    const office = await seedOffice('tpl-atomic', 'atomic.local');
    await placeUnder(db(), parent.orgId, [{ orgId: office.orgId }]);
    const template = (await templateById(db(), templateId))!;
    const content = (await versionContent(db(), templateId, template.version))!;
    // An adoption row the insert will collide with (the unique office × template): the batch must fail whole.
    const [fy2567] = await q<{ id: string }>('select id from fiscal_years where org_id = ? and be_year = 2567', office.orgId);
    await env.DB.prepare('insert into template_adoptions (id, org_id, template_id, fiscal_year_id, version, group_map, adopted_by, adopted_at) values (?, ?, ?, ?, 1, ?, null, 0)')
      .bind(crypto.randomUUID(), office.orgId, templateId, fy2567!.id, '{}')
      .run();
    await expect(adoptTemplate(db(), { orgId: office.orgId, template, content, placeOf: () => ({ leadGroupId: null, groupIds: [] }), groupMap: {}, userId: office.userIds[Object.keys(office.userIds).find((e) => e.startsWith('admin@'))!]! })).rejects.toThrow();
    expect(await q('select id from fiscal_years where org_id = ? and be_year = ?', office.orgId, content.beYear)).toEqual([]);
    expect(await q('select id from cards where org_id = ? and template_step_id is not null', office.orgId)).toEqual([]);
  });
});

