// A generated parent body (issue 19) for the roll-up's bench and tests: a parent with an oversight
// user and an administrator (the demo password), a published template of `measures` measures and
// `steps` steps for a fiscal year, and `offices` offices under it, each with the template adopted
// on its board (columns, measures, cards remembering their template step), an OIT catalogue, one
// evidence link per card, and `eventsPerCard` events per card: created, moved around the columns
// (each move's before and after consistent, so the log replays to the board), then the evidence.
// Rows are generated inside SQLite, a few statements per 50 offices, then the aggregates rebuilt.
import { sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../db/client';
import { rebuildAggregates } from '../db/aggregates';
import { memberships, organisations, templateMeasures, templateSteps, templates, users } from '../db/schema';
import { fiscalYearBounds } from '../domain/fiscal-year';
import { keysAfter } from '../domain/ordering';
import { hashPassword } from '../domain/password';
import { DEMO_PASSWORD } from './demo-password';

const int = (n: number) => sql`cast(${n} as integer)`;
const REGIONS = ['เหนือ', 'กลาง', 'อีสาน', 'ใต้'];
const SIZES = ['S', 'M', 'L'];

export interface ParentBodyOptions {
  offices: number;
  measures: number;
  steps: number;
  eventsPerCard: number;
  beYear: number;
  /** Office administrators to create (for the first offices), to change cards through the API. */
  officeAdmins?: number;
}

export async function seedParentBody(db: Db, opts: ParentBodyOptions) {
  const { offices, measures: measureCount, steps, beYear } = opts;
  const events = Math.max(3, opts.eventsPerCard);
  const moves = events - 2; // created, moves, evidence
  const p = crypto.randomUUID().slice(0, 8);
  const parentId = `${p}-parent`;
  const templateId = `${p}-t`;
  const { startsOn, endsOn } = fiscalYearBounds(beYear);
  const yearStart = Date.parse(`${startsOn}T00:00:00+07:00`);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const stepRows = Array.from({ length: steps }, (_, k) => ({
    id: `${p}-s${k}`,
    templateId,
    templateMeasureId: `${p}-tm${k % measureCount}`,
    stepNumber: Math.floor(k / measureCount) + 1,
    title: `ขั้นตอนที่ ${k + 1} ของแม่แบบ`,
    // Every two weeks from the year's start: the first steps are due by late in the first quarter.
    dueOn: new Date(Date.parse(`${startsOn}T00:00:00Z`) + (k + 1) * 14 * 86_400_000).toISOString().slice(0, 10),
  }));
  const keys = JSON.stringify(keysAfter(null, steps));
  const oversight = { id: `${p}-oversight`, email: `oversight@${p}.parent.local` };
  const admin = { id: `${p}-padmin`, email: `admin@${p}.parent.local` };
  const head: BatchItem<'sqlite'>[] = [
    db.insert(organisations).values({ id: parentId, slug: `parent-${p}`, nameTh: `หน่วยงานต้นสังกัดทดสอบ ${p}`, nameEn: `Test parent body ${p}`, kind: 'parent' }),
    db.insert(users).values([
      { id: oversight.id, email: oversight.email, displayName: 'ผู้กำกับติดตาม', passwordHash },
      { id: admin.id, email: admin.email, displayName: 'ผู้ดูแลต้นสังกัด', passwordHash },
    ]),
    db.insert(memberships).values([
      { orgId: parentId, userId: oversight.id, role: 'oversight', groupId: null },
      { orgId: parentId, userId: admin.id, role: 'admin', groupId: null },
    ]),
    db.insert(templates).values({ id: templateId, orgId: parentId, beYear, title: `แม่แบบมาตรการ ${beYear}`, version: 1, publishedAt: yearStart }),
    db.insert(templateMeasures).values(Array.from({ length: measureCount }, (_, i) => ({ id: `${p}-tm${i}`, templateId, number: i + 1, title: `มาตรการแม่แบบที่ ${i + 1}` }))),
    ...Array.from({ length: Math.ceil(steps / 12) }, (_, c) => db.insert(templateSteps).values(stepRows.slice(c * 12, c * 12 + 12))),
  ];
  await db.batch(head as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
  const PER = 50;
  const officeAdmins: { id: string; email: string; orgId: string }[] = [];
  for (let from = 0; from < offices; from += PER) {
    const to = Math.min(offices, from + PER) - 1;
    const n = sql`with recursive n(i) as (select ${int(from)} union all select i + 1 from n where i < ${int(to)})`;
    const org = sql`${p} || '-o' || n.i`;
    // The step's index k from its id, and the office's progress: steps done, in progress, in review.
    const k = sql`cast(substr(s.id, ${int(p.length + 3)}) as integer)`;
    const finalCol = sql`(case when ${k} < (n.i * 37) % ${int(steps + 1)} then 3 when ${k} < (n.i * 37) % ${int(steps + 1)} + 2 then 1 when ${k} < (n.i * 37) % ${int(steps + 1)} + 3 then 2 else 0 end)`;
    await db.run(sql`insert into organisations (id, slug, name_th, name_en, settings, publication_version, parent_id, kind, attributes)
        ${n} select ${org}, 'office-' || ${p} || '-' || n.i, 'สำนักงานทดสอบที่ ' || (n.i + 1), 'Test office ' || (n.i + 1), '{}', 0, ${parentId}, 'office',
          json_object('region', json_extract(${JSON.stringify(REGIONS)}, '$[' || (n.i % 4) || ']'), 'size', json_extract(${JSON.stringify(SIZES)}, '$[' || (n.i % 3) || ']')) from n`);
    await db.run(sql`insert into fiscal_years (id, org_id, be_year, starts_on, ends_on, title_th, archived_at, published, oit_deadline)
      ${n} select ${org} || '-fy', ${org}, ${int(beYear)}, ${startsOn}, ${endsOn}, 'ปีงบประมาณ ' || ${int(beYear)}, null, 0, null from n`);
    await db.run(sql`insert into board_columns (id, org_id, fiscal_year_id, key, label_th, label_en, category, position, wip_limit)
      ${n}, c(j, cat) as (values (0, 'todo'), (1, 'doing'), (2, 'review'), (3, 'done'))
      select ${org} || '-col' || c.j, ${org}, ${org} || '-fy', c.cat, c.cat, c.cat, c.cat, c.j, null from n cross join c`);
    await db.run(sql`insert into measures (id, org_id, fiscal_year_id, section, number, title, responsible_text, lead_group_id, all_groups, monitoring, template_measure_id)
      ${n} select ${org} || '-' || tm.id, ${org}, ${org} || '-fy', 'table', tm.number, tm.title, '', null, 0, '[]', tm.id
      from n cross join template_measures tm where tm.template_id = ${templateId}`);
    await db.run(sql`insert into oit_items (id, org_id, fiscal_year_id, code, title_th, title_en, sub_indicator, position)
      ${n}, c(j) as (values (1), (2), (3), (4), (5), (6), (7), (8), (9), (10))
      select ${org} || '-oit' || c.j, ${org}, ${org} || '-fy', 'O' || c.j, 'ข้อ O' || c.j, '', '', c.j from n cross join c`);
    await db.run(sql`insert into cards (id, org_id, fiscal_year_id, measure_id, step_number, title, details, lead_group_id, all_groups, group_ids, checklist, column_id, order_key, due_on, version, created_at, updated_at, template_step_id)
      ${n} select ${org} || '-' || s.id, ${org}, ${org} || '-fy', ${org} || '-' || s.template_measure_id, s.step_number, s.title, '', null, 0, '[]', '[]',
        ${org} || '-col' || ${finalCol}, json_extract(${keys}, '$[' || ${k} || ']'), s.due_on, ${int(events - 1)}, ${int(yearStart)}, ${int(yearStart)}, s.id
      from n cross join template_steps s where s.template_id = ${templateId}`);
    // The log: created in the column `moves` before the final one, `moves` moves of one column each, then the evidence.
    await db.run(sql`insert into card_events (id, org_id, fiscal_year_id, seq, card_id, actor_user_id, kind, before, after, at, prev_hash, hash)
      ${n}, e(j) as (select 0 union all select j + 1 from e where j < ${int(events - 1)})
      select c.id || '-e' || e.j, c.org_id, c.fiscal_year_id, ${k} * ${int(events)} + e.j + 1, c.id, null,
        case when e.j = 0 then 'card.created' when e.j <= ${int(moves)} then 'card.moved' else 'evidence.added' end,
        case when e.j = 0 or e.j > ${int(moves)} then null
          else json_object('columnId', c.org_id || '-col' || ((${finalCol} + 4 * ${int(moves)} - ${int(moves)} + e.j - 1) % 4), 'orderKey', c.order_key, 'version', e.j) end,
        case when e.j = 0 then json_object('measureId', c.measure_id, 'stepNumber', c.step_number, 'title', c.title, 'details', '', 'leadGroupId', null, 'groupIds', json('[]'), 'allGroups', json('false'),
            'checklist', json('[]'), 'columnId', c.org_id || '-col' || ((${finalCol} + 4 * ${int(moves)} - ${int(moves)}) % 4), 'orderKey', c.order_key, 'dueOn', c.due_on, 'version', 1,
            'templateStepId', c.template_step_id)
          when e.j <= ${int(moves)} then json_object('columnId', c.org_id || '-col' || ((${finalCol} + 4 * ${int(moves)} - ${int(moves)} + e.j) % 4), 'orderKey', c.order_key, 'version', e.j + 1)
          else json_object('evidenceId', c.id || '-ev', 'url', 'https://example.go.th/evidence/' || c.id, 'note', '', 'oitCode', case when ${k} % 12 + 1 <= 10 then 'O' || (${k} % 12 + 1) else null end) end,
        ${int(yearStart)} + e.j * 60000, printf('%064d', 0), printf('%064d', 0)
      from n join cards c on c.fiscal_year_id = ${org} || '-fy' join template_steps s on s.id = c.template_step_id cross join e`);
    // One evidence link per card; codes O11 and O12 are outside the catalogue of ten (never counted ready).
    await db.run(sql`insert into evidence_links (id, org_id, card_id, url, note, oit_code, added_by, created_at, link_published, note_published)
      ${n} select c.id || '-ev', c.org_id, c.id, 'https://example.go.th/evidence/' || c.id, '', case when ${k} % 12 + 1 <= 10 then 'O' || (${k} % 12 + 1) else null end, null, ${int(yearStart)}, 1, 0
      from n join cards c on c.fiscal_year_id = ${org} || '-fy' join template_steps s on s.id = c.template_step_id`);
    const rebuild: BatchItem<'sqlite'>[] = [];
    for (let i = from; i <= to; i++) rebuild.push(...rebuildAggregates(db, `${p}-o${i}-fy`));
    await db.batch(rebuild as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
  }
  const admins = Math.min(offices, opts.officeAdmins ?? 0);
  if (admins > 0) {
    const rows = Array.from({ length: admins }, (_, i) => ({ id: `${p}-o${i}-admin`, email: `admin@office-${p}-${i}.local`, orgId: `${p}-o${i}` }));
    await db.batch([
      db.insert(users).values(rows.map((r) => ({ id: r.id, email: r.email, displayName: `ผู้ดูแลสำนักงาน ${r.orgId}`, passwordHash }))),
      db.insert(memberships).values(rows.map((r) => ({ orgId: r.orgId, userId: r.id, role: 'admin' as const, groupId: null }))),
    ]);
    officeAdmins.push(...rows.map((r) => ({ id: r.id, email: r.email, orgId: r.orgId })));
  }
  return {
    parentId,
    templateId,
    oversight,
    admin,
    password: DEMO_PASSWORD,
    officeIds: Array.from({ length: offices }, (_, i) => `${p}-o${i}`),
    officeAdmins,
    cards: offices * steps,
    events: offices * steps * events,
  };
}
