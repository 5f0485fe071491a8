// Link health (issue 18, part 2): reads and writes the last check of each evidence URL
// (link_checks) and the daily check's cursor (link_check_cursor). Flags are decided on reading
// (domain/link-health.ts linkFlags) from the facts kept here and the office's main website.
import { and, eq, sql } from 'drizzle-orm';
import { audit } from './auth';
import type { Db } from './client';
import { cards, evidenceLinks, fiscalYears, linkCheckCursor, linkChecks, organisations } from './schema';
import { isOwnAddress, linkFlags, type EvidenceHealth, type LinkCheckResult, type LinkFlag } from '../domain/link-health';

export interface LinkHealth {
  flags: LinkFlag[];
  /** The HTTP status of the last answer (after redirects); null when none came. */
  status: number | null;
  /** When it was last checked (ms). */
  checkedAt: number;
  /** Where redirects led; null when the first answer was final. */
  finalUrl: string | null;
}

/** The office's main-website domain (settings.mainWebsite), or null when not set. */
export async function mainWebsiteOf(db: Db, orgId: string): Promise<string | null> {
  const [org] = await db.select({ settings: organisations.settings }).from(organisations).where(eq(organisations.id, orgId));
  return org?.settings?.mainWebsite || null;
}

/**
 * The health of every evidence URL of a fiscal year's cards that has been checked, by URL, with
 * the flags as of now (the office's current main website). A URL not in the map has not been
 * checked yet (added since the last daily pass); the app's own `/files/...` addresses are never
 * in it (they are not fetched: healthy). The export (issue 18, part 5) reads this.
 */
export async function healthOfYear(db: Db, orgId: string, fiscalYearId: string): Promise<Map<string, LinkHealth>> {
  const [rows, mainWebsite] = await Promise.all([
    db
      .selectDistinct({ url: linkChecks.url, status: linkChecks.status, finalUrl: linkChecks.finalUrl, error: linkChecks.error, checkedAt: linkChecks.checkedAt })
      .from(evidenceLinks)
      .innerJoin(cards, and(eq(cards.id, evidenceLinks.cardId), eq(cards.orgId, orgId), eq(cards.fiscalYearId, fiscalYearId)))
      .innerJoin(linkChecks, and(eq(linkChecks.orgId, evidenceLinks.orgId), eq(linkChecks.url, evidenceLinks.url)))
      .where(eq(evidenceLinks.orgId, orgId)),
    mainWebsiteOf(db, orgId),
  ]);
  return new Map(rows.map((r) => [r.url, toHealth(r.url, r, r.checkedAt, mainWebsite)]));
}

function toHealth(url: string, result: LinkCheckResult, checkedAt: number, mainWebsite: string | null): LinkHealth {
  return { flags: linkFlags(url, result, mainWebsite), status: result.status, checkedAt, finalUrl: result.finalUrl };
}

/** Flags of the year's URLs, checked or not: checked ones from their result, the others from their address (checkedAt null). */
export async function flagsOfYear(db: Db, orgId: string, fiscalYearId: string, urls: Iterable<string>): Promise<Map<string, LinkHealth | { flags: LinkFlag[]; status: null; checkedAt: null; finalUrl: null }>> {
  const [checked, mainWebsite] = await Promise.all([healthOfYear(db, orgId, fiscalYearId), mainWebsiteOf(db, orgId)]);
  const out = new Map<string, LinkHealth | { flags: LinkFlag[]; status: null; checkedAt: null; finalUrl: null }>();
  for (const url of urls) {
    if (out.has(url)) continue;
    out.set(url, checked.get(url) ?? { flags: linkFlags(url, null, mainWebsite), status: null, checkedAt: null, finalUrl: null });
  }
  return out;
}

/**
 * Every evidence link of a fiscal year (or of one card) with its health as of now: checked links
 * from their last check, the others from their address alone (checkedAt null).
 */
