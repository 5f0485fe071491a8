// The public page's data and open data, through the real API without sign-in: nothing private
// (checked field by field, and by searching every answer for planted secrets), formulas
// neutralised in the CSV, the opt-in, and caching at the edge.
import { beforeAll, describe, expect, it } from 'vitest';
import { env, exports } from 'cloudflare:workers';
import { call, cookieFor, db, getBoard, seedOffice, type Demo, parseCsv } from './helpers';
import { evidenceLinks } from '../../worker/db/schema';
import { invalidateBoards } from '../../worker/live/notify';
import type { Env } from '../../worker/env';
import { DEMO_ACCOUNTS } from '../../worker/seed/demo';
import { PUBLIC_CSV_FIELDS } from '../../worker/db/public';
import type { PublicView } from '../../worker/domain/views';
import type { BoardView } from '../../worker/domain/contracts';

const SLUG = 'pub-office';
const SECRET_COMMENT = 'SECRET-COMMENT-7731';
const SECRET_DETAIL = 'SECRET-DETAIL-4410';
const SECRET_PATH = 'SECRET-PATH-9902';

let demo: Demo;
let other: Demo;
let admin: string;
let board: BoardView;
const paths = ['', '.json', '.csv', '/schema'].map((s) => `/api/public/${SLUG}/2567${s}`);

/** Every key path of a JSON value, arrays collapsed to []: 'measures[].steps[].title'. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => keyPaths(v, `${prefix}[]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => {
      const path = prefix ? `${prefix}.${k}` : k;
      return [path, ...keyPaths(v, path)];
    });
  }
  return [];
}

const ALLOWED = new Set([
  'office', 'office.slug', 'office.nameTh', 'office.nameEn',
  'fiscalYear', 'fiscalYear.beYear', 'fiscalYear.titleTh', 'fiscalYear.startsOn', 'fiscalYear.endsOn',
  'generatedAt', 'summary', 'summary.steps', 'summary.done', 'summary.percent',
  'columns', 'measures', 'measures[].steps', 'measures[].steps[].evidence',
  'columns[].key', 'columns[].category', 'columns[].labelTh', 'columns[].labelEn',
  'measures[].number', 'measures[].title', 'measures[].responsibleTh', 'measures[].responsibleEn', 'measures[].allGroups',
  'measures[].total', 'measures[].done', 'measures[].percent',
  'measures[].steps[].number', 'measures[].steps[].title', 'measures[].steps[].dueOn',
  'measures[].steps[].status', 'measures[].steps[].status.key', 'measures[].steps[].status.category',
  'measures[].steps[].status.labelTh', 'measures[].steps[].status.labelEn',
  'measures[].steps[].evidence[].url', 'measures[].steps[].evidence[].note', 'measures[].steps[].evidence[].oitCode',
]);

/** Everything that must never reach the public: planted secrets, people, and internal ids. */
async function privateStrings(): Promise<string[]> {
  const users = (await env.DB.prepare('select id, email, display_name from users').all<{ id: string; email: string; display_name: string }>()).results;
  const ids = (await env.DB.prepare('select id from cards union all select id from card_events union all select id from evidence_links union all select id from groups union all select id from organisations').all<{ id: string }>()).results;
  return [SECRET_COMMENT, SECRET_DETAIL, SECRET_PATH, ...users.flatMap((u) => [u.id, u.email, u.display_name]), ...ids.map((r) => r.id), '@demo.local', 'actor'];
}

const setPublic = (published: boolean, cookie = admin, beYear = 2567) => call('PATCH', '/api/public/settings', { cookie, body: { beYear, published } });

