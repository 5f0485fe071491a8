// The OIT submission's facts (issue 18, part 5): the year's catalogue, the evidence naming each
// item with the cards it hangs off (who may edit an item follows them), what was saved per item,
// and one item's save under its version. Not a card change: no board room, no card event; the
// save and its audit entry are one batch.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from './client';
import { auditLog, cards, evidenceLinks, oitItems, oitSubmissions, organisations, type FiscalYear } from './schema';
import type { CardScope } from '../domain/access';
import { isOwnAddress } from '../domain/link-health';
import { flagsOfYear } from './link-health';
import type { ItemFacts, SavedSubmission, SubmissionFields, UrlHealth } from '../domain/submission';
import type { SubmissionBody } from '../domain/schemas/submission';

export interface SubmissionEvidenceFact {
  url: string;
  note: string;
  oitCode: string | null;
  cardId: string;
}

export interface SubmissionFacts {
  org: { slug: string; nameTh: string; nameEn: string; thaiDigits: boolean };
  items: ItemFacts[];
  /** Every evidence link of the year's cards that names a code, oldest first. */
  evidence: SubmissionEvidenceFact[];
  /** The scope (lead group, groups, every-group flag) of each card those links hang off. */
  cards: Map<string, CardScope>;
  saved: Map<string, SavedSubmission>;
}

type SubmissionRow = typeof oitSubmissions.$inferSelect;

/** A stored row as the fields it holds. */
function savedOf(r: SubmissionRow): SavedSubmission {
  return {
    code: r.code,
    pageUrl: r.pageUrl,
    explanation: r.explanation,
    publishedInfo: r.publishedInfo,
    requester: { name: r.requesterName, position: r.requesterPosition, date: r.requestedOn },
    approver: { name: r.approverName, position: r.approverPosition, date: r.approvedOn },
    poster: { name: r.posterName, position: r.posterPosition, date: r.postedOn },
    version: r.version,
    updatedAt: r.updatedAt,
  };
}

/** The fields as columns (what a save writes). */
function columnsOf(f: SubmissionFields) {
  return {
    pageUrl: f.pageUrl,
    explanation: f.explanation,
    publishedInfo: f.publishedInfo,
    requesterName: f.requester.name,
    requesterPosition: f.requester.position,
    requestedOn: f.requester.date,
    approverName: f.approver.name,
    approverPosition: f.approver.position,
    approvedOn: f.approver.date,
    posterName: f.poster.name,
    posterPosition: f.poster.position,
    postedOn: f.poster.date,
  };
}

const yearEvidence = (db: Db, orgId: string, fy: FiscalYear, code?: string) =>
  db
    .select({ url: evidenceLinks.url, note: evidenceLinks.note, oitCode: evidenceLinks.oitCode, cardId: evidenceLinks.cardId, leadGroupId: cards.leadGroupId, groupIds: cards.groupIds, allGroups: cards.allGroups })
    .from(evidenceLinks)
    .innerJoin(cards, eq(cards.id, evidenceLinks.cardId))
    .where(
      and(
        eq(evidenceLinks.orgId, orgId),
        eq(cards.orgId, orgId),
        eq(cards.fiscalYearId, fy.id),
        code === undefined ? sql`${evidenceLinks.oitCode} is not null` : sql`upper(replace(${evidenceLinks.oitCode}, ' ', '')) = ${code}`,
      ),
    )
    .orderBy(asc(evidenceLinks.createdAt), asc(evidenceLinks.id));

const yearSaved = (db: Db, orgId: string, fy: FiscalYear) => and(eq(oitSubmissions.orgId, orgId), eq(oitSubmissions.fiscalYearId, fy.id));

type EvidenceWithCard = Awaited<ReturnType<typeof yearEvidence>>[number];

function splitEvidence(rows: EvidenceWithCard[]) {
  const cardScopes = new Map<string, CardScope>();
  const evidence = rows.map(({ leadGroupId, groupIds, allGroups, ...e }) => {
    cardScopes.set(e.cardId, { orgId: '', leadGroupId, groupIds, allGroups });
    return e;
  });
  return { evidence, cardScopes };
}

