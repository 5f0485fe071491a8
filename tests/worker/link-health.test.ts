// Link health (issue 18, part 2) in the real D1: what healthOfYear hands the export, the daily
// check against a local HTTP server (tests/link-double) and the flags where people see them.
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { cookieFor, db, getBoard, seedOffice, call, type Demo } from './helpers';
import { evidenceLinks, fiscalYears, linkChecks, organisations } from '../../worker/db/schema';
import { healthOfYear } from '../../worker/db/link-health';

let home: Demo;
let adminCookie: string;
let fy2567: string;
let cardIds: string[];

const addEvidence = async (cardId: string, url: string, oitCode = 'O1') => {
  const r = await call('POST', `/api/cards/${cardId}/evidence`, { cookie: adminCookie, body: { url, note: '', oitCode } });
  expect(r.status, r.text).toBe(201);
};

beforeAll(async () => {
  home = await seedOffice('links-home');
  adminCookie = await cookieFor(home, 'admin');
  const board = await getBoard(adminCookie);
  cardIds = board.cards.map((c) => c.id);
  const [fy] = await db().select().from(fiscalYears).where(eq(fiscalYears.orgId, home.orgId));
  fy2567 = fy!.id;
});

describe('healthOfYear', () => {
  it("gives each checked URL of the year its flags, status, time and final address, by the office's current main website", async () => {
    await addEvidence(cardIds[0]!, 'https://www.home.go.th/ita/o1');
    await addEvidence(cardIds[1]!, 'https://www.home.go.th/ita/o1');
    await addEvidence(cardIds[1]!, 'https://drive.google.com/file/d/x');
    await addEvidence(cardIds[2]!, 'https://www.home.go.th/never-checked');
    const other = await seedOffice('links-other', 'links-other.local');
    await db().insert(linkChecks).values([
      { orgId: home.orgId, url: 'https://www.home.go.th/ita/o1', status: 200, finalUrl: null, error: null, checkedAt: 1000 },
      { orgId: home.orgId, url: 'https://drive.google.com/file/d/x', status: 404, finalUrl: 'https://accounts.google.com/x', error: null, checkedAt: 2000 },
      // Another office's check of the same address is not this office's.
      { orgId: other.orgId, url: 'https://www.home.go.th/never-checked', status: 500, finalUrl: null, error: null, checkedAt: 3000 },
    ]);
    let health = await healthOfYear(db(), home.orgId, fy2567);
    expect([...health.keys()].sort()).toEqual(['https://drive.google.com/file/d/x', 'https://www.home.go.th/ita/o1']);
    expect(health.get('https://www.home.go.th/ita/o1')).toEqual({ flags: [], status: 200, checkedAt: 1000, finalUrl: null });
    expect(health.get('https://drive.google.com/file/d/x')).toEqual({ flags: ['dead', 'moved', 'file-sharing'], status: 404, checkedAt: 2000, finalUrl: 'https://accounts.google.com/x' });

    // Setting the main website re-flags at once, without a new check.
    const [org] = await db().select().from(organisations).where(eq(organisations.id, home.orgId));
    await db().update(organisations).set({ settings: { ...org!.settings, mainWebsite: 'home.go.th' } }).where(eq(organisations.id, home.orgId));
    health = await healthOfYear(db(), home.orgId, fy2567);
    expect(health.get('https://www.home.go.th/ita/o1')!.flags).toEqual([]);
    expect(health.get('https://drive.google.com/file/d/x')!.flags).toEqual(['dead', 'moved', 'not-main-site', 'file-sharing']);

    // Another year of the office holds none of these.
    expect((await healthOfYear(db(), home.orgId, 'no-such-year')).size).toBe(0);
    expect(await db().select().from(evidenceLinks).where(eq(evidenceLinks.orgId, home.orgId))).toHaveLength(4);
  });
});