beforeAll(async () => {
  demo = await seedOffice(SLUG);
  other = await seedOffice('pub-other', 'pub-other.local');
  admin = await cookieFor(demo, 'admin');
  board = await getBoard(admin);
  const [first, second, third] = board.cards;
  // A comment and a card detail carrying secrets; titles that a spreadsheet would run as
  // formulas; evidence that is not a web link.
  expect((await call('POST', `/api/cards/${first!.id}/comments`, { cookie: admin, body: { body: `ภายใน ${SECRET_COMMENT}` } })).status).toBe(201);
  const edited = await call('PATCH', `/api/cards/${first!.id}`, { cookie: admin, body: { version: first!.version, details: `บันทึกภายใน ${SECRET_DETAIL}`, title: '=HYPERLINK("https://evil.example","คลิก")' } });
  expect(edited.status, edited.text).toBe(200);
  for (const [i, title] of ['+SUM(1,2)', '-2+3', '@cmd'].entries()) {
    const card = board.cards[3 + i]!;
    expect((await call('PATCH', `/api/cards/${card.id}`, { cookie: admin, body: { version: card.version, title } })).status).toBe(200);
  }
  for (const i of [0, 1, 2, 3]) {
    const r = await call('POST', `/api/cards/${second!.id}/evidence`, { cookie: admin, body: { url: `https://phichit.example.go.th/e${i}`, note: `หลักฐาน ${i}`, oitCode: 'O7' } });
    expect(r.status, r.text).toBe(201);
  }
  await db().insert(evidenceLinks).values({ id: crypto.randomUUID(), orgId: demo.orgId, cardId: third!.id, url: `file:///srv/${SECRET_PATH}`, note: '' });
  // Written around the board's room: it is told, as every writer outside it does, so it counts the
  // link (a step moves into done only with evidence, domain/done-rule.ts).
  await invalidateBoards(env as unknown as Env, demo.orgId, [board.fiscalYear.id]);
  const moved = await call('POST', `/api/cards/${third!.id}/move`, { cookie: admin, body: { toColumnId: board.columns[3]!.id, afterCardId: null, beforeCardId: null, version: third!.version } });
  expect(moved.status).toBe(200);
});