/** Everything the submission page and CSV show of one fiscal year, in one round trip. */
export async function readSubmission(db: Db, orgId: string, fy: FiscalYear): Promise<SubmissionFacts> {
  const [[org], items, evidenceRows, savedRows] = await db.batch([
    db.select({ slug: organisations.slug, nameTh: organisations.nameTh, nameEn: organisations.nameEn, settings: organisations.settings }).from(organisations).where(eq(organisations.id, orgId)),
    db
      .select({ code: oitItems.code, titleTh: oitItems.titleTh, titleEn: oitItems.titleEn, subIndicator: oitItems.subIndicator })
      .from(oitItems)
      .where(and(eq(oitItems.orgId, orgId), eq(oitItems.fiscalYearId, fy.id)))
      .orderBy(asc(oitItems.position), asc(oitItems.code)),
    yearEvidence(db, orgId, fy),
    db.select().from(oitSubmissions).where(yearSaved(db, orgId, fy)),
  ]);
  const { evidence, cardScopes } = splitEvidence(evidenceRows);
  for (const scope of cardScopes.values()) scope.orgId = orgId;
  return {
    org: { slug: org?.slug ?? '', nameTh: org?.nameTh ?? '', nameEn: org?.nameEn ?? '', thaiDigits: org?.settings?.thaiDigits === true },
    items,
    evidence,
    cards: cardScopes,
    saved: new Map(savedRows.map((r) => [r.code, savedOf(r)])),
  };
}

/** One item for a save: whether it is in the year's catalogue, the cards its evidence hangs off, and what is saved. */
export async function readSubmissionItem(db: Db, orgId: string, fy: FiscalYear, code: string) {
  const [[item], evidenceRows, [saved]] = await db.batch([
    db.select({ code: oitItems.code }).from(oitItems).where(and(eq(oitItems.orgId, orgId), eq(oitItems.fiscalYearId, fy.id), eq(oitItems.code, code))),
    yearEvidence(db, orgId, fy, code),
    db.select().from(oitSubmissions).where(and(yearSaved(db, orgId, fy), eq(oitSubmissions.code, code))),
  ]);
  const { cardScopes } = splitEvidence(evidenceRows);
  for (const scope of cardScopes.values()) scope.orgId = orgId;
  return { exists: item !== undefined, servingCards: [...cardScopes.values()], saved: saved ? savedOf(saved) : null };
}

/**
 * Saves one item's fields if its version is still `body.version` (0: nothing saved yet), with its
 * audit entry in the same batch (written only when the save took). False: someone saved first.
 */
export async function saveSubmission(
  db: Db,
  orgId: string,
  fy: FiscalYear,
  code: string,
  body: SubmissionBody,
  actor: { userId: string; ip: string | null; changed: string[] },
  now = Date.now(),
): Promise<boolean> {
  const { version, ...fields } = body;
  const next = version + 1;
  const values = { ...columnsOf(fields), version: next, updatedBy: actor.userId, updatedAt: now };
  const write =
    version === 0
      ? db.insert(oitSubmissions).values({ orgId, fiscalYearId: fy.id, code, ...values }).onConflictDoNothing().returning({ version: oitSubmissions.version })
      : db
          .update(oitSubmissions)
          .set(values)
          .where(and(yearSaved(db, orgId, fy), eq(oitSubmissions.code, code), eq(oitSubmissions.version, version)))
          .returning({ version: oitSubmissions.version });
  const detail = JSON.stringify({ beYear: fy.beYear, code, version: next, changed: actor.changed });
  const [written] = await db.batch([
    write,
    db.insert(auditLog).select(
      sql`SELECT NULL, ${orgId}, ${actor.userId}, 'oit.submission_saved', ${detail}, ${actor.ip}, ${now}
          WHERE EXISTS (SELECT 1 FROM ${oitSubmissions} WHERE ${oitSubmissions.orgId} = ${orgId} AND ${oitSubmissions.fiscalYearId} = ${fy.id}
            AND ${oitSubmissions.code} = ${code} AND ${oitSubmissions.version} = ${next} AND ${oitSubmissions.updatedAt} = ${now} AND ${oitSubmissions.updatedBy} = ${actor.userId})`,
    ),
  ]);
  return written.length > 0;
}

/**
 * The health of the year's evidence addresses as the daily link check keeps it (db/link-health.ts):
 * a checked address with its flags as of now; one not checked yet with the flags its address
 * alone earns (a file-sharing host, plain http, another site than the office's), or null when it
 * earns none; the board's own files (`/files/...`) are never fetched and always healthy.
 */
export async function submissionHealth(db: Db, orgId: string, fy: FiscalYear, urls: readonly string[]): Promise<(url: string) => UrlHealth | null> {
  const known = await flagsOfYear(db, orgId, fy.id, urls);
  return (url) => {
    if (isOwnAddress(url)) return { checkedAt: null, flags: [] };
    const h = known.get(url);
    if (!h || (h.checkedAt === null && h.flags.length === 0)) return null;
    return { checkedAt: h.checkedAt, flags: h.flags };
  };
}
