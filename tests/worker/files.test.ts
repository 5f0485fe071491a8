// Evidence files (issue 18, part 3) through the real API, with the real D1 and the local R2 of
// this file: upload of every accepted kind, refusals, private and public reads, versions, removal.
import { beforeAll, describe, expect, it } from 'vitest';
import { env, exports } from 'cloudflare:workers';
import { BASE, call, cookieFor, getBoard, seedOffice, type Demo, type Who } from './helpers';
import { SAMPLES, compound, pdf, zip } from './file-samples';
import { detectFileKind, MAX_FILE_BYTES } from '../../worker/domain/file-type';
import type { BoardView } from '../../worker/domain/contracts';
import type { CardDetailsResponse, EvidenceView } from '../../worker/domain/contracts-card';

let home: Demo;
let other: Demo;
let board: BoardView;
const cookie: Partial<Record<Who | 'otherAdmin', string>> = {};
const card: Record<'adminGroup' | 'personnelGroup' | 'otherOrg', string> = {} as never;

interface Upload {
  bytes: Uint8Array | Blob;
  name: string;
  note?: string;
  oitCode?: string;
}

async function upload(cardId: string, who: Who | 'otherAdmin' | null, file: Upload, headers: Record<string, string> = {}) {
  const form = new FormData();
  form.set('file', file.bytes instanceof Blob ? file.bytes : new Blob([file.bytes as Uint8Array<ArrayBuffer>]), file.name);
  if (file.note !== undefined) form.set('note', file.note);
  if (file.oitCode !== undefined) form.set('oitCode', file.oitCode);
  const h: Record<string, string> = { origin: BASE, 'sec-fetch-site': 'same-origin', ...headers };
  if (who) h.cookie = cookie[who]!;
  const res = await exports.default.fetch(new Request(`${BASE}/api/cards/${cardId}/files`, { method: 'POST', headers: h, body: form }));
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

async function read(url: string, who: Who | 'otherAdmin' | null, headers: Record<string, string> = {}) {
  const h: Record<string, string> = { ...headers };
  if (who) h.cookie = cookie[who]!;
  const res = await exports.default.fetch(new Request(`${BASE}${url}`, { headers: h }));
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}

const counts = async () =>
  env.DB.prepare('select (select count(*) from evidence_links) links, (select count(*) from evidence_files) files, (select count(*) from card_events) events').first<{
    links: number;
    files: number;
    events: number;
  }>();
const objects = async () => (await env.FILES.list()).objects.length;

beforeAll(async () => {
  home = await seedOffice('files-office');
  other = await seedOffice('files-other', 'other.local');
  for (const who of ['admin', 'executive', 'directorAdmin', 'directorPersonnel', 'staff'] as const) cookie[who] = await cookieFor(home, who);
  cookie.otherAdmin = await cookieFor(other, 'admin');
  board = await getBoard(cookie.admin!);
  const otherBoard = await getBoard(cookie.otherAdmin);
  const byMeasure = (b: BoardView, n: number) => b.cards.find((c) => c.measureId === b.measures.find((m) => m.number === n)!.id)!.id;
  card.adminGroup = byMeasure(board, 1);
  card.personnelGroup = byMeasure(board, 4);
  card.otherOrg = byMeasure(otherBoard, 1);
});

describe('the type, from the content', () => {
  it('tells every accepted kind apart and refuses the rest', () => {
    for (const [kind, sample] of Object.entries(SAMPLES)) expect(detectFileKind(sample.bytes)).toBe(kind);
    const refused = [
      new TextEncoder().encode('<html><script>alert(1)</script></html>'),
      new TextEncoder().encode('MZ\x90\x00 an executable'),
      zip({ 'readme.txt': 'a plain zip' }),
      zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<doc/>', 'word/vbaProject.bin': 'macros' }),
      compound(['__substg1.0_0037001F']), // an Outlook message, OLE2 too
      new Uint8Array([0x89, 0x50, 0x4e]),
    ];
    for (const bytes of refused) expect(detectFileKind(bytes)).toBeNull();
  });
});

describe('uploading', () => {
  it('stores each kind in R2 and records it as evidence through the room, with its event', async () => {
    const before = await counts();
    const added: EvidenceView[] = [];
    for (const sample of Object.values(SAMPLES)) {
      const r = await upload(card.adminGroup, 'directorAdmin', { bytes: sample.bytes, name: sample.name, note: 'หลักฐาน', oitCode: 'O1' });
      expect(r.status, JSON.stringify(r.json)).toBe(201);
      const e = r.json.evidence as EvidenceView;
      expect(e.file).toMatchObject({ name: sample.name, contentType: sample.type, size: sample.bytes.length });
      expect(e.url).toBe(`/files/files-office/${e.file!.id}/${encodeURIComponent(sample.name)}`);
      expect([e.note, e.oitCode, e.linkPublished]).toEqual(['หลักฐาน', 'O1', true]);
      added.push(e);
    }
    const n = Object.keys(SAMPLES).length;
    expect(await counts()).toEqual({ links: before!.links + n, files: before!.files + n, events: before!.events + n });
    const row = await env.DB.prepare('select * from evidence_files where id = ?').bind(added[0]!.file!.id).first<Record<string, unknown>>();
    const digest = [...new Uint8Array(await crypto.subtle.digest("SHA-256", SAMPLES.pdf.bytes as Uint8Array<ArrayBuffer>))].map((b) => b.toString(16).padStart(2, '0')).join('');
    expect(row).toMatchObject({ card_id: card.adminGroup, name: 'รายงานผล.pdf', size: SAMPLES.pdf.bytes.length, sha256: digest });
    const stored = await env.FILES.get(row!.r2_key as string);
    expect(new Uint8Array(await stored!.arrayBuffer())).toEqual(SAMPLES.pdf.bytes);
    const event = await env.DB.prepare("select after from card_events where kind = 'evidence.added' and after like ?").bind(`%${added[0]!.file!.id}%`).first<{ after: string }>();
    expect(JSON.parse(event!.after)).toMatchObject({ fileId: added[0]!.file!.id, sha256: digest, url: added[0]!.url });
    // The drawer lists it with its name, size and type; the board counts it as evidence.
    const details = (await call('GET', `/api/cards/${card.adminGroup}`, { cookie: cookie.admin })).json as CardDetailsResponse;
    expect(details.evidence.find((x) => x.id === added[0]!.id)!.file).toEqual(added[0]!.file);
    // Administration → Integrity: the chain holds and the board (files' evidence included) equals its replay.
    const integrity = await call('GET', '/api/admin/chain/2567', { cookie: cookie.admin });
    expect([integrity.status, integrity.json.ok, integrity.json.board.differences]).toEqual([200, true, []]);
  });

  it('refuses a content that is none of the kinds, and a name that says another kind, changing nothing', async () => {
    const before = [await counts(), await objects()];
    const html = await upload(card.adminGroup, 'admin', { bytes: new TextEncoder().encode('<html><body>hi</body></html>'), name: 'page.pdf' });
    expect(html.status).toBe(422);
    expect(html.json.error.code).toBe('file_type_refused');
    expect(html.json.error.messageTh).toMatch(/PDF/);
    const png = await upload(card.adminGroup, 'admin', { bytes: SAMPLES.png.bytes, name: 'report.pdf' });
    expect(png.status).toBe(422);
    expect(png.json.error).toMatchObject({ code: 'file_type_mismatch', messageEn: expect.stringMatching(/named as PDF but its content is PNG/) });
    expect(png.json.error.messageTh).toMatch(/PNG/);
    const empty = await upload(card.adminGroup, 'admin', { bytes: new Uint8Array(0), name: 'empty.pdf' });
    expect([empty.status, empty.json.error.code]).toEqual([422, 'file_missing']);
    // Refused in the room after the upload (an OIT item not in the year's catalogue): the stored
    // object is deleted again, nothing refers to it.
    const unknownItem = await upload(card.adminGroup, 'admin', { bytes: SAMPLES.pdf.bytes, name: 'x.pdf', oitCode: 'O999' });
    expect([unknownItem.status, unknownItem.json.error.code]).toEqual([422, 'invalid_oit_item']);
    expect([await counts(), await objects()]).toEqual(before);
  });

  it('refuses a file of 20 MB + 1 byte with 413, and a body announced larger before reading it', async () => {
    const before = [await counts(), await objects()];
    const big = new Uint8Array(MAX_FILE_BYTES + 1);
    big.set(pdf(), 0);
    const r = await upload(card.adminGroup, 'admin', { bytes: big, name: 'big.pdf' });
    expect([r.status, r.json.error.code]).toEqual([413, 'file_too_large']);
    expect(r.json.error.messageTh).toMatch(/20 MB/);
    // A Content-Length over the limit is refused from the header alone (the body here is tiny).
    const res = await exports.default.fetch(
      new Request(`${BASE}/api/cards/${card.adminGroup}/files`, {
        method: 'POST',
        headers: { cookie: cookie.admin!, origin: BASE, 'sec-fetch-site': 'same-origin', 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(MAX_FILE_BYTES * 2) },
        body: '--x--',
      }),
    );
    expect(res.status).toBe(413);
    // A file of exactly 20 MB is accepted.
    const exact = new Uint8Array(MAX_FILE_BYTES);
    exact.set(pdf(), 0);
    const ok = await upload(card.adminGroup, 'admin', { bytes: exact, name: 'exact.pdf' });
    expect(ok.status).toBe(201);
    expect(ok.json.evidence.file.size).toBe(MAX_FILE_BYTES);
    expect((await counts())!.files).toBe((before[0] as { files: number }).files + 1);
  });

  it('refuses those who may not add evidence, another office, signed out, a cross-site form, and JSON', async () => {
    const before = [await counts(), await objects()];
    const sample = { bytes: SAMPLES.pdf.bytes, name: 'x.pdf' };
    for (const who of ['staff', 'executive', 'directorPersonnel'] as const) {
      const r = await upload(card.adminGroup, who, sample);
      expect([who, r.status]).toEqual([who, 403]);
    }
    expect((await upload(card.otherOrg, 'admin', sample)).status).toBe(404);
    expect((await upload(card.adminGroup, 'otherAdmin', sample)).status).toBe(404);
    expect((await upload(card.adminGroup, null, sample)).status).toBe(401);
    const cross = await upload(card.adminGroup, 'admin', sample, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    expect([cross.status, cross.json.error.code]).toEqual([403, 'cross_site_request']);
    const json = await call('POST', `/api/cards/${card.adminGroup}/files`, { cookie: cookie.admin, body: { url: 'x' } });
    expect(json.status).toBe(415);
    expect([await counts(), await objects()]).toEqual(before);
    // The refusal by policy is audited like any other.
    const audited = await env.DB.prepare("select count(*) n from audit_log where action = 'authorisation.refused' and detail like ?").bind(`%${card.adminGroup}%`).first<{ n: number }>();
    expect(audited!.n).toBe(3);
  });

  it('keeps every version: the same name uploaded twice is two files, each with its own bytes', async () => {
    const first = await upload(card.adminGroup, 'admin', { bytes: pdf('version one'), name: 'plan.pdf' });
    const second = await upload(card.adminGroup, 'admin', { bytes: pdf('version two'), name: 'plan.pdf' });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(first.json.evidence.file.id).not.toBe(second.json.evidence.file.id);
    expect(new TextDecoder().decode((await read(first.json.evidence.url, 'admin')).bytes)).toContain('version one');
    expect(new TextDecoder().decode((await read(second.json.evidence.url, 'admin')).bytes)).toContain('version two');
    // R2 itself refuses to write over a key that exists.
    const row = await env.DB.prepare('select r2_key from evidence_files where id = ?').bind(first.json.evidence.file.id).first<{ r2_key: string }>();
    expect(await env.FILES.put(row!.r2_key, 'other bytes', { onlyIf: new Headers({ 'if-none-match': '*' }) })).toBeNull();
    expect(new TextDecoder().decode((await read(first.json.evidence.url, 'admin')).bytes)).toContain('version one');
  });
});

describe('reading a file', () => {
  let pdfEvidence: EvidenceView;
  let docxEvidence: EvidenceView;
  beforeAll(async () => {
    pdfEvidence = (await upload(card.adminGroup, 'directorAdmin', { bytes: SAMPLES.pdf.bytes, name: SAMPLES.pdf.name })).json.evidence;
    docxEvidence = (await upload(card.adminGroup, 'directorAdmin', { bytes: SAMPLES.docx.bytes, name: SAMPLES.docx.name })).json.evidence;
  });

  it('serves the office\'s users with its type, disposition, nosniff, a sandbox, ETag and ranges', async () => {
    for (const who of ['staff', 'executive', 'directorPersonnel', 'admin'] as const) {
      const r = await read(pdfEvidence.url, who);
      expect([who, r.status]).toEqual([who, 200]);
      expect(r.bytes).toEqual(SAMPLES.pdf.bytes);
    }
    const r = await read(pdfEvidence.url, 'staff');
    expect(r.headers.get('content-type')).toBe('application/pdf');
    expect(r.headers.get('content-disposition')).toBe(`inline; filename="________.pdf"; filename*=UTF-8''${encodeURIComponent('รายงานผล.pdf')}`);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('content-security-policy')).toMatch(/default-src 'none'.*sandbox/);
    expect(r.headers.get('cache-control')).toBe('private, no-cache');
    const etag = r.headers.get('etag')!;
    expect(etag).toBeTruthy();
    expect((await read(pdfEvidence.url, 'staff', { 'if-none-match': etag })).status).toBe(304);
    const part = await read(pdfEvidence.url, 'staff', { range: 'bytes=0-7' });
    expect(part.status).toBe(206);
    expect(new TextDecoder().decode(part.bytes)).toBe('%PDF-1.4');
    expect(part.headers.get('content-range')).toBe(`bytes 0-7/${SAMPLES.pdf.bytes.length}`);
    const office = await read(docxEvidence.url, 'staff');
    expect(office.headers.get('content-disposition')).toMatch(/^attachment; /);
    expect(office.headers.get('content-type')).toBe(SAMPLES.docx.type);
  });

  it('answers 401 signed out and 404 to another office, a wrong name or an unknown id', async () => {
    expect((await read(pdfEvidence.url, null)).status).toBe(401);
    expect((await read(pdfEvidence.url, 'otherAdmin')).status).toBe(404);
    const [, , office, id] = pdfEvidence.url.split('/');
    expect((await read(`/files/${office}/${id}/other.pdf`, 'admin')).status).toBe(404);
    expect((await read(`/files/files-other/${id}/${encodeURIComponent(SAMPLES.pdf.name)}`, 'otherAdmin')).status).toBe(404);
    expect((await read(`/files/${office}/no-such-id/x.pdf`, 'admin')).status).toBe(404);
  });

  it('is public once its evidence is published on a published year, and private again when withdrawn', async () => {
    expect((await read(pdfEvidence.url, null)).status).toBe(401);
    expect((await call('PATCH', '/api/public/settings', { cookie: cookie.admin, body: { beYear: 2567, published: true } })).status).toBe(200);
    const open = await read(pdfEvidence.url, null);
    expect(open.status).toBe(200);
    expect(open.headers.get('cache-control')).toBe('public, no-cache');
    expect((await read(pdfEvidence.url, 'otherAdmin')).status).toBe(200);
    // The public page and its open data list it, with its whole address (the CSV's readers are elsewhere).
    const page = await call('GET', '/api/public/files-office/2567');
    const listed = page.json.measures.flatMap((m: { steps: { evidence: { url: string }[] }[] }) => m.steps.flatMap((s) => s.evidence.map((e) => e.url)));
    expect(listed).toContain(`${BASE}${pdfEvidence.url}`);
    expect((await call('GET', '/api/public/files-office/2567.csv')).text).toContain(`${BASE}${pdfEvidence.url}`);
    // The link withdrawn from the public page: private again.
    expect((await call('PATCH', `/api/evidence/${pdfEvidence.id}`, { cookie: cookie.admin, body: { linkPublished: false } })).status).toBe(200);
    expect((await read(pdfEvidence.url, null)).status).toBe(401);
    expect((await call('PATCH', `/api/evidence/${pdfEvidence.id}`, { cookie: cookie.admin, body: { linkPublished: true } })).status).toBe(200);
    expect((await read(pdfEvidence.url, null)).status).toBe(200);
    expect((await call('PATCH', '/api/public/settings', { cookie: cookie.admin, body: { beYear: 2567, published: false } })).status).toBe(200);
    expect((await read(pdfEvidence.url, null)).status).toBe(401);
  });

  it('keeps the file when its evidence is removed; the log says who removed it', async () => {
    const removed = await call('DELETE', `/api/evidence/${docxEvidence.id}`, { cookie: cookie.directorAdmin });
    expect(removed.status).toBe(204);
    expect((await env.DB.prepare('select count(*) n from evidence_links where id = ?').bind(docxEvidence.id).first<{ n: number }>())!.n).toBe(0);
    expect((await env.DB.prepare('select count(*) n from evidence_files where id = ?').bind(docxEvidence.file!.id).first<{ n: number }>())!.n).toBe(1);
    const event = await env.DB.prepare("select actor_user_id, before from card_events where kind = 'evidence.removed' and before like ?").bind(`%${docxEvidence.id}%`).first<{ actor_user_id: string; before: string }>();
    expect(event!.actor_user_id).toBe(home.userIds['director.admin@demo.local']);
    expect(JSON.parse(event!.before)).toMatchObject({ evidenceId: docxEvidence.id, fileId: docxEvidence.file!.id, url: docxEvidence.url });
    const still = await read(docxEvidence.url, 'staff');
    expect(still.status).toBe(200);
    expect(still.bytes).toEqual(SAMPLES.docx.bytes);
  });
});

describe('the backup', () => {
  it('holds the files\' rows and names the objects it does not contain: key, size, SHA-256', async () => {
    const r = await call('GET', '/api/admin/backup', { cookie: cookie.admin });
    expect(r.status).toBe(200);
    const rows = (await env.DB.prepare('select r2_key, size, sha256 from evidence_files where org_id = ? order by created_at, id').bind(home.orgId).all<{ r2_key: string; size: number; sha256: string }>()).results;
    expect(rows.length).toBeGreaterThan(10);
    expect(r.json.tables.evidence_files).toHaveLength(rows.length);
    expect(r.json.filesNotContained.bucket).toBe('ita-board-files');
    expect(r.json.filesNotContained.files.map((f: { key: string; size: number; sha256: string }) => [f.key, f.size, f.sha256])).toEqual(rows.map((x) => [x.r2_key, x.size, x.sha256]));
    // No file's bytes are in it.
    expect(r.text.length).toBeLessThan(MAX_FILE_BYTES);
  });
});
