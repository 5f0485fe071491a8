// Backup and restore through the real API and the real D1 of this file: seed two offices, work on
// one, export it, wipe every table, restore into the empty database, and find the same office.
import { beforeAll, describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import app from '../../worker/app';
import { BASE, call, cookieFor, db, getBoard, seedOffice, type Demo } from './helpers';
import { BACKUP_TABLES, NOT_BACKED_UP, type BackupFile } from '../../worker/domain/backup-format';
import { DEMO_PASSWORD } from '../../worker/seed/demo';
import { reportRecipients, reports } from '../../worker/db/schema';
import type { BoardView } from '../../worker/domain/contracts';
import type { RollupView } from '../../worker/domain/contracts-rollup';
import { createSession } from '../../worker/db/auth';
import { SESSION_COOKIE } from '../../worker/middleware/session';
import { seedParentBody } from '../../worker/seed/parent';

const TOKEN = 'restore-token-for-tests-0123456789';

/** The app with a restore token configured (tests cannot change wrangler.toml's bindings). */
async function restore(body: unknown, opts: { token?: string | null; configured?: boolean; raw?: string } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const token = opts.token === undefined ? TOKEN : opts.token;
  if (token !== null) headers.authorization = `Bearer ${token}`;
  const req = new Request(`${BASE}/api/admin/backup/restore`, { method: 'POST', headers, body: opts.raw ?? JSON.stringify(body) });
  const ctx = createExecutionContext();
  const res = await app.fetch(req, { ...env, ...(opts.configured === false ? {} : { RESTORE_TOKEN: TOKEN }) }, ctx);
  await waitOnExecutionContext(ctx);
  return { status: res.status, json: (await res.json()) as any };
}

/** Every table of the schema (not SQLite's or D1's own). */
async function userTables(): Promise<string[]> {
  const { results } = await env.DB.prepare(
    "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '_cf_%' and name <> 'd1_migrations' order by name",
  ).all<{ name: string }>();
  return results.map((r) => r.name);
}

/** Deletes every row of every table, children first (what a new, empty deployment holds). */
async function wipeEverything() {
  const tables = await userTables();
  const order = [...Object.keys(NOT_BACKED_UP), ...[...BACKUP_TABLES].reverse()];
  await env.DB.batch(order.filter((t) => tables.includes(t)).map((t) => env.DB.prepare(`delete from "${t}"`)));
}

async function rowCount(table: string): Promise<number> {
  return ((await env.DB.prepare(`select count(*) n from "${table}"`).first<{ n: number }>())?.n ?? 0);
}

async function signIn(email: string, password = DEMO_PASSWORD) {
  const r = await call('POST', '/api/auth/sign-in', { body: { email, password } });
  const cookie = r.headers.get('set-cookie')?.split(';')[0];
  return { status: r.status, cookie: cookie ?? '' };
}

let demo: Demo;
let other: Demo;
let admin: string;
let boardBefore: BoardView;
let file: BackupFile;
let reportsBefore: unknown[];
let recipientsBefore: unknown[];
let detailsBefore: unknown;
let cardWithDetails: string;

beforeAll(async () => {
  demo = await seedOffice();
  other = await seedOffice('other-office', 'other.local');
  admin = await cookieFor(demo, 'admin');
  const director = await cookieFor(demo, 'directorPersonnel');

  // Some work: moves and edits by the administrator and a director, evidence and a comment.
  const board = await getBoard(admin);
  const [, doing, review] = board.columns;
  const personnel = board.cards.filter((c) => c.leadGroupId === demo.groupIds['กลุ่มบริหารงานบุคคล']);
  for (const [i, card] of board.cards.slice(0, 6).entries()) {
    const r = await call('POST', `/api/cards/${card.id}/move`, {
      cookie: admin,
      body: { toColumnId: (i % 2 ? doing : review)!.id, afterCardId: null, beforeCardId: null, version: card.version },
    });
    expect(r.status).toBe(200);
  }
  const edited = personnel.at(-1)!;
  const edit = await call('PATCH', `/api/cards/${edited.id}`, {
    cookie: director,
    body: { version: edited.version, title: 'ทดสอบ "สำรองข้อมูล" <b>', details: 'รายละเอียด\nบรรทัดสอง', dueOn: '2024-08-31' },
  });
  expect(edit.status).toBe(200);
  cardWithDetails = edited.id;
  const ev = await call('POST', `/api/cards/${edited.id}/evidence`, { cookie: director, body: { url: 'https://example.go.th/oit/o12', note: 'หลักฐาน', oitCode: 'O12' } });
  expect(ev.status).toBe(201);
  const cm = await call('POST', `/api/cards/${edited.id}/comments`, { cookie: admin, body: { body: 'ความเห็น =1+1' } });
  expect(cm.status).toBe(201);

  // A compiled report and its recipients, written as the report job writes them: the report
  // anchors the event chain at the head it saw (seq 10 here), which the restore must keep true.
  const anchor = await env.DB.prepare('select hash from card_events where fiscal_year_id = ? and seq = 10').bind(demo.fiscalYearId).first<{ hash: string }>();
  await db().insert(reports).values({
    id: crypto.randomUUID(),
    orgId: demo.orgId,
    fiscalYearId: demo.fiscalYearId,
    kind: 'executive',
    periodKey: '2024-06-H1',
    periodStart: Date.UTC(2024, 5, 1),
    periodEnd: Date.UTC(2024, 5, 16),
    content: { done: 3, total: 21, cards: [{ title: 'ก', column: 'เสร็จสิ้น' }] },
    chainSeq: 10,
    chainHash: anchor!.hash,
  });
  await db().insert(reportRecipients).values({ id: crypto.randomUUID(), orgId: demo.orgId, kind: 'executive', email: 'boss@demo.local', name: 'ศึกษาธิการจังหวัด' });

  boardBefore = await getBoard(admin);
  detailsBefore = (await call('GET', `/api/cards/${cardWithDetails}`, { cookie: admin })).json;
  reportsBefore = await db().select().from(reports).orderBy(reports.id);
  recipientsBefore = await db().select().from(reportRecipients).orderBy(reportRecipients.id);
});

describe('export', () => {
  it('is for administrators only', async () => {
    expect((await call('GET', '/api/admin/backup')).status).toBe(401);
    for (const who of ['executive', 'directorAdmin', 'staff'] as const) {
      const r = await call('GET', '/api/admin/backup', { cookie: await cookieFor(demo, who) });
      expect(r.status).toBe(403);
      expect(r.json.error.code).toBe('forbidden');
    }
  });

  it('writes the whole office, and only it, as a versioned file with password hashes and no sessions', async () => {
    const r = await call('GET', '/api/admin/backup', { cookie: admin });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toMatch(/^attachment; filename="ita-board-phichit-peo-\d{4}-\d{2}-\d{2}\.json"$/);
    file = r.json as BackupFile;
    expect(file.format).toBe('ita-board-backup');
    expect(file.version).toBe(1);
    expect(Object.keys(file.tables)).toEqual([...BACKUP_TABLES]);
    expect(file.organisationId).toBe(demo.orgId);
    for (const table of BACKUP_TABLES) {
      expect(file.counts[table]).toBe(file.tables[table].length);
      for (const row of file.tables[table]) if ('orgId' in row) expect(row.orgId).toBe(demo.orgId);
    }
    expect(file.tables.users.map((u) => u.email).sort()).toEqual(Object.keys(demo.userIds).sort());
    expect(file.tables.users.every((u) => typeof u.passwordHash === 'string' && u.passwordHash.startsWith('pbkdf2-sha256$'))).toBe(true);
    expect(JSON.stringify(file)).not.toContain(other.orgId);
    expect(file.tables.cards).toHaveLength(21);
    expect(file.tables.card_events).toHaveLength(21 + 6 + 1 + 2);
    expect(file.tables.evidence_links).toHaveLength(1);
    expect(file.tables.comments).toHaveLength(1);
    expect(file.tables.reports).toHaveLength(1);
    expect(file.tables.oit_items.length).toBeGreaterThan(40);
    expect(file).not.toHaveProperty('tables.sessions');
  });

  it('covers every table of the schema, or says why not', async () => {
    const covered = new Set<string>([...BACKUP_TABLES, ...Object.keys(NOT_BACKED_UP)]);
    expect((await userTables()).filter((t) => !covered.has(t))).toEqual([]);
  });
});

describe('restore', () => {
  it('is refused without the token, with a wrong one, and when no token is configured', async () => {
    expect((await restore(file, { token: null })).status).toBe(401);
    const wrong = await restore(file, { token: 'x'.repeat(TOKEN.length) });
    expect(wrong.status).toBe(401);
    expect(wrong.json.error.code).toBe('invalid_restore_token');
    expect((await restore(file, { configured: false })).status).toBe(404);
    // The ordinary app (no token in its bindings) has no restore at all.
    expect((await call('POST', '/api/admin/backup/restore', { body: file, headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
  });

  it('is refused into a database that already has an office', async () => {
    const r = await restore(file);
    expect(r.status).toBe(409);
    expect(r.json.error.code).toBe('database_not_empty');
    expect(r.json.error.messageTh).toBeTruthy();
  });

  it('into an empty database, refuses an altered file and writes nothing', async () => {
    // Wipe every table, children first.
    const tables = await userTables();
    const order = [...Object.keys(NOT_BACKED_UP), ...[...BACKUP_TABLES].reverse()];
    expect([...tables].sort()).toEqual([...order].sort());
    await env.DB.batch(order.map((t) => env.DB.prepare(`delete from "${t}"`)));
    for (const t of tables) expect(await rowCount(t)).toBe(0);
    expect((await restore(file, { token: 'guess' })).status).toBe(401);

    const tampered = structuredClone(file);
    const moved = tampered.tables.card_events.find((e) => e.kind === 'card.moved')!;
    (moved.after as Record<string, unknown>).columnId = 'somewhere-else';
    const r1 = await restore(tampered);
    expect(r1.status).toBe(422);
    expect(r1.json.error.details.join(' ')).toMatch(/chain broken/);

    const badRow = structuredClone(file);
    badRow.tables.cards[0]!.version = 'one';
    badRow.tables.cards[1]!.isAdmin = true;
    const r2 = await restore(badRow);
    expect(r2.status).toBe(422);
    expect(r2.json.error.details).toEqual(expect.arrayContaining(['cards[0].version: not a number', 'cards[1]: unknown columns isAdmin']));

    const scriptLink = structuredClone(file);
    scriptLink.tables.evidence_links[0]!.url = 'javascript:alert(document.cookie)';
    const rLink = await restore(scriptLink);
    expect(rLink.status).toBe(422);
    expect(rLink.json.error.details).toContain('evidence_links[0].url: not an http(s) address');

    // One card title changed in the file, its events untouched: the chain still verifies, but
    // the board is no longer what its log says.
    const retitled = structuredClone(file);
    const victim = retitled.tables.cards.find((c) => c.id === cardWithDetails)!;
    victim.title = 'ชื่อที่ถูกแก้ในไฟล์';
    const rTitle = await restore(retitled);
    expect(rTitle.status).toBe(422);
    expect(rTitle.json.error.code).toBe('invalid_backup');
    expect(rTitle.json.error.details.join(' ')).toContain('differs from its event log');
    expect(rTitle.json.error.details.join(' ')).toContain(`${cardWithDetails}.title`);

    // An evidence link added to the file without its event.
    const smuggled = structuredClone(file);
    smuggled.tables.evidence_links.push({ ...smuggled.tables.evidence_links[0]!, id: crypto.randomUUID(), url: 'https://evil.example/' });
    smuggled.counts.evidence_links += 1;
    const rSmuggled = await restore(smuggled);
    expect(rSmuggled.status).toBe(422);
    expect(rSmuggled.json.error.details.join(' ')).toContain('on the board, not in the log');

    // An administrator's hash weakened to 1 PBKDF2 iteration (or not a hash at all).
    for (const [hash, why] of [
      ['pbkdf2-sha256$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'fewer than 100000'],
      ['pbkdf2-sha256$99999$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'fewer than 100000'],
      ['pbkdf2-sha256$100001$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'more than'],
      ['plain-text-password', 'expected format'],
    ] as const) {
      const weak = structuredClone(file);
      const adminRow = weak.tables.users.find((u) => u.email === 'admin@demo.local')!;
      adminRow.passwordHash = hash;
      const rWeak = await restore(weak);
      expect(rWeak.status, hash).toBe(422);
      expect(rWeak.json.error.details.join(' '), hash).toContain(why);
    }

    // A dangling reference is caught by the database itself; the batch rolls back whole.
    const dangling = structuredClone(file);
    dangling.tables.comments[0]!.cardId = crypto.randomUUID();
    const r3 = await restore(dangling);
    expect(r3.status).toBe(422);

    expect((await restore({ ...file, version: 2 })).status).toBe(400);
    expect((await restore(null, { raw: '{"format":' })).status).toBe(400);
    for (const t of tables) if (t !== 'audit_log') expect(await rowCount(t)).toBe(0);
  });

  it('restores the same office: board, card details, reports, passwords and a verified chain', async () => {
    // The refused attempts above are in the new deployment's audit trail already.
    expect(await rowCount('audit_log')).toBeGreaterThan(0);
    const r = await restore(file);
    expect(r.status).toBe(201);
    expect(r.json.counts).toEqual(file.counts);

    // Sessions were not restored: the old cookie is dead, the passwords work.
    expect((await call('GET', '/api/me', { cookie: admin })).status).toBe(401);
    const signedIn = await signIn('admin@demo.local');
    expect(signedIn.status).toBe(200);
    const director = await signIn('director.personnel@demo.local');
    expect(director.status).toBe(200);
    expect((await signIn('admin@demo.local', 'wrong-password')).status).toBe(401);

    expect(await getBoard(signedIn.cookie)).toEqual(boardBefore);
    expect((await call('GET', `/api/cards/${cardWithDetails}`, { cookie: signedIn.cookie })).json).toEqual(detailsBefore);
    expect(await db().select().from(reports).orderBy(reports.id)).toEqual(reportsBefore);
    expect(await db().select().from(reportRecipients).orderBy(reportRecipients.id)).toEqual(recipientsBefore);
    const chain = await call('GET', '/api/admin/chain/2567', { cookie: signedIn.cookie });
    expect(chain.json).toMatchObject({ ok: true, eventsChecked: file.tables.card_events.length, problems: [] });
    expect(chain.json.board).toMatchObject({ ok: true, cardsChecked: 21, evidenceChecked: 1, differences: [], firstCard: null });

    // The director still edits their group's cards, from the restored versions.
    const card = boardBefore.cards.find((c) => c.id === cardWithDetails)!;
    const edit = await call('PATCH', `/api/cards/${card.id}`, { cookie: director.cookie, body: { version: card.version, details: 'หลังกู้คืน' } });
    expect(edit.status).toBe(200);

    // A second export holds the same rows (the audit trail grows by the restore and sign-ins).
    const again = (await call('GET', '/api/admin/backup', { cookie: signedIn.cookie })).json as BackupFile;
    for (const table of BACKUP_TABLES) {
      if (table === 'audit_log' || table === 'cards' || table === 'card_events') continue;
      expect(again.tables[table], table).toEqual(file.tables[table]);
    }
    expect(again.tables.card_events.slice(0, file.tables.card_events.length)).toEqual(file.tables.card_events);
    const withoutId = (rows: Record<string, unknown>[]) => rows.map(({ id: _id, ...rest }) => rest);
    const restoredAudit = again.tables.audit_log.filter((a) => a.orgId === demo.orgId);
    expect(withoutId(restoredAudit.slice(0, file.tables.audit_log.length))).toEqual(withoutId(file.tables.audit_log));
    expect(again.tables.audit_log.map((a) => a.action)).toContain('backup.restored');

    const summary = Object.fromEntries(BACKUP_TABLES.map((t) => [t, file.counts[t]]));
    console.log('backup round trip (rows per table):');
    console.table(summary);
    console.log(`backup file: ${JSON.stringify(file).length} bytes`);
  });
});

describe('Administration → Integrity', () => {
  it('checks the board against its log, not only the chain, and names the first card that differs', async () => {
    const signedIn = await signIn('admin@demo.local');
    const before = await call('GET', '/api/admin/chain/2567', { cookie: signedIn.cookie });
    expect(before.json.ok).toBe(true);
    // Someone with database access changes a title, leaving the log alone.
    const card = boardBefore.cards.find((c) => c.id === cardWithDetails)!;
    const { title } = (await env.DB.prepare('select title from cards where id = ?').bind(card.id).first<{ title: string }>())!;
    await env.DB.prepare("update cards set title = 'แก้ในฐานข้อมูลโดยตรง' where id = ?").bind(card.id).run();
    const after = await call('GET', '/api/admin/chain/2567', { cookie: signedIn.cookie });
    expect(after.status).toBe(200);
    expect(after.json.ok).toBe(false);
    expect(after.json.problems).toEqual([]);
    expect(after.json.board.ok).toBe(false);
    expect(after.json.board.firstCard).toMatchObject({ id: card.id, title: 'แก้ในฐานข้อมูลโดยตรง', measureNumber: 4 });
    expect(after.json.board.differences[0]).toContain(`card ${card.id}.title`);
    await env.DB.prepare('update cards set title = ? where id = ?').bind(title, card.id).run();
    // An evidence link deleted behind the log's back.
    const link = await env.DB.prepare('select * from evidence_links where card_id = ?').bind(card.id).first<Record<string, unknown>>();
    await env.DB.prepare('delete from evidence_links where id = ?').bind(link!.id).run();
    const gone = await call('GET', '/api/admin/chain/2567', { cookie: signedIn.cookie });
    expect(gone.json.board.ok).toBe(false);
    expect(gone.json.board.differences.join(' ')).toContain('in the log, not on the board');
    expect(gone.json.board.firstCard.id).toBe(card.id);
  });
});

describe('a file written before per-year publishing', () => {
  it('restores: new columns take their defaults, and the years of an office that was public stay public', async () => {
    // An older file: no publication version, no per-year or per-link flags; the office-wide switch on.
    const old = structuredClone(file);
    delete old.tables.organisations[0]!.publicationVersion;
    old.tables.organisations[0]!.settings = { ...(old.tables.organisations[0]!.settings as object), publicPage: true };
    for (const y of old.tables.fiscal_years) delete y.published;
    for (const e of old.tables.evidence_links) {
      delete e.linkPublished;
      delete e.notePublished;
    }
    // …and no report schedules table (added to the format later).
    delete (old.tables as Partial<typeof old.tables>).report_schedules;
    delete (old.counts as Partial<typeof old.counts>).report_schedules;
    // A table that was always there cannot be left out.
    const noCards = structuredClone(old);
    delete (noCards.tables as Partial<typeof noCards.tables>).cards;
    delete (noCards.counts as Partial<typeof noCards.counts>).cards;
    const tables = await userTables();
    const order = [...Object.keys(NOT_BACKED_UP), ...[...BACKUP_TABLES].reverse()];
    await env.DB.batch(order.filter((t) => tables.includes(t)).map((t) => env.DB.prepare(`delete from "${t}"`)));
    const refused = await restore(noCards);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.json.error.details)).toContain('the table cards is missing');
    const r = await restore(old);
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(await rowCount('report_schedules')).toBe(0);
    const years = (await env.DB.prepare('select published from fiscal_years').all<{ published: number }>()).results;
    expect(years.length).toBeGreaterThan(0);
    expect(years.every((y) => y.published === 1)).toBe(true);
    const links = (await env.DB.prepare('select link_published, note_published from evidence_links').all<{ link_published: number; note_published: number }>()).results;
    expect(links).toEqual([{ link_published: 1, note_published: 0 }]);
    expect((await call('GET', '/api/public/phichit-peo/2567')).status).toBe(200);
    const signedIn = await signIn('admin@demo.local');
    expect((await call('GET', '/api/admin/chain/2567', { cookie: signedIn.cookie })).json.board.ok).toBe(true);
  });
});

describe('a file written before the outbox had channels', () => {
  it('restores its messages as emails, each with its id as its retry key (as migration 0006 did)', async () => {
    const old = structuredClone(file);
    const message = {
      id: crypto.randomUUID(),
      orgId: old.organisationId,
      dedupeKey: `old-format-${crypto.randomUUID()}`,
      reportId: null,
      toEmail: 'director@example.go.th',
      subject: 'สรุปงานประจำวัน',
      raw: 'MIME text',
      status: 'sent',
      attempts: 1,
      nextAttemptAt: 1,
      lastError: null,
      sentAt: 2,
      createdAt: 1,
    };
    old.tables.outbox = [message];
    old.counts.outbox = 1;
    await wipeEverything();
    const r = await restore(old);
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    const rows = (await env.DB.prepare('select id, channel, to_email, target, retry_key, status from outbox').all()).results;
    expect(rows).toEqual([{ id: message.id, channel: 'email', to_email: 'director@example.go.th', target: null, retry_key: message.id, status: 'sent' }]);
  });
});

// The tree (issue 19): a parent body's backup carries its templates, their versions and its
// roll-up reports; an office's carries its adoption, its decisions on a revision and the
// invitation it accepted. Restored from the top down, each from its own file, they come back whole.
const HEAD = 'ที่\tมาตรการ\tขั้นตอน\tระยะเวลา\tผู้รับผิดชอบ\tการกำกับติดตาม';
const T1 = `${HEAD}\n1\tเปิดเผยข้อมูล\t1. รวบรวม 2. เผยแพร่ 3. รายงาน\tภายใน ธันวาคม 2566\tกลุ่มอำนวยการ\t1. รายงานผล`;
const T2 = `${HEAD}\n1\tเปิดเผยข้อมูล\t1. รวบรวม 2. เผยแพร่ทางเว็บไซต์\tภายใน มกราคม 2567\tกลุ่มอำนวยการ\t1. รายงานผล\n2\tรับฟังความคิดเห็น\t1. เปิดช่องทาง\tภายใน มีนาคม 2567\tกลุ่มนโยบายและแผน\t1. รายงานผล`;
const TREE_TABLES = ['org_invitations', 'templates', 'template_measures', 'template_steps', 'template_versions', 'rollup_reports', 'template_adoptions', 'template_decisions'] as const;

let treeParentFile: BackupFile;
describe('a parent body and an office that adopted its template', () => {
  it('round trip: the parent body first, then the office; board, log, decisions and roll-up as they were', async () => {
    await wipeEverything();
    const office = await seedOffice('tree-backup-office', 'tree-backup.local');
    const parent = await seedParentBody(db(), {
      slug: 'tree-backup-parent',
      nameTh: 'ต้นสังกัด (สำรองข้อมูล)',
      nameEn: 'Parent (backup)',
      accounts: [
        { email: 'admin@tree-backup.test', displayName: 'ผู้ดูแลต้นสังกัด', role: 'admin' },
        { email: 'oversight@tree-backup.test', displayName: 'ผู้กำกับติดตาม', role: 'oversight' },
      ],
    });
    const as = async (email: string) => `${SESSION_COOKIE}=${await createSession(db(), parent.userIds[email]!, parent.orgId)}`;
    const officeAdmin = await cookieFor(office, 'admin');
    const invited = await call('POST', '/api/parent/invitations', { cookie: await as('admin@tree-backup.test'), body: { slug: 'tree-backup-office' } });
    expect(invited.status, invited.text).toBe(201);
    expect((await call('POST', `/api/office/invitations/${invited.json.invitation.id}/accept`, { cookie: officeAdmin })).status).toBe(200);
    const imported = await call('POST', '/api/parent/templates/import', { cookie: await as('admin@tree-backup.test'), body: { beYear: 2567, title: 'มาตรการร่วม', text: T1 } });
    expect(imported.status, imported.text).toBe(201);
    const templateId = imported.json.id as string;
    expect((await call('POST', `/api/parent/templates/${templateId}/publish`, { cookie: await as('admin@tree-backup.test') })).status).toBe(201);
    const adopted = await call('POST', `/api/office/templates/${templateId}/adopt`, { cookie: officeAdmin, body: {} });
    expect(adopted.status, adopted.text).toBe(201);
    expect(adopted.json.newBoard).toBe(false);
    // A revision: one step changed, one removed, one measure added; the office accepts all but the addition.
    expect((await call('POST', '/api/parent/templates/import', { cookie: await as('admin@tree-backup.test'), body: { beYear: 2567, text: T2 } })).status).toBe(201);
    expect((await call('POST', `/api/parent/templates/${templateId}/publish`, { cookie: await as('admin@tree-backup.test') })).status).toBe(201);
    const offered = (await call('GET', `/api/office/templates/${templateId}`, { cookie: officeAdmin })).json.changes as { itemId: string; change: string }[];
    expect(offered.map((c) => c.change).sort()).toEqual(['added', 'changed', 'changed', 'removed']);
    const decisions = offered.map((c) => ({ itemId: c.itemId, decision: c.change === 'added' ? 'declined' : 'accepted' }));
    const decided = await call('POST', `/api/office/templates/${templateId}/changes`, { cookie: officeAdmin, body: { decisions } });
    expect(decided.json).toMatchObject({ changed: 2, unlinked: 1, added: 0, remaining: 0 });

    const boardBefore = await getBoard(officeAdmin);
    const rollupBefore = (await call('GET', '/api/rollup/2567', { cookie: await as('oversight@tree-backup.test') })).json as RollupView;
    expect(rollupBefore.offices.map((o) => o.id)).toEqual([office.orgId]);
    const parentFile = (await call('GET', '/api/admin/backup', { cookie: await as('admin@tree-backup.test') })).json as BackupFile;
    const officeFile = (await call('GET', '/api/admin/backup', { cookie: officeAdmin })).json as BackupFile;
    treeParentFile = parentFile;
    // What belongs to whom: the parent's templates and versions; the office's adoption, decisions, invitation.
    expect(parentFile.counts).toMatchObject({ templates: 1, template_measures: 2, template_steps: 4, template_versions: 2, template_adoptions: 0, org_invitations: 0 });
    expect(officeFile.counts).toMatchObject({ templates: 0, template_steps: 0, template_adoptions: 1, template_decisions: 4, org_invitations: 1 });
    expect(officeFile.tables.organisations[0]).toMatchObject({ parentId: parent.orgId });

    await wipeEverything();
    // The office before its parent body: refused in Thai and English, nothing written.
    const early = await restore(officeFile);
    expect(early.status).toBe(409);
    expect(early.json.error).toMatchObject({ code: 'backup_parent_missing' });
    expect(early.json.error.messageTh).toContain(parent.orgId);
    expect(early.json.error.messageEn).toContain('restore the parent body');
    expect(await rowCount('organisations')).toBe(0);

    expect((await restore(parentFile)).status).toBe(201);
    const restored = await restore(officeFile);
    expect(restored.status, JSON.stringify(restored.json)).toBe(201);
    expect((await restore(officeFile)).json.error.code).toBe('database_not_empty');

    const officeAgain = await cookieFor(office, 'admin');
    expect(await getBoard(officeAgain)).toEqual(boardBefore);
    const chain = await call('GET', '/api/admin/chain/2567', { cookie: officeAgain });
    expect(chain.json).toMatchObject({ ok: true, problems: [] });
    expect(chain.json.board).toMatchObject({ ok: true, differences: [] });
    // Nothing pending: the decisions came back with the adoption.
    expect((await call('GET', '/api/office/templates', { cookie: officeAgain })).json.templates).toMatchObject([{ version: 2, adoptedVersion: 2, pending: 0 }]);
    const rollupAfter = (await call('GET', '/api/rollup/2567', { cookie: await as('oversight@tree-backup.test') })).json as RollupView;
    expect(rollupAfter).toEqual(rollupBefore);
    // Exported again, the tree's tables are the same rows.
    const parentAgain = (await call('GET', '/api/admin/backup', { cookie: await as('admin@tree-backup.test') })).json as BackupFile;
    const officeFileAgain = (await call('GET', '/api/admin/backup', { cookie: officeAgain })).json as BackupFile;
    for (const table of TREE_TABLES) {
      expect(parentAgain.tables[table], table).toEqual(parentFile.tables[table]);
      expect(officeFileAgain.tables[table], table).toEqual(officeFile.tables[table]);
    }
  });

  it("refuses a file whose tree rows are another organisation's or hang off nothing", async () => {
    const parentFile = treeParentFile;
    await wipeEverything();
    const orphan = structuredClone(parentFile);
    orphan.tables.template_steps[0]!.templateId = 'no-such-template';
    const r = await restore(orphan);
    expect(r.status).toBe(422);
    expect(r.json.error.details).toContain('template_steps: rows whose templates is not in the file');
    const foreign = structuredClone(parentFile);
    foreign.tables.rollup_reports.push({ id: 'x', parentOrgId: 'another', beYear: 2567, periodKey: '2567-01', content: {}, createdAt: 1 });
    foreign.counts.rollup_reports += 1;
    expect((await restore(foreign)).json.error.details).toContain('rollup_reports: rows of another organisation');
    expect(await rowCount('organisations')).toBe(0);
  });
});
