// The import through the API, on real D1: the preview is what gets created (its token binds the
// text, the year, the choices and the office's groups), nothing is left without an owner, a year
// or office that differs needs confirming, and a measure's lead group can be changed afterwards
// with its cards following, one event each, in one batch.
import { beforeAll, describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { call, cookieFor, seedOffice, type Demo } from './helpers';

let office: Demo;
let other: Demo;
let admin: string;
let director: string;

beforeAll(async () => {
  office = await seedOffice('import-office');
  other = await seedOffice('import-other', 'other.local');
  admin = await cookieFor(office, 'admin');
  director = await cookieFor(office, 'directorAdmin');
});

const OFFICE = 'สำนักงานศึกษาธิการจังหวัดพิจิตร'; // the demo office's name
const HEADER = 'ที่\tมาตรการ\tขั้นตอน\tระยะเวลา\tผู้รับผิดชอบ\tการกำกับติดตาม';

/** An announcement of our own for `beYear`, by `office`, with an unknown group and co-responsible groups. */
function announcement(beYear: number, opts: { office?: string; extraRow?: string } = {}) {
  return [
    `ประกาศ${opts.office ?? OFFICE}`,
    `เรื่อง มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ${beYear}`,
    '',
    'ให้รายงานผลต่อที่ประชุมผู้บริหารทุกไตรมาส และแจ้งบุคลากรรอบ 6 เดือน และ 12 เดือน',
    '',
    HEADER,
    '1\tการเปิดเผยข้อมูล\t1. ปรับปรุงเว็บไซต์ 2. เผยแพร่ข้อมูล\tภายใน ธันวาคม 2569\tกลุ่มอำนวยการ และกลุ่มนโยบายและแผน\t1. รายงานผล',
    '2\tการสื่อสารองค์กร\t1. จัดทำจดหมายข่าว 2. จัดทำวารสาร 3. ประชาสัมพันธ์\tไตรมาสที่ 2\tกลุ่มประชาสัมพันธ์\t1. รายงานผล',
    '3\tการป้องกันการรับสินบน\t1. ประกาศนโยบาย\tตลอดปีงบประมาณ\tงานสารบรรณ และทุกกลุ่มงาน\t1. รายงานผล',
    ...(opts.extraRow ? [opts.extraRow] : []),
  ].join('\n');
}

type Choices = Record<string, { groupId: string } | { create: true }>;

async function preview(text: string, beYear: number | null, choices: Choices = {}, cookie = admin) {
  return call('POST', '/api/import/preview', { cookie, body: { text, beYear, choices } });
}

async function count(table: string, where = '1 = 1', ...binds: unknown[]): Promise<number> {
  return (await env.DB.prepare(`select count(*) n from ${table} where ${where}`).bind(...binds).first<{ n: number }>())!.n;
}

async function yearId(beYear: number, orgId = office.orgId): Promise<string | null> {
  return (await env.DB.prepare('select id from fiscal_years where org_id = ? and be_year = ?').bind(orgId, beYear).first<{ id: string }>())?.id ?? null;
}

describe('the preview', () => {
  it('shows the office, the year, the schedule, the due dates and a choice for every unknown name', async () => {
    const r = await preview(announcement(2570), null);
    expect(r.status, r.text).toBe(200);
    expect(r.json.token).toMatch(/^[0-9a-f]{64}$/);
    expect(r.json.organisationName).toBe(OFFICE);
    expect(r.json.plan.beYear).toBe(2570);
    expect(r.json.plan.checks).toEqual({ announcedYear: 2570, yearDiffers: false, announcedOffice: OFFICE, officeName: OFFICE, officeDiffers: false });
    expect(r.json.plan.schedule).toEqual({ executive: 'quarterly', staff: 'half-yearly' });
    expect(r.json.plan.scheduleStated).toEqual({ executive: true, staff: true });
    expect(r.json.unresolved.map((u: { key: string; everyGroup: boolean }) => [u.key, u.everyGroup])).toEqual([
      ['กลุ่มประชาสัมพันธ์', false],
      ['งานสารบรรณ', true],
    ]);
    expect(r.json.plan.measures.map((m: { leadGroupId: string | null; groupIds: string[]; dueOn: string }) => [m.leadGroupId, m.groupIds, m.dueOn])).toEqual([
      [office.groupIds['กลุ่มอำนวยการ'], [office.groupIds['กลุ่มนโยบายและแผน']], '2026-12-31'],
      [null, [], '2027-03-31'],
      [null, [], '2027-09-30'],
    ]);
    expect(r.json.yearHasBoard).toBe(false);
    expect(await yearId(2570)).toBeNull();
  });

  it('gives another token for another text, year or choice, and the same token for the same', async () => {
    const text = announcement(2570);
    const tokens = [
      (await preview(text, null)).json.token,
      (await preview(text, 2570)).json.token, // the same year, typed
      (await preview(`${text} `, null)).json.token, // a trailing space changes nothing parsed
      (await preview(text.replace('ปรับปรุงเว็บไซต์', 'ปรับปรุงเว็บไซต์ใหม่'), null)).json.token,
      (await preview(text, 2571)).json.token,
      (await preview(text, null, { กลุ่มประชาสัมพันธ์: { create: true } })).json.token,
    ];
    expect(tokens[1]).toBe(tokens[0]);
    expect(tokens[2]).toBe(tokens[0]);
    expect(new Set(tokens).size).toBe(4);
  });

  it('refuses choices that do not apply, in Thai and English', async () => {
    for (const choices of [
      { ไม่มีชื่อนี้: { create: true } },
      { กลุ่มประชาสัมพันธ์: { groupId: other.groupIds['กลุ่มอำนวยการ']! } }, // another office's group
    ] as Choices[]) {
      const r = await preview(announcement(2570), null, choices);
      expect([r.status, r.json.error.code]).toEqual([422, 'invalid_choice']);
      expect(r.json.error.messageTh).toMatch(/[ก-๙]/);
    }
  });

  it('is for administrators only', async () => {
    expect((await preview(announcement(2570), null, {}, director)).status).toBe(403);
  });
});

describe('the commit', () => {
  const text = announcement(2570);
  const pr = office_groups();
  function office_groups() {
    return { adm: () => office.groupIds['กลุ่มอำนวยการ']!, plan: () => office.groupIds['กลุ่มนโยบายและแผน']! };
  }

  it('refuses unresolved names, a stale token, and changed choices, and writes nothing', async () => {
    const before = await count('groups', 'org_id = ?', office.orgId);
    const bare = await preview(text, null);
    const unresolved = await call('POST', '/api/import/commit', { cookie: admin, body: { text, beYear: 2570, choices: {}, token: bare.json.token } });
    expect([unresolved.status, unresolved.json.error.code]).toEqual([422, 'unresolved_groups']);
    expect(unresolved.json.error.messageTh).toContain('กลุ่มประชาสัมพันธ์');
    expect(unresolved.json.error.messageTh).not.toContain('งานสารบรรณ'); // "every group" may stay unresolved

    const choices: Choices = { กลุ่มประชาสัมพันธ์: { create: true } };
    const chosen = await preview(text, null, choices);
    // The text edited after the preview.
    const edited = await call('POST', '/api/import/commit', {
      cookie: admin,
      body: { text: text.replace('จัดทำวารสาร', 'จัดทำวารสารรายเดือน'), beYear: 2570, choices, token: chosen.json.token },
    });
    expect([edited.status, edited.json.error.code]).toEqual([409, 'preview_outdated']);
    expect(edited.json.error.messageEn).toMatch(/preview again/);
    // Other choices than those previewed.
    const otherChoice = await call('POST', '/api/import/commit', {
      cookie: admin,
      body: { text, beYear: 2570, choices: { กลุ่มประชาสัมพันธ์: { groupId: pr.adm() } }, token: chosen.json.token },
    });
    expect([otherChoice.status, otherChoice.json.error.code]).toEqual([409, 'preview_outdated']);
    // Another year than previewed.
    const otherYear = await call('POST', '/api/import/commit', { cookie: admin, body: { text, beYear: 2571, choices, token: chosen.json.token, confirmYear: true } });
    expect([otherYear.status, otherYear.json.error.code]).toEqual([409, 'preview_outdated']);

    expect(await yearId(2570)).toBeNull();
    expect(await count('groups', 'org_id = ?', office.orgId)).toBe(before);
  });

  it('refuses a preview made before the office’s groups changed', async () => {
    const choices: Choices = { กลุ่มประชาสัมพันธ์: { create: true } };
    const p = await preview(announcement(2575), null, choices);
    // Meanwhile another administrator creates a group named like the unknown name "งานสารบรรณ".
    const created = await call('POST', '/api/admin/groups', { cookie: admin, body: { nameTh: 'งานสารบรรณ', nameEn: 'Records' } });
    expect(created.status, created.text).toBe(201);
    const r = await call('POST', '/api/import/commit', { cookie: admin, body: { text: announcement(2575), beYear: 2575, choices, token: p.json.token } });
    expect([r.status, r.json.error.code]).toEqual([409, 'preview_outdated']);
    expect(await yearId(2575)).toBeNull();
  });

  it('creates exactly what the preview showed: a new group, co-responsible groups, due dates and the schedule, in one batch', async () => {
    const choices: Choices = { กลุ่มประชาสัมพันธ์: { create: true } };
    const p = await preview(text, null, choices);
    expect(p.json.plan.newGroups).toEqual(['กลุ่มประชาสัมพันธ์']);
    const r = await call('POST', '/api/import/commit', { cookie: admin, body: { text, beYear: 2570, choices, token: p.json.token } });
    expect(r.status, r.text).toBe(201);
    expect(r.json.cards).toBe(6);
    const fy = (await yearId(2570))!;
    const newGroup = await env.DB.prepare('select id, name_th from groups where org_id = ? and name_th = ?').bind(office.orgId, 'กลุ่มประชาสัมพันธ์').first<{ id: string }>();
    expect(newGroup).not.toBeNull();
    expect(r.json.groupsCreated).toEqual([{ id: newGroup!.id, nameTh: 'กลุ่มประชาสัมพันธ์' }]);
    // "งานสารบรรณ" was created by another administrator in the test above: it resolves now.
    const records = await env.DB.prepare('select id from groups where org_id = ? and name_th = ?').bind(office.orgId, 'งานสารบรรณ').first<{ id: string }>();

    const { results: rows } = await env.DB.prepare(
      `select m.number, c.step_number, c.lead_group_id, c.group_ids, c.all_groups, c.due_on
         from cards c join measures m on m.id = c.measure_id where c.fiscal_year_id = ? order by m.number, c.step_number`,
    )
      .bind(fy)
      .all<{ number: number; step_number: number; lead_group_id: string | null; group_ids: string; all_groups: number; due_on: string | null }>();
    const planned = p.json.plan.measures as { number: number; steps: unknown[]; groupIds: string[]; allGroups: boolean; dueOn: string }[];
    expect(rows.map((c) => [c.number, c.step_number, c.lead_group_id, JSON.parse(c.group_ids), Boolean(c.all_groups), c.due_on])).toEqual(
      planned.flatMap((m) =>
        m.steps.map((_, i) => [
          m.number,
          i + 1,
          m.number === 1 ? pr.adm() : m.number === 2 ? newGroup!.id : records!.id,
          m.groupIds,
          m.allGroups,
          m.dueOn,
        ]),
      ),
    );
    expect(rows[0]!.group_ids).toBe(JSON.stringify([pr.plan()]));
    const { results: schedule } = await env.DB.prepare('select audience, cadence, effective_from from report_schedules where fiscal_year_id = ? order by audience')
      .bind(fy)
      .all();
    expect(schedule).toEqual([
      { audience: 'executive', cadence: 'quarterly', effective_from: '2026-10-01' },
      { audience: 'staff', cadence: 'half-yearly', effective_from: '2026-10-01' },
    ]);
    // The same text again: the year has its board now.
    const again = await preview(text, null, {});
    expect(again.json.yearHasBoard).toBe(true);
    expect(again.json.unresolved).toEqual([]); // the new group is known now
  });

  it('stores the default schedule when the announcement states none, and the preview says so', async () => {
    const silent = announcement(2572).replace(/ให้รายงานผล.*\n/, '');
    const choices: Choices = {}; // กลุ่มประชาสัมพันธ์ exists since the import above
    const p = await preview(silent, null, choices);
    expect(p.json.schedule).toEqual({ executive: null, staff: null, source: [] });
    expect(p.json.plan.schedule).toEqual({ executive: 'twice-monthly', staff: 'monthly' });
    expect(p.json.warnings.map((w: { code: string }) => w.code)).toContain('schedule-not-found');
    const r = await call('POST', '/api/import/commit', { cookie: admin, body: { text: silent, beYear: 2572, choices, token: p.json.token } });
    expect(r.status, r.text).toBe(201);
    const cadences = await env.DB.prepare('select cadence from report_schedules where fiscal_year_id = ? order by audience').bind(await yearId(2572)).all();
    expect(cadences.results.map((x) => x.cadence)).toEqual(['twice-monthly', 'monthly']);
  });

  it('needs an explicit confirmation for another year or another office', async () => {
    const choices: Choices = {};
    // The administrator typed 2573 for an announcement of 2574.
    const text2574 = announcement(2574);
    const p = await preview(text2574, 2573, choices);
    expect(p.json.plan.checks).toMatchObject({ announcedYear: 2574, yearDiffers: true, officeDiffers: false });
    const refused = await call('POST', '/api/import/commit', { cookie: admin, body: { text: text2574, beYear: 2573, choices, token: p.json.token } });
    expect([refused.status, refused.json.error.code]).toEqual([422, 'confirm_year']);
    expect(refused.json.error.messageTh).toContain('2574');
    expect(await yearId(2573)).toBeNull();
    const confirmed = await call('POST', '/api/import/commit', { cookie: admin, body: { text: text2574, beYear: 2573, choices, token: p.json.token, confirmYear: true } });
    expect(confirmed.status, confirmed.text).toBe(201);
    // Timelines without a year fall in the year the board is for: "ไตรมาสที่ 2" of 2573.
    const due = await env.DB.prepare('select distinct due_on from cards c join measures m on m.id = c.measure_id where c.fiscal_year_id = ? and m.number = 2')
      .bind(await yearId(2573))
      .first<{ due_on: string }>();
    expect(due!.due_on).toBe('2030-03-31');

    const foreign = announcement(2576, { office: 'สำนักงานศึกษาธิการจังหวัดนครสวรรค์' });
    const q = await preview(foreign, null, choices);
    expect(q.json.plan.checks).toMatchObject({ officeDiffers: true, announcedOffice: 'สำนักงานศึกษาธิการจังหวัดนครสวรรค์', officeName: OFFICE });
    const notConfirmed = await call('POST', '/api/import/commit', { cookie: admin, body: { text: foreign, beYear: 2576, choices, token: q.json.token } });
    expect([notConfirmed.status, notConfirmed.json.error.code]).toEqual([422, 'confirm_office']);
    expect(notConfirmed.json.error.messageEn).toContain('นครสวรรค์');
    expect(await yearId(2576)).toBeNull();
    const ok = await call('POST', '/api/import/commit', { cookie: admin, body: { text: foreign, beYear: 2576, choices, token: q.json.token, confirmOffice: true } });
    expect(ok.status, ok.text).toBe(201);
  });

  it('creates one board when two commits of the same year race', async () => {
    const choices: Choices = {};
    const text2577 = announcement(2577);
    const p = await preview(text2577, null, choices);
    expect(p.status, p.text).toBe(200);
    const body = { text: text2577, beYear: 2577, choices, token: p.json.token };
    const results = await Promise.all([1, 2, 3].map(() => call('POST', '/api/import/commit', { cookie: admin, body })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    for (const r of results.filter((x) => x.status === 409)) expect(r.json.error.code).toBe('fiscal_year_exists');
    const fy = await yearId(2577);
    expect(await count('cards', 'fiscal_year_id = ?', fy)).toBe(6);
    expect(await count('card_events', 'fiscal_year_id = ?', fy)).toBe(6);
  });
});

describe("changing a measure's lead group after import", () => {
  async function measureOf(beYear: number, number: number) {
    return env.DB.prepare('select m.id, m.fiscal_year_id from measures m join fiscal_years f on f.id = m.fiscal_year_id where f.org_id = ? and f.be_year = ? and m.number = ?')
      .bind(office.orgId, beYear, number)
      .first<{ id: string; fiscal_year_id: string }>();
  }

  it('moves every card of the measure to the new lead, one event each, in one batch, and the chain still verifies', async () => {
    const m = (await measureOf(2570, 1))!;
    const personnel = office.groupIds['กลุ่มบริหารงานบุคคล']!;
    const plan = office.groupIds['กลุ่มนโยบายและแผน']!;
    const eventsBefore = await count('card_events', 'fiscal_year_id = ?', m.fiscal_year_id);
    const r = await call('PATCH', `/api/measures/${m.id}`, { cookie: admin, body: { leadGroupId: personnel } });
    expect(r.status, r.text).toBe(200);
    expect(r.json).toMatchObject({ measure: { id: m.id, leadGroupId: personnel }, cards: 2 });
    const { results: cards } = await env.DB.prepare('select lead_group_id, group_ids, version from cards where measure_id = ? order by step_number').bind(m.id).all();
    expect(cards).toEqual([
      { lead_group_id: personnel, group_ids: JSON.stringify([plan]), version: 2 },
      { lead_group_id: personnel, group_ids: JSON.stringify([plan]), version: 2 },
    ]);
    expect(await count('measures', 'id = ? and lead_group_id = ?', m.id, personnel)).toBe(1);
    const { results: events } = await env.DB.prepare('select kind, before, after from card_events where fiscal_year_id = ? and seq > ? order by seq')
      .bind(m.fiscal_year_id, eventsBefore)
      .all<{ kind: string; before: string; after: string }>();
    expect(events.map((e) => [e.kind, JSON.parse(e.before), JSON.parse(e.after)])).toEqual([
      ['card.edited', { leadGroupId: office.groupIds['กลุ่มอำนวยการ'] }, { leadGroupId: personnel }],
      ['card.edited', { leadGroupId: office.groupIds['กลุ่มอำนวยการ'] }, { leadGroupId: personnel }],
    ]);
    // The new lead was taking part: it leads now, and is no longer listed twice.
    const toPlan = await call('PATCH', `/api/measures/${m.id}`, { cookie: admin, body: { leadGroupId: plan } });
    expect(toPlan.status).toBe(200);
    const after = await env.DB.prepare('select distinct lead_group_id, group_ids from cards where measure_id = ?').bind(m.id).all();
    expect(after.results).toEqual([{ lead_group_id: plan, group_ids: '[]' }]);
    // The same lead again changes nothing.
    const same = await call('PATCH', `/api/measures/${m.id}`, { cookie: admin, body: { leadGroupId: plan } });
    expect(same.json.cards).toBe(0);
    expect(await count('card_events', 'fiscal_year_id = ?', m.fiscal_year_id)).toBe(eventsBefore + 4);
    const verdict = await call('GET', '/api/admin/chain/2570', { cookie: admin });
    expect(verdict.status, verdict.text).toBe(200);
    expect(verdict.json.ok).toBe(true);
  });

  it('takes turns with card changes: parallel lead changes and edits all land, each with its event', async () => {
    const m = (await measureOf(2570, 2))!;
    const groups = [office.groupIds['กลุ่มอำนวยการ']!, office.groupIds['กลุ่มบริหารงานบุคคล']!, office.groupIds['กลุ่มนโยบายและแผน']!];
    const before = await count('card_events', 'fiscal_year_id = ?', m.fiscal_year_id);
    const results = await Promise.all(groups.map((g) => call('PATCH', `/api/measures/${m.id}`, { cookie: admin, body: { leadGroupId: g } })));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    const changed = results.reduce((n, r) => n + r.json.cards, 0);
    expect(await count('card_events', 'fiscal_year_id = ?', m.fiscal_year_id)).toBe(before + changed);
    const leads = await env.DB.prepare('select distinct c.lead_group_id l, m.lead_group_id ml from cards c join measures m on m.id = c.measure_id where m.id = ?').bind(m.id).all();
    expect(leads.results).toHaveLength(1); // the cards and the measure agree
    expect(leads.results[0]!.l).toBe(leads.results[0]!.ml);
    expect((await call('GET', '/api/admin/chain/2570', { cookie: admin })).json.ok).toBe(true);
  });

  it('is refused in an archived year, changing nothing, and allowed again once it is restored', async () => {
    const m = (await measureOf(2572, 1))!;
    const personnel = office.groupIds['กลุ่มบริหารงานบุคคล']!;
    const archived = await call('PUT', '/api/fiscal-years/2572/archived', { cookie: admin, body: { archived: true } });
    expect(archived.status, archived.text).toBe(200);
    const events = await count('card_events', 'fiscal_year_id = ?', m.fiscal_year_id);
    const refused = await call('PATCH', `/api/measures/${m.id}`, { cookie: admin, body: { leadGroupId: personnel } });
    expect([refused.status, refused.json.error.code]).toEqual([409, 'fiscal_year_archived']);
    expect(refused.json.error.messageTh).toMatch(/[ก-๙]/);
    expect(await count('cards', 'measure_id = ? and lead_group_id = ?', m.id, personnel)).toBe(0);
    expect(await count('card_events', 'fiscal_year_id = ?', m.fiscal_year_id)).toBe(events);
    expect((await call('PUT', '/api/fiscal-years/2572/archived', { cookie: admin, body: { archived: false } })).status).toBe(200);
    const allowed = await call('PATCH', `/api/measures/${m.id}`, { cookie: admin, body: { leadGroupId: personnel } });
    expect([allowed.status, allowed.json.cards]).toEqual([200, 2]);
  });

  it('is refused to directors, for another office, and for a group of another office, changing nothing', async () => {
    const m = (await measureOf(2570, 1))!;
    const lead = () => env.DB.prepare('select lead_group_id l from measures where id = ?').bind(m.id).first<{ l: string }>();
    const was = (await lead())!.l;
    const asDirector = await call('PATCH', `/api/measures/${m.id}`, { cookie: director, body: { leadGroupId: office.groupIds['กลุ่มอำนวยการ'] } });
    expect(asDirector.status).toBe(403);
    const otherAdmin = await cookieFor(other, 'admin');
    const fromOther = await call('PATCH', `/api/measures/${m.id}`, { cookie: otherAdmin, body: { leadGroupId: other.groupIds['กลุ่มอำนวยการ'] } });
    expect(fromOther.status).toBe(404);
    const foreignGroup = await call('PATCH', `/api/measures/${m.id}`, { cookie: admin, body: { leadGroupId: other.groupIds['กลุ่มอำนวยการ'] } });
    expect([foreignGroup.status, foreignGroup.json.error.code]).toEqual([422, 'invalid_group']);
    expect(foreignGroup.json.error.messageTh).toMatch(/[ก-๙]/);
    const malformed = await call('PATCH', `/api/measures/${m.id}`, { cookie: admin, body: { leadGroupId: '' } });
    expect(malformed.status).toBe(400);
    expect((await lead())!.l).toBe(was);
  });
});