export async function evidenceHealth(db: Db, orgId: string, where: { fiscalYearId: string } | { cardId: string }): Promise<EvidenceHealth[]> {
  const scope = 'cardId' in where ? eq(cards.id, where.cardId) : eq(cards.fiscalYearId, where.fiscalYearId);
  const [rows, mainWebsite] = await Promise.all([
    db
      .select({ id: evidenceLinks.id, cardId: evidenceLinks.cardId, url: evidenceLinks.url, status: linkChecks.status, finalUrl: linkChecks.finalUrl, error: linkChecks.error, checkedAt: linkChecks.checkedAt })
      .from(evidenceLinks)
      .innerJoin(cards, and(eq(cards.id, evidenceLinks.cardId), eq(cards.orgId, orgId), scope))
      .leftJoin(linkChecks, and(eq(linkChecks.orgId, evidenceLinks.orgId), eq(linkChecks.url, evidenceLinks.url)))
      .where(eq(evidenceLinks.orgId, orgId)),
    mainWebsiteOf(db, orgId),
  ]);
  return rows.map((r) => {
    const result = r.checkedAt === null ? null : { status: r.status, finalUrl: r.finalUrl, error: r.error };
    return { id: r.id, cardId: r.cardId, url: r.url, flags: linkFlags(r.url, result, mainWebsite), status: r.status, finalUrl: r.finalUrl, error: r.error, checkedAt: r.checkedAt };
  });
}

/** One (office, URL) the daily check visits, in its order (office id, then URL). */
export interface LinkToCheck {
  orgId: string;
  url: string;
}

/**
 * The next URLs to check after `after` in the order (office, URL), at most `limit`: the distinct
 * evidence URLs of every office's board of fiscal year `beYear` (the current one) unless that
 * year is archived, without the app's own addresses.
 */
export async function nextLinksToCheck(db: Db, beYear: number, after: LinkToCheck | null, limit: number): Promise<LinkToCheck[]> {
  if (limit <= 0) return [];
  const position = after
    ? sql`and (${evidenceLinks.orgId} > ${after.orgId} or (${evidenceLinks.orgId} = ${after.orgId} and ${evidenceLinks.url} > ${after.url}))`
    : sql``;
  const rows = await db
    .selectDistinct({ orgId: evidenceLinks.orgId, url: evidenceLinks.url })
    .from(evidenceLinks)
    .innerJoin(cards, and(eq(cards.id, evidenceLinks.cardId), eq(cards.orgId, evidenceLinks.orgId)))
    .innerJoin(fiscalYears, eq(fiscalYears.id, cards.fiscalYearId))
    .where(sql`${fiscalYears.beYear} = ${beYear} and ${fiscalYears.archivedAt} is null and ${evidenceLinks.url} not like '/%' ${position}`)
    .orderBy(evidenceLinks.orgId, evidenceLinks.url)
    .limit(limit);
  return rows.filter((r) => !isOwnAddress(r.url));
}

export const CURSOR_ID = 'evidence';
export type LinkCursor = typeof linkCheckCursor.$inferSelect;

/**
 * Keeps the results of a batch of checks (the last one per office and URL replaces the one
 * before) and moves the cursor past them, in one D1 batch: a run cut short keeps both or neither.
 */
export async function saveLinkChecks(db: Db, results: (LinkToCheck & LinkCheckResult & { checkedAt: number })[], cursor: Omit<LinkCursor, 'id'>): Promise<void> {
  const statements = results.map((r) =>
    db
      .insert(linkChecks)
      .values(r)
      .onConflictDoUpdate({ target: [linkChecks.orgId, linkChecks.url], set: { status: r.status, finalUrl: r.finalUrl, error: r.error, checkedAt: r.checkedAt } }),
  );
  await db.batch([writeCursor(db, cursor), ...statements]);
}

export async function readCursor(db: Db): Promise<LinkCursor | null> {
  const [row] = await db.select().from(linkCheckCursor).where(eq(linkCheckCursor.id, CURSOR_ID));
  return row ?? null;
}

export function writeCursor(db: Db, cursor: Omit<LinkCursor, 'id'>) {
  return db
    .insert(linkCheckCursor)
    .values({ id: CURSOR_ID, ...cursor })
    .onConflictDoUpdate({ target: linkCheckCursor.id, set: cursor });
}

/** Sets (or clears, with null) the office's main website, with its audit entry; false: no such office. */
export async function setMainWebsite(db: Db, orgId: string, domain: string | null, entry: Parameters<typeof audit>[1]): Promise<boolean> {
  const settings =
    domain === null
      ? sql`json_remove(coalesce(${organisations.settings}, '{}'), '$.mainWebsite')`
      : sql`json_set(coalesce(${organisations.settings}, '{}'), '$.mainWebsite', ${domain})`;
  const [rows] = await db.batch([db.update(organisations).set({ settings }).where(eq(organisations.id, orgId)).returning({ id: organisations.id }), audit(db, entry)]);
  return rows.length > 0;
}
