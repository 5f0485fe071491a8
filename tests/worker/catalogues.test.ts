// OIT catalogue versions through the real API (issue 18, part 1): a pasted list kept as a named
// version with its source, refused whole with per-line errors; moving FY2567 from the shipped 43
// items onto a 26-item version (fixtures/oit-26-items.ts) with the crosswalk confirmed and
// corrected: evidence re-coded with its events (the chain verifies, the board replays), unmapped
// evidence kept and listed; a later year named before its rollover; administrators only.
import { beforeAll, describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { call, cookieFor, db, getBoard, seedOffice, type Demo, type Who } from './helpers';
import { aggregatesOfLog, readYearAggregates } from '../../worker/db/aggregates';
import { canonicalCounts, compareAggregates } from '../../worker/domain/aggregates';
import { OIT_26_LIST } from './fixtures/oit-26-items';
import type { OitReadinessView } from '../../worker/domain/views';
import type { CatalogueApplyResponse, CataloguePlanResponse, CatalogueVersionsResponse } from '../../worker/domain/contracts-catalogue';

let home: Demo;
let other: Demo;
const cookie: Partial<Record<Who | 'otherAdmin', string>> = {};
const links: Record<string, string> = {};

const codesOfEvidence = async () => {
  const { results } = await env.DB.prepare('select e.url, e.oit_code from evidence_links e where e.org_id = ? order by e.url').bind(home.orgId).all<{ url: string; oit_code: string }>();
  return Object.fromEntries(results.map((r) => [r.url, r.oit_code]));
};
const count = async (sql: string, ...args: unknown[]) => ((await env.DB.prepare(sql).bind(...args).first()) as { n: number }).n;

beforeAll(async () => {
  home = await seedOffice('cat-home');
  other = await seedOffice('cat-other', 'cat-other.local');
  for (const who of ['admin', 'executive', 'directorAdmin', 'staff'] as const) cookie[who] = await cookieFor(home, who);
  cookie.otherAdmin = await cookieFor(other, 'admin');
  const board = await getBoard(cookie.admin!);
  const cardIds = board.cards.map((c) => c.id);
  // Evidence on five codes: O1 stays O1, O12 is another item in the new list, O43 and O42 become
  // O26, O40 has no counterpart.
  for (const [i, code] of ['O1', 'O12', 'O43', 'O40', 'O42'].entries()) {
    const url = `https://phichit.example.go.th/${code.toLowerCase()}`;
    const r = await call('POST', `/api/cards/${cardIds[i]}/evidence`, { cookie: cookie.admin, body: { url, note: '', oitCode: code } });
    expect(r.status, r.text).toBe(201);
    links[code] = url;
  }
});

describe('catalogue versions', () => {
  it('lists the shipped version as the one FY2567 uses', async () => {
    const r = await call('GET', '/api/catalogues', { cookie: cookie.staff });
    expect(r.status, r.text).toBe(200);
    const list = r.json as CatalogueVersionsResponse;
    expect(list.catalogues).toEqual([expect.objectContaining({ id: 'shipped-2567', items: 43, shipped: true, years: [2567] })]);
    expect(list.catalogues[0]!.source).toContain('oit-items-2567.tsv');
    expect(list.years).toEqual([expect.objectContaining({ beYear: 2567, exists: true, catalogueId: 'shipped-2567', items: 43 })]);
  });

  it('previews a pasted list and refuses one with unreadable lines whole, naming each line', async () => {
    const preview = await call('POST', '/api/catalogues/preview', { cookie: cookie.admin, body: { text: 'O1 โครงสร้าง\nไม่มีรหัส\nO๒. ข้อมูลผู้บริหาร' } });
    expect(preview.status, preview.text).toBe(200);
    expect(preview.json.items.map((i: { code: string }) => i.code)).toEqual(['O1', 'O2']);
    expect(preview.json.errors).toEqual([expect.objectContaining({ line: 2, text: 'ไม่มีรหัส' })]);
    const refused = await call('POST', '/api/catalogues', { cookie: cookie.admin, body: { name: 'ผิด', text: 'O1 โครงสร้าง\nไม่มีรหัส\nO1 ซ้ำ' } });
    expect(refused.status).toBe(422);
    expect(refused.json.error).toMatchObject({ code: 'catalogue_invalid', messageEn: '2 lines of the OIT list cannot be read; nothing was saved' });
    expect(refused.json.error.messageTh).toContain('2 บรรทัด');
    expect(refused.json.error.details.map((d: { line: number }) => d.line)).toEqual([2, 3]);
    expect(await count('select count(*) n from oit_catalogues')).toBe(0);
  });

  it('keeps a version with its name and source; the same name again is refused', async () => {
    const body = { name: 'OIT 2569 (26 ข้อ)', source: 'https://example.go.th/oit-2569', text: OIT_26_LIST };
    const r = await call('POST', '/api/catalogues', { cookie: cookie.admin, body });
    expect(r.status, r.text).toBe(201);
    expect(r.json.catalogue).toMatchObject({ name: 'OIT 2569 (26 ข้อ)', source: 'https://example.go.th/oit-2569', items: 26 });
    const again = await call('POST', '/api/catalogues', { cookie: cookie.admin, body });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('catalogue_name_exists');
  });

  it('only administrators import, plan and apply; another office sees none of it', async () => {
    const id = await versionId();
    for (const who of ['executive', 'directorAdmin', 'staff'] as const) {
      expect((await call('POST', '/api/catalogues/preview', { cookie: cookie[who], body: { text: 'O1 โครงสร้าง' } })).status).toBe(403);
      expect((await call('POST', '/api/catalogues', { cookie: cookie[who], body: { name: `x ${who}`, text: 'O1 โครงสร้าง' } })).status).toBe(403);
      expect((await call('POST', `/api/catalogues/${id}/plan`, { cookie: cookie[who], body: { beYear: 2567 } })).status).toBe(403);
      expect((await call('POST', `/api/catalogues/${id}/apply`, { cookie: cookie[who], body: { beYear: 2567, crosswalk: [], confirmUnmapped: true } })).status).toBe(403);
    }
    expect((await call('POST', `/api/catalogues/${id}/plan`, { cookie: cookie.otherAdmin, body: { beYear: 2567 } })).status).toBe(404);
    expect((await call('GET', '/api/catalogues', { cookie: cookie.otherAdmin })).json.catalogues.map((c: { name: string }) => c.name)).toEqual(['OIT 2566–2567 (43 ข้อ)']);
    expect(await count("select count(*) n from oit_catalogues where name like 'x %'")).toBe(0);
    expect(await codesOfEvidence()).toEqual(Object.fromEntries(Object.entries(links).map(([code, url]) => [url, code])));
  });
});

async function versionId() {
  const list = (await call('GET', '/api/catalogues', { cookie: cookie.admin })).json as CatalogueVersionsResponse;
  return list.catalogues.find((c) => c.name === 'OIT 2569 (26 ข้อ)')!.id;
}

describe('moving FY2567 onto the 26-item version', () => {
  let plan: CataloguePlanResponse;

  it('proposes the crosswalk with scores and names the codes in use it would lose', async () => {
    const r = await call('POST', `/api/catalogues/${await versionId()}/plan`, { cookie: cookie.admin, body: { beYear: 2567 } });
    expect(r.status, r.text).toBe(200);
    plan = r.json as CataloguePlanResponse;
    expect(plan.exists).toBe(true);
    expect(plan.proposal).toHaveLength(43);
    expect(plan.proposal.find((p) => p.oldCode === 'O43')).toMatchObject({ newCode: 'O26', score: 0.81, reason: 'similar_title' });
    expect(plan.inUse.map((u) => u.code)).toEqual(['O1', 'O12', 'O40', 'O42', 'O43']);
    expect(plan.lost).toEqual([
      { code: 'O12', links: 1, change: 'changed' },
      { code: 'O40', links: 1, change: 'gone' },
      { code: 'O42', links: 1, change: 'gone' },
      { code: 'O43', links: 1, change: 'gone' },
    ]);
  });

  it('refuses without a row for every code in use, or with unmapped evidence unconfirmed, and changes nothing', async () => {
    const id = await versionId();
    const bare = await call('POST', `/api/catalogues/${id}/apply`, { cookie: cookie.admin, body: { beYear: 2567 } });
    expect(bare.status).toBe(409);
    expect(bare.json.error).toMatchObject({ code: 'crosswalk_required', details: ['O1', 'O12', 'O40', 'O42', 'O43'] });
    expect(bare.json.error.messageTh).toContain('O12');
    const proposed = plan.proposal.map((p) => ({ oldCode: p.oldCode, newCode: p.newCode }));
    const unconfirmed = await call('POST', `/api/catalogues/${id}/apply`, { cookie: cookie.admin, body: { beYear: 2567, crosswalk: proposed } });
    expect(unconfirmed.status).toBe(409);
    expect(unconfirmed.json.error).toMatchObject({ code: 'crosswalk_unconfirmed', details: ['O40'] });
    const wrong = await call('POST', `/api/catalogues/${id}/apply`, { cookie: cookie.admin, body: { beYear: 2567, crosswalk: [...proposed, { oldCode: 'O40', newCode: 'O99' }], confirmUnmapped: true } });
    expect(wrong.status).toBe(422);
    expect(wrong.json.error.code).toBe('crosswalk_unknown_code');
    expect(await count('select count(*) n from oit_items where org_id = ?', home.orgId)).toBe(43);
    expect(await count("select count(*) n from card_events where org_id = ? and kind = 'evidence.recoded'", home.orgId)).toBe(0);
  });

  it('re-codes the evidence through the corrected crosswalk, with its events, and lists what has no new code', async () => {
    const headBefore = (await getBoard(cookie.admin!)).seq;
    // The submission's per-item fields (website page, explanation) of four items.
    for (const code of ['O43', 'O42', 'O12', 'O40']) {
      await env.DB.prepare('insert into oit_submissions (org_id, fiscal_year_id, code, page_url, explanation, updated_at) values (?, ?, ?, ?, ?, ?)')
        .bind(home.orgId, home.fiscalYearId, code, `https://phichit.example.go.th/page-${code}`, `คำอธิบาย ${code}`, Date.now())
        .run();
    }
    // Corrected by hand: O12's proposal (O8) kept; O34 → O24 instead of O21; O40 left without one.
    const crosswalk = plan.proposal.map((p) => ({ oldCode: p.oldCode, newCode: p.oldCode === 'O34' ? 'O24' : p.newCode }));
    const r = await call('POST', `/api/catalogues/${await versionId()}/apply`, { cookie: cookie.admin, body: { beYear: 2567, crosswalk, confirmUnmapped: true } });
    expect(r.status, r.text).toBe(200);
    const result = r.json as CatalogueApplyResponse;
    expect(result).toMatchObject({ beYear: 2567, recoded: 3, items: 26, unmappedInUse: [{ code: 'O40', links: 1 }] });
    expect(result.unmappedItems.map((i) => i.code)).toEqual(['O4', 'O8', 'O9', 'O10', 'O17', 'O32', 'O33', 'O35', 'O39', 'O40', 'O41']);
    expect(await codesOfEvidence()).toEqual({ [links.O1!]: 'O1', [links.O12!]: 'O8', [links.O43!]: 'O26', [links.O42!]: 'O26', [links.O40!]: 'O40' });

    // The per-item fields follow their codes; O42 and O43 both map to O26: O42's (first in the old
    // list) takes it, O43's keeps its code rather than being dropped, and O40's has no new code.
    const { results: fields } = await env.DB.prepare('select code, page_url, version from oit_submissions where org_id = ? order by code').bind(home.orgId).all<{ code: string; page_url: string; version: number }>();
    expect(fields.map((f) => [f.code, f.page_url.split('page-')[1], f.version])).toEqual([
      ['O26', 'O42', 2],
      ['O40', 'O40', 1],
      ['O43', 'O43', 1],
      ['O8', 'O12', 2],
    ]);

    // The readiness page reads the new list; the unmapped evidence is kept and shown, not dropped.
    const readiness = (await call('GET', '/api/oit/2567', { cookie: cookie.executive })).json as OitReadinessView;
    expect(readiness.items).toHaveLength(26);
    expect(readiness.items.find((i) => i.code === 'O26')!.evidence.map((e) => e.url).sort()).toEqual([links.O42, links.O43].sort());
    expect(readiness.unmatched.map((e) => e.oitCode)).toEqual(['O40']);

    // The log: one 'evidence.recoded' event per link, the chain intact, the board equal to its replay.
    const board = await getBoard(cookie.admin!);
    expect(board.seq).toBe(headBefore + 3);
    const integrity = await call('GET', '/api/admin/chain/2567', { cookie: cookie.admin });
    expect(integrity.json.ok, integrity.text).toBe(true);
    // The roll-up's aggregates count the new codes, as a replay of the log does.
    const kept = await readYearAggregates(db(), home.fiscalYearId);
    const oit: Record<string, number> = {};
    for (const a of kept.values()) for (const [code, n] of Object.entries(a.oit)) oit[code] = (oit[code] ?? 0) + n;
    expect(oit).toEqual({ O1: 1, O8: 1, O26: 2, O40: 1 });
    expect([...kept.values()].every((a) => a.oitItems === 26)).toBe(true);
    const asCounts = new Map([...kept].map(([id, { oitItems: _n, ...counts }]) => [id, canonicalCounts(counts)]));
    expect(compareAggregates(asCounts, await aggregatesOfLog(db(), home.fiscalYearId))).toEqual([]);
    const o12Card = await env.DB.prepare('select card_id from evidence_links where url = ?').bind(links.O12).first<{ card_id: string }>();
    const details = await call('GET', `/api/cards/${o12Card!.card_id}`, { cookie: cookie.staff });
    expect(details.json.timeline[0]).toMatchObject({ kind: 'evidence.recoded', before: { oitCode: 'O12' }, after: { oitCode: 'O8', url: links.O12 } });
    const audit = await env.DB.prepare("select detail from audit_log where org_id = ? and action = 'oit.catalogue_applied'").bind(home.orgId).first<{ detail: string }>();
    expect(JSON.parse(audit!.detail)).toMatchObject({ beYear: 2567, catalogue: 'OIT 2569 (26 ข้อ)', recoded: 3, unmappedInUse: ['O40'] });

    // Which version the year uses, and the old items it left without a counterpart.
    const list = (await call('GET', '/api/catalogues', { cookie: cookie.staff })).json as CatalogueVersionsResponse;
    const year = list.years.find((y) => y.beYear === 2567)!;
    expect(year.catalogueId).toBe(await versionId());
    expect(year.unmapped.map((u) => u.code)).toEqual(['O4', 'O8', 'O9', 'O10', 'O17', 'O32', 'O33', 'O35', 'O39', 'O40', 'O41']);
  });

  it('names a later year before its rollover, and moves FY2567 back onto the shipped version', async () => {
    const later = await call('POST', `/api/catalogues/${await versionId()}/apply`, { cookie: cookie.admin, body: { beYear: 2569 } });
    expect(later.status, later.text).toBe(200);
    const list = (await call('GET', '/api/catalogues', { cookie: cookie.admin })).json as CatalogueVersionsResponse;
    expect(list.years.find((y) => y.beYear === 2569)).toMatchObject({ exists: false, catalogueId: await versionId(), items: 26 });
    expect(list.catalogues.find((c) => c.shipped)!.years).toEqual([]);

    const back = await call('POST', '/api/catalogues/shipped-2567/plan', { cookie: cookie.admin, body: { beYear: 2567 } });
    const crosswalk = (back.json as CataloguePlanResponse).proposal.map((p) => ({ oldCode: p.oldCode, newCode: p.newCode }));
    expect(crosswalk.find((c) => c.oldCode === 'O26')!.newCode).toBe('O43');
    const r = await call('POST', '/api/catalogues/shipped-2567/apply', { cookie: cookie.admin, body: { beYear: 2567, crosswalk: [...crosswalk, { oldCode: 'O40', newCode: 'O40' }] } });
    expect(r.status, r.text).toBe(200);
    expect(await count('select count(*) n from oit_items where org_id = ?', home.orgId)).toBe(43);
    const after = (await call('GET', '/api/catalogues', { cookie: cookie.admin })).json as CatalogueVersionsResponse;
    const shipped = after.catalogues.find((c) => c.shipped)!;
    expect(shipped.id).not.toBe('shipped-2567');
    expect(shipped.years).toEqual([2567]);
    expect((await call('GET', '/api/admin/chain/2567', { cookie: cookie.admin })).json.ok).toBe(true);
  });
});

describe('rollover to a year named a version of its own', () => {
  it('takes the version instead of a copy, proposes the crosswalk in the preview and keeps it, corrected, with the new year', async () => {
    const id = await versionId();
    expect((await call('POST', `/api/catalogues/${id}/apply`, { cookie: cookie.admin, body: { beYear: 2568 } })).status).toBe(200);
    const preview = await call('POST', '/api/fiscal-years/2567/rollover/preview', { cookie: cookie.admin, body: { toBeYear: 2568 } });
    expect(preview.status, preview.text).toBe(200);
    expect(preview.json.catalogue).toMatchObject({ id, name: 'OIT 2569 (26 ข้อ)', items: 26 });
    expect(preview.json.catalogue.list).toHaveLength(26);
    expect(preview.json.catalogue.list[0]).toEqual({ code: 'O1', titleTh: expect.any(String) });
    expect(preview.json.counts.oitItems).toBe(26);
    expect(preview.json.crosswalk.find((r: { oldCode: string }) => r.oldCode === 'O43')).toMatchObject({ newCode: 'O26', score: 0.81 });
    const warning = preview.json.warnings.find((w: { code: string }) => w.code === 'oit_catalogue_version');
    expect(warning.messageEn).toBe('FY 2568 takes the OIT catalogue "OIT 2569 (26 ข้อ)" (26 items) instead of a copy: 32 old codes have a counterpart, 11 have none (O4, O8, O9, O10, O17, O32, O33, O35, O39, O40, O41)');
    expect(warning.messageTh).toContain('OIT 2569 (26 ข้อ)');

    const commit = await call('POST', '/api/fiscal-years/2567/rollover/commit', { cookie: cookie.admin, body: { toBeYear: 2568, crosswalk: [{ oldCode: 'O34', newCode: 'O24' }, { oldCode: 'O41', newCode: 'O26' }] } });
    expect(commit.status, commit.text).toBe(201);
    const readiness = (await call('GET', '/api/oit/2568', { cookie: cookie.admin })).json as OitReadinessView;
    expect(readiness.items.map((i) => i.code)).toEqual(Array.from({ length: 26 }, (_, i) => `O${i + 1}`));
    const list = (await call('GET', '/api/catalogues', { cookie: cookie.admin })).json as CatalogueVersionsResponse;
    const year = list.years.find((y) => y.beYear === 2568)!;
    expect(year).toMatchObject({ exists: true, catalogueId: id, items: 26 });
    expect(year.unmapped.map((u) => u.code)).toEqual(['O4', 'O8', 'O9', 'O10', 'O17', 'O32', 'O33', 'O35', 'O39', 'O40']);
    const kept = await env.DB.prepare('select crosswalk from oit_catalogue_years where org_id = ? and be_year = 2568').bind(home.orgId).first<{ crosswalk: string }>();
    const rows = JSON.parse(kept!.crosswalk) as { oldCode: string; newCode: string | null }[];
    expect(rows.find((r) => r.oldCode === 'O34')!.newCode).toBe('O24');
    expect(rows.find((r) => r.oldCode === 'O43')!.newCode).toBe('O26');
  });
});