describe('before the office opts in', () => {
  it('answers 404 everywhere, uncached', async () => {
    for (const path of [...paths, `/api/public/${SLUG}`]) {
      const r = await call('GET', path);
      expect(r.status, path).toBe(404);
      expect(r.json.error.code).toBe('not_found');
      expect(r.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('lets only administrators opt in', async () => {
    for (const who of ['staff', 'executive', 'directorAdmin'] as const) {
      expect((await setPublic(true, await cookieFor(demo, who))).status).toBe(403);
    }
    expect((await call('PATCH', '/api/public/settings', { body: { beYear: 2567, published: true } })).status).toBe(401);
    expect((await call('PATCH', '/api/public/settings', { cookie: admin, body: { beYear: 2567, published: 'yes' } })).status).toBe(400);
    // The old office-wide switch is gone: a year must be named.
    expect((await call('PATCH', '/api/public/settings', { cookie: admin, body: { publicPage: true } })).status).toBe(400);
    const audited = async () => (await env.DB.prepare("select count(*) n from audit_log where action = 'settings.changed'").first<{ n: number }>())!.n;
    const before = await audited();
    const missing = await setPublic(true, admin, 2599);
    expect(missing.status).toBe(404);
    expect(missing.json.error.messageTh).toBeTruthy();
    expect(await audited()).toBe(before);
    expect((await call('GET', `/api/public/${SLUG}/2567`)).status).toBe(404);
  });
});

describe('once published', () => {
  let view: PublicView;
  let csv: string;

  beforeAll(async () => {
    const r = await setPublic(true);
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ beYear: 2567, published: true });
  });

  it('serves measures, step states and web evidence links without sign-in, cached at the edge, revalidated by browsers', async () => {
    const r = await call('GET', `/api/public/${SLUG}/2567`);
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('public, no-cache');
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    view = r.json;
    expect(view.office).toEqual({ slug: SLUG, nameTh: 'สำนักงานศึกษาธิการจังหวัดพิจิตร', nameEn: 'Phichit Provincial Education Office' });
    expect(view.measures).toHaveLength(7);
    expect(view.measures.flatMap((m) => m.steps)).toHaveLength(21);
    expect(view.summary).toEqual({ steps: 21, done: 1, percent: 4.8 });
    const steps = view.measures.flatMap((m) => m.steps);
    expect(steps.filter((s) => s.status.category === 'done').map((s) => s.status.labelTh)).toEqual(['เสร็จสิ้น']);
    const evidence = steps.flatMap((s) => s.evidence);
    expect(evidence.map((e) => e.url)).toEqual([0, 1, 2, 3].map((i) => `https://phichit.example.go.th/e${i}`));
    // Notes are internal unless someone publishes them (off by default).
    expect(evidence[0]).toEqual({ url: 'https://phichit.example.go.th/e0', note: '', oitCode: 'O7' });
    expect(JSON.stringify(r.json)).not.toContain('หลักฐาน 0');
    const years = await call('GET', `/api/public/${SLUG}`);
    expect(years.json).toEqual({ office: view.office, years: [2567] });
  });

  it('has no field beyond the published ones, and no private text anywhere', async () => {
    const unexpected = keyPaths(view).filter((p) => !ALLOWED.has(p));
    expect(unexpected).toEqual([]);
    const text = JSON.stringify(view);
    for (const secret of await privateStrings()) expect(text, secret).not.toContain(secret);
    for (const a of DEMO_ACCOUNTS) expect(text).not.toContain(a.displayName);
  });

  it('serves the same data as JSON and CSV downloads, the CSV neutralised against formulas', async () => {
    const json = await call('GET', `/api/public/${SLUG}/2567.json`);
    expect(json.status).toBe(200);
    expect(json.headers.get('content-disposition')).toBe(`attachment; filename="ita-${SLUG}-2567.json"`);
    expect({ ...json.json, generatedAt: '' }).toEqual({ ...view, generatedAt: '' });

    const r = await call('GET', `/api/public/${SLUG}/2567.csv`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(r.headers.get('cache-control')).toBe('public, no-cache');
    csv = r.text;
    // Response.text() drops the BOM; the raw bytes keep it.
    const bytes = new Uint8Array(await (await exports.default.fetch(new Request(`https://ita.test/api/public/${SLUG}/2567.csv`))).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(PUBLIC_CSV_FIELDS.map((f) => f.name).join(','));
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(1 + 21 + 1);
    expect(csv).toContain(`"'=HYPERLINK(""https://evil.example"",""คลิก"")"`);
    const cells = parseCsv(csv).flat();
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    expect(cells).toEqual(expect.arrayContaining(["'+SUM(1,2)", "'-2+3", "'@cmd", `'=HYPERLINK("https://evil.example","คลิก")`]));
    const withDone = lines.find((l) => l.includes(',done,'))!;
    expect(withDone).toContain(',เสร็จสิ้น,Done,');
    expect(csv).toContain('https://phichit.example.go.th/e0 https://phichit.example.go.th/e1 https://phichit.example.go.th/e2 https://phichit.example.go.th/e3,O7');
    for (const secret of await privateStrings()) expect(csv, secret).not.toContain(secret);
  });

  it('documents the CSV columns', async () => {
    const r = await call('GET', `/api/public/${SLUG}/2567/schema`);
    expect(r.status).toBe(200);
    expect(r.json.schema.fields.map((f: { name: string }) => f.name)).toEqual(csv.split('\r\n')[0]!.split(','));
    expect(r.json.schema.fields.every((f: { description: string; type: string }) => f.description.length > 10 && f.type)).toBe(true);
    expect(r.json.path).toBe(`/api/public/${SLUG}/2567.csv`);
  });

  it('serves from the edge cache: a change shows only after it expires or the office opts out', async () => {
    await env.DB.prepare("update measures set title = 'เปลี่ยนแล้ว' where org_id = ? and number = 1").bind(demo.orgId).run();
    const cached = await call('GET', `/api/public/${SLUG}/2567?bypass=1`);
    expect(cached.json.measures[0].title).toBe(view.measures[0]!.title);
    // Withdrawing the year takes effect at once.
    expect((await setPublic(false)).json.published).toBe(false);
    for (const path of paths) expect((await call('GET', path)).status, path).toBe(404);
    await setPublic(true);
    expect((await call('GET', `/api/public/${SLUG}/2567`)).json.measures[0].title).toBe('เปลี่ยนแล้ว');
  });

  it('a change on the board (a step renamed through the API) shows at once, as JSON and CSV, whatever was cached', async () => {
    const admin = await cookieFor(demo, 'admin');
    const first = await call('GET', `/api/public/${SLUG}/2567`);
    const step = first.json.measures[1].steps[0];
    const board = await getBoard(admin);
    const card = board.cards.find((c) => c.title === step.title)!;
    const renamed = await call('PATCH', `/api/cards/${card.id}`, { cookie: admin, body: { version: card.version, title: `${card.title} (แก้ไข)` } });
    expect(renamed.status).toBe(200);
    const after = await call('GET', `/api/public/${SLUG}/2567`);
    expect(after.json.measures[1].steps[0].title).toBe(`${step.title} (แก้ไข)`);
    // The other spelling of the same answer follows too (one key per validated office and year).
    const csv = await call('GET', `/api/public/${SLUG}/2567.csv`);
    expect(csv.text).toContain('(แก้ไข)');
  });

  it("does not publish another office that has not opted in, nor a year that does not exist", async () => {
    expect((await call('GET', '/api/public/pub-other/2567')).status).toBe(404);
    expect((await call('GET', '/api/public/pub-other/2567.csv')).status).toBe(404);
    expect((await call('GET', `/api/public/${SLUG}/2599`)).status).toBe(404);
    expect((await call('GET', `/api/public/${SLUG}/2567.xml`)).status).toBe(400);
    expect((await call('GET', '/api/public/NOT_A_SLUG/2567')).status).toBe(400);
    expect(other.orgId).not.toBe(demo.orgId);
  });
});

describe('publishing per fiscal year', () => {
  const addYear = async (beYear: number) => {
    const id = crypto.randomUUID();
    await env.DB.prepare('insert into fiscal_years (id, org_id, be_year, starts_on, ends_on) values (?, ?, ?, ?, ?)')
      .bind(id, demo.orgId, beYear, `${beYear - 544}-10-01`, `${beYear - 543}-09-30`)
      .run();
    return id;
  };

  it('publishing 2567 publishes neither 2568 nor a mistaken 2572; each year is chosen on its own', async () => {
    await addYear(2568);
    await addYear(2572);
    expect((await setPublic(true)).status).toBe(200);
    for (const year of [2568, 2572]) {
      for (const suffix of ['', '.json', '.csv', '/schema']) {
        const r = await call('GET', `/api/public/${SLUG}/${year}${suffix}`);
        expect(r.status, `${year}${suffix}`).toBe(404);
      }
    }
    expect((await call('GET', `/api/public/${SLUG}`)).json.years).toEqual([2567]);
    // New years start unpublished in the data too.
    const rows = (await env.DB.prepare('select be_year, published from fiscal_years where org_id = ? order by be_year').bind(demo.orgId).all<{ be_year: number; published: number }>()).results;
    expect(rows).toEqual([{ be_year: 2567, published: 1 }, { be_year: 2568, published: 0 }, { be_year: 2572, published: 0 }]);
    expect((await setPublic(true, admin, 2568)).status).toBe(200);
    expect((await call('GET', `/api/public/${SLUG}`)).json.years).toEqual([2567, 2568]);
    expect((await call('GET', `/api/public/${SLUG}/2568`)).status).toBe(200);
    expect((await setPublic(false, admin, 2568)).status).toBe(200);
    expect((await call('GET', `/api/public/${SLUG}/2568`)).status).toBe(404);
    expect((await call('GET', `/api/public/${SLUG}/2567`)).status).toBe(200);
  });

  it('a link and its note are published separately: links on by default, notes only when chosen, withdrawn at once', async () => {
    const evidence = (await env.DB.prepare("select id, note, link_published, note_published from evidence_links where org_id = ? and url like 'https://phichit.example.go.th/e%' order by url").bind(demo.orgId).all<{ id: string; note: string; link_published: number; note_published: number }>()).results;
    expect(evidence.map((e) => [e.link_published, e.note_published])).toEqual([[1, 0], [1, 0], [1, 0], [1, 0]]);
    const notes = async () => (await call('GET', `/api/public/${SLUG}/2567`)).json.measures.flatMap((m: PublicView['measures'][number]) => m.steps.flatMap((s) => s.evidence));
    expect((await notes()).map((e: { note: string }) => e.note)).toEqual(['', '', '', '']);
    // Cached now; publishing a note shows at once.
    const pub = await call('PATCH', `/api/evidence/${evidence[0]!.id}`, { cookie: admin, body: { notePublished: true } });
    expect(pub.status, pub.text).toBe(200);
    expect(pub.json.evidence).toMatchObject({ linkPublished: true, notePublished: true, canPublish: true });
    expect((await notes()).map((e: { note: string }) => e.note)).toEqual(['หลักฐาน 0', '', '', '']);
    const hide = await call('PATCH', `/api/evidence/${evidence[1]!.id}`, { cookie: admin, body: { linkPublished: false } });
    expect(hide.status).toBe(200);
    expect((await notes()).map((e: { url: string }) => e.url)).toEqual([0, 2, 3].map((i) => `https://phichit.example.go.th/e${i}`));
    const csv = await call('GET', `/api/public/${SLUG}/2567.csv`);
    expect(csv.text).not.toContain('https://phichit.example.go.th/e1');
    // Only the card's editors choose; nobody else, and nothing changes when refused.
    const staff = await call('PATCH', `/api/evidence/${evidence[2]!.id}`, { cookie: await cookieFor(demo, 'staff'), body: { notePublished: true } });
    expect(staff.status).toBe(403);
    expect((await call('PATCH', `/api/evidence/${evidence[2]!.id}`, { body: { notePublished: true } })).status).toBe(401);
    expect((await call('PATCH', `/api/evidence/${evidence[2]!.id}`, { cookie: admin, body: {} })).status).toBe(400);
    expect((await call('PATCH', `/api/evidence/${evidence[2]!.id}`, { cookie: admin, body: { notePublished: 'yes' } })).status).toBe(400);
    const event = await env.DB.prepare("select before, after from card_events where kind = 'evidence.publication' order by seq desc limit 1").first<{ before: string; after: string }>();
    expect(JSON.parse(event!.after)).toEqual({ evidenceId: evidence[1]!.id, linkPublished: false });
    expect((await notes()).map((e: { note: string }) => e.note)).toEqual(['หลักฐาน 0', '', '']);
  });

  it('percent-encoded spellings of the public paths share one cache entry and stop answering when the year is withdrawn', async () => {
    expect((await setPublic(true)).status).toBe(200);
    const spelled = SLUG.replace('-', '%2D');
    const spellings = [
      `/api/public/${SLUG}/2567`,
      `/api/public/${spelled}/2567`,
      `/api/public/${spelled}/2567.csv`,
      `/api/public/${SLUG}/%32567`,
      `/api/public/${spelled}/2567/schema`,
      `/api/public/${spelled}`,
    ];
    for (const path of spellings) {
      const r = await call('GET', path);
      expect(r.status, path).toBe(200);
      expect(r.headers.get('cache-control'), path).toBe('public, no-cache');
    }
    expect((await setPublic(false)).status).toBe(200);
    for (const path of spellings) {
      const r = await call('GET', path);
      expect(r.status, path).toBe(404);
      expect(r.headers.get('cache-control'), path).toBe('no-store');
    }
    await setPublic(true);
  });

  it('a new link shows at once, and a published year that is deleted stops answering at once', async () => {
    expect((await setPublic(true)).status).toBe(200);
    const urls = async () => JSON.stringify((await call('GET', `/api/public/${SLUG}/2567`)).json);
    expect(await urls()).not.toContain('https://phichit.example.go.th/new-link');
    const card = board.cards[4]!;
    expect((await call('POST', `/api/cards/${card.id}/evidence`, { cookie: admin, body: { url: 'https://phichit.example.go.th/new-link', note: '', oitCode: null } })).status).toBe(201);
    expect(await urls()).toContain('https://phichit.example.go.th/new-link');

    await addYear(2569);
    expect((await setPublic(true, admin, 2569)).status).toBe(200);
    expect((await call('GET', `/api/public/${SLUG}/2569`)).status).toBe(200);
    const deleted = await call('DELETE', '/api/fiscal-years/2569', { cookie: admin });
    expect(deleted.status, deleted.text).toBe(200);
    expect((await call('GET', `/api/public/${SLUG}/2569`)).status).toBe(404);
    expect((await call('GET', `/api/public/${SLUG}`)).json.years).not.toContain(2569);
  });

  it('the upgrade keeps every year public that was public before (the office-wide switch), and nothing else', async () => {
    const migration = (env.TEST_MIGRATIONS as { name: string; queries: string[] }[]).find((m) => m.name.endsWith('_authz.sql'))!;
    const upgrade = migration.queries.find((q) => q.trim().toUpperCase().startsWith('UPDATE'))!;
    expect(upgrade).toBeTruthy();
    // Before the upgrade: the office-wide switch on for this office, off for the other.
    await env.DB.batch([
      env.DB.prepare('update fiscal_years set published = 0'),
      env.DB.prepare(`update organisations set settings = json_set(settings, '$.publicPage', json('true')) where id = ?`).bind(demo.orgId),
      env.DB.prepare(`update organisations set settings = json_set(settings, '$.publicPage', json('false')) where id = ?`).bind(other.orgId),
    ]);
    await env.DB.prepare(upgrade).run();
    const rows = (await env.DB.prepare('select org_id, be_year, published from fiscal_years order by org_id = ? desc, be_year').bind(demo.orgId).all<{ org_id: string; be_year: number; published: number }>()).results;
    expect(rows.filter((r) => r.org_id === demo.orgId).every((r) => r.published === 1)).toBe(true);
    expect(rows.filter((r) => r.org_id === other.orgId).map((r) => r.published)).toEqual([0]);
  });
});

describe('CSV cells', () => {
  it('neutralises every formula start, quotes what needs it, and leaves plain text alone', async () => {
    const { csvCell, toCsv } = await import('../../worker/domain/csv');
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1'].map(csvCell)).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\t=1", "\"'\r=1\""]);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('มาตรการที่ 1')).toBe('มาตรการที่ 1');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(null)).toBe('');
    expect(csvCell(true)).toBe('true');
    expect(toCsv(['a', 'b'], [['=x', 'ไทย']])).toBe("\uFEFFa,b\r\n'=x,ไทย\r\n");
  });
});
