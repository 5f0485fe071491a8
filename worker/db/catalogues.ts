// OIT catalogue versions and the years that use them. A version is kept as imported; moving a
// year onto one replaces the year's working items (oit_items) and re-codes its evidence through
// the crosswalk the administrator confirmed, in one batch with an 'evidence.recoded' event per
// link re-coded, chained after the year's head (so the log replays to the board, and a writer
// that read the same head loses on the unique seq and the loser starts again from fresh reads).
import { and, asc, eq, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { isUniqueViolation, type Db } from './client';
import { cardEvents, cards, evidenceLinks, fiscalYears, oitCatalogueYears, oitCatalogues, oitItems, oitSubmissions, type CrosswalkEntry, type FiscalYear } from './schema';
import { chainEvents, chainHeadQuery, headOf } from './events';
import { audit } from './auth';
import { rebuildAggregates } from './aggregates';
import { insertRows } from './insert-rows';
import { appError, boardBusy, yearArchived } from '../domain/errors';
import type { Access, Actor } from '../domain/access';
import type { CatalogueRow } from '../domain/readiness';
import { codesInUse, codesLost, planRecoding, proposeCrosswalk, recodeKeyed, unmappedItems, type CrosswalkChoice, type CrosswalkItem } from '../domain/crosswalk';
import {
  SHIPPED_CATALOGUE_ID,
  type CatalogueApplyResponse,
  type CatalogueVersionView,
  type CataloguePlanResponse,
  type CatalogueVersionsResponse,
} from '../domain/contracts-catalogue';
import { OIT_ITEMS_2567 } from '../seed/oit-items-2567';

const MAX_ATTEMPTS = 8;

/** The version shipped with the app, as an office sees it until it applies it (then it is a row of its own). */
export const SHIPPED_CATALOGUE = {
  name: 'OIT 2566–2567 (43 ข้อ)',
  source: 'shared/reference/oit-items-2567.tsv: the 43 items education-sector agencies used for ITA 2566–2567 (shipped with ITA Board, worker/seed/oit-items-2567.ts)',
  items: OIT_ITEMS_2567 as CatalogueRow[],
};

export interface Catalogue {
  id: string;
  name: string;
  source: string;
  items: CatalogueRow[];
  shipped: boolean;
}

const sameList = (a: readonly CrosswalkItem[], b: readonly CrosswalkItem[]) =>
  a.length === b.length && a.every((x, i) => x.code === b[i]!.code && x.titleTh === b[i]!.titleTh);

export async function listCatalogues(db: Db, orgId: string): Promise<CatalogueVersionsResponse> {
  const [rows, uses, years, items] = await db.batch([
    db.select().from(oitCatalogues).where(eq(oitCatalogues.orgId, orgId)).orderBy(asc(oitCatalogues.createdAt)),
    db.select().from(oitCatalogueYears).where(eq(oitCatalogueYears.orgId, orgId)),
    db.select({ id: fiscalYears.id, beYear: fiscalYears.beYear, archivedAt: fiscalYears.archivedAt }).from(fiscalYears).where(eq(fiscalYears.orgId, orgId)),
    db.select({ fiscalYearId: oitItems.fiscalYearId, code: oitItems.code, titleTh: oitItems.titleTh }).from(oitItems).where(eq(oitItems.orgId, orgId)).orderBy(asc(oitItems.position), asc(oitItems.code)),
  ]);
  const use = new Map(uses.map((u) => [u.beYear, u]));
  const itemsOf = (fyId: string) => items.filter((i) => i.fiscalYearId === fyId);
  const shippedRow = rows.find((r) => r.name === SHIPPED_CATALOGUE.name);
  const shippedId = shippedRow?.id ?? SHIPPED_CATALOGUE_ID;
  // A year without a version whose list is the shipped one, item for item, uses the shipped version.
  const versionOf = (fy: { id: string; beYear: number }) => use.get(fy.beYear)?.catalogueId ?? (sameList(itemsOf(fy.id), SHIPPED_CATALOGUE.items) ? shippedId : null);
  const yearViews = [
    ...years.map((fy) => {
      const u = use.get(fy.beYear);
      const old = new Map((u?.crosswalk ?? []).map((e) => [e.oldCode, e]));
      return {
        beYear: fy.beYear,
        exists: true,
        archived: fy.archivedAt !== null,
        catalogueId: versionOf(fy),
        items: itemsOf(fy.id).length,
        unmapped: [...old.values()].filter((e) => e.newCode === null).map((e) => ({ code: e.oldCode, titleTh: e.oldTitle })),
      };
    }),
    ...uses.filter((u) => !years.some((y) => y.beYear === u.beYear)).map((u) => ({ beYear: u.beYear, exists: false, archived: false, catalogueId: u.catalogueId, items: rows.find((r) => r.id === u.catalogueId)?.items.length ?? 0, unmapped: [] })),
  ].sort((a, b) => b.beYear - a.beYear);
  const yearsUsing = (id: string) => yearViews.filter((y) => y.catalogueId === id).map((y) => y.beYear);
  const catalogues: CatalogueVersionView[] = rows.map((r) => ({ id: r.id, name: r.name, source: r.source, items: r.items.length, shipped: r.id === shippedRow?.id, createdAt: r.createdAt, years: yearsUsing(r.id) }));
  if (!shippedRow) catalogues.unshift({ id: SHIPPED_CATALOGUE_ID, name: SHIPPED_CATALOGUE.name, source: SHIPPED_CATALOGUE.source, items: SHIPPED_CATALOGUE.items.length, shipped: true, createdAt: null, years: yearsUsing(SHIPPED_CATALOGUE_ID) });
  return { catalogues, years: yearViews };
}

export async function createCatalogue(db: Db, actor: Actor, input: { name: string; source: string; items: CatalogueRow[] }, ip: string | null): Promise<Catalogue> {
  const id = crypto.randomUUID();
  try {
    await db.batch([
      db.insert(oitCatalogues).values({ id, orgId: actor.orgId, name: input.name, source: input.source, items: input.items, createdBy: actor.userId }),
      audit(db, { orgId: actor.orgId, userId: actor.userId, action: 'oit.catalogue_created', detail: { id, name: input.name, items: input.items.length }, ip }),
    ]);
  } catch (e) {
    if (isUniqueViolation(e)) throw appError(409, 'catalogue_name_exists', { name: input.name });
    throw e;
  }
  return { id, ...input, shipped: false };
}

export async function findCatalogue(db: Db, orgId: string, id: string): Promise<Catalogue> {
  if (id === SHIPPED_CATALOGUE_ID) {
    const [row] = await db.select().from(oitCatalogues).where(and(eq(oitCatalogues.orgId, orgId), eq(oitCatalogues.name, SHIPPED_CATALOGUE.name)));
    return { id: row?.id ?? SHIPPED_CATALOGUE_ID, ...SHIPPED_CATALOGUE, shipped: true };
  }
  const [row] = await db.select().from(oitCatalogues).where(and(eq(oitCatalogues.orgId, orgId), eq(oitCatalogues.id, id)));
  if (!row) throw appError(404, 'not_found.catalogue');
  return { id: row.id, name: row.name, source: row.source, items: row.items, shipped: row.name === SHIPPED_CATALOGUE.name };
}

async function maybeYear(db: Db, orgId: string, beYear: number): Promise<FiscalYear | null> {
  const [fy] = await db.select().from(fiscalYears).where(and(eq(fiscalYears.orgId, orgId), eq(fiscalYears.beYear, beYear))).limit(1);
  return fy ?? null;
}

/** The year's items and its evidence links (with their card and address), read in one batch after the head. */
function yearReads(db: Db, orgId: string, fy: FiscalYear) {
  return [
    chainHeadQuery(db, fy.id),
    db.select({ code: oitItems.code, titleTh: oitItems.titleTh }).from(oitItems).where(and(eq(oitItems.orgId, orgId), eq(oitItems.fiscalYearId, fy.id))).orderBy(asc(oitItems.position), asc(oitItems.code)),
    db
      .select({ id: evidenceLinks.id, cardId: evidenceLinks.cardId, oitCode: evidenceLinks.oitCode, url: evidenceLinks.url })
      .from(evidenceLinks)
      .innerJoin(cards, eq(cards.id, evidenceLinks.cardId))
      .where(and(eq(evidenceLinks.orgId, orgId), eq(cards.orgId, orgId), eq(cards.fiscalYearId, fy.id)))
      .orderBy(asc(evidenceLinks.createdAt), asc(evidenceLinks.id)),
    db.select({ archivedAt: fiscalYears.archivedAt }).from(fiscalYears).where(eq(fiscalYears.id, fy.id)),
    // The submission's per-item fields (db/submission.ts), keyed by code: carried through the crosswalk too.
    db.select().from(oitSubmissions).where(and(eq(oitSubmissions.orgId, orgId), eq(oitSubmissions.fiscalYearId, fy.id))),
  ] as const;
}

export async function planCatalogue(db: Db, orgId: string, catalogue: Catalogue, beYear: number): Promise<CataloguePlanResponse> {
  const fy = await maybeYear(db, orgId, beYear);
  const base = { beYear, catalogue: { id: catalogue.id, name: catalogue.name, source: catalogue.source, items: catalogue.items } };
  if (!fy) return { ...base, exists: false, current: [], proposal: [], inUse: [], lost: [] };
  const [, current, links] = await db.batch(yearReads(db, orgId, fy));
  return {
    ...base,
    exists: true,
    current,
    proposal: proposeCrosswalk(current, catalogue.items),
    inUse: codesInUse(links),
    lost: codesLost(links, current, catalogue.items),
  };
}

/** The statements that make `beYear` use the version: its row materialised first when it is the shipped one. */
function assignStatements(db: Db, actor: Actor, catalogue: Catalogue, beYear: number, crosswalk: CrosswalkEntry[], now: number): BatchItem<'sqlite'>[] {
  const materialise = catalogue.shipped && catalogue.id === SHIPPED_CATALOGUE_ID;
  const catalogueId = materialise
    ? sql`(select "id" from "oit_catalogues" where "org_id" = ${actor.orgId} and "name" = ${SHIPPED_CATALOGUE.name})`
    : catalogue.id;
  return [
    ...(materialise
      ? [db.insert(oitCatalogues).values({ id: crypto.randomUUID(), orgId: actor.orgId, name: SHIPPED_CATALOGUE.name, source: SHIPPED_CATALOGUE.source, items: SHIPPED_CATALOGUE.items, createdBy: actor.userId }).onConflictDoNothing()]
      : []),
    db
      .insert(oitCatalogueYears)
      .values({ id: crypto.randomUUID(), orgId: actor.orgId, beYear, catalogueId, crosswalk, appliedBy: actor.userId, appliedAt: now })
      .onConflictDoUpdate({ target: [oitCatalogueYears.orgId, oitCatalogueYears.beYear], set: { catalogueId, crosswalk, appliedBy: actor.userId, appliedAt: now } }),
  ];
}

/** The catalogue version a year not created yet was given, for its rollover; null when none. */
export async function catalogueForYear(db: Db, orgId: string, beYear: number): Promise<Catalogue | null> {
  const [row] = await db
    .select({ id: oitCatalogues.id, name: oitCatalogues.name, source: oitCatalogues.source, items: oitCatalogues.items })
    .from(oitCatalogueYears)
    .innerJoin(oitCatalogues, eq(oitCatalogues.id, oitCatalogueYears.catalogueId))
    .where(and(eq(oitCatalogueYears.orgId, orgId), eq(oitCatalogueYears.beYear, beYear)));
  return row ? { ...row, shipped: row.name === SHIPPED_CATALOGUE.name } : null;
}

/** The confirmed crosswalk as kept with the year: every old item, its new code (or none) and the proposal's score. */
export function crosswalkEntries(current: readonly CrosswalkItem[], newItems: readonly CrosswalkItem[], choices: readonly CrosswalkChoice[]): CrosswalkEntry[] {
  const chosen = new Map(choices.map((c) => [c.oldCode.replace(/\s+/g, '').toUpperCase(), c.newCode]));
  return proposeCrosswalk(current, newItems).map((r) => ({
    oldCode: r.oldCode,
    oldTitle: r.oldTitle,
    newCode: chosen.has(r.oldCode) ? chosen.get(r.oldCode)! : r.newCode,
    score: r.score,
  }));
}

/** The crosswalk problem as the error the administrator reads. */
function crosswalkError(problem: NonNullable<ReturnType<typeof planRecoding>['problem']>) {
  switch (problem.kind) {
    case 'unknown_new_code':
      return appError(422, 'crosswalk_unknown_code', { code: problem.code });
    case 'unanswered':
      return appError(409, 'crosswalk_required', { codes: problem.codes.join(', ') }, { details: problem.codes });
    case 'unmapped_unconfirmed':
      return appError(409, 'crosswalk_unconfirmed', { codes: problem.codes.join(', ') }, { details: problem.codes });
  }
}

/**
 * Moves `beYear` onto the version. A year not created yet is only named (its rollover takes the
 * version). An existing year gets the version's items in place of its own, and its evidence is
 * re-coded through the confirmed crosswalk, all in one batch with its events and an audit entry.
 */
export async function applyCatalogue(
  db: Db,
  actor: Actor,
  access: Access,
  catalogue: Catalogue,
  request: { beYear: number; crosswalk: CrosswalkChoice[]; confirmUnmapped: boolean },
  ip: string | null,
): Promise<CatalogueApplyResponse & { fiscalYearId: string | null }> {
  const { beYear } = request;
  const fy = await maybeYear(db, actor.orgId, beYear);
  const now = Date.now();
  if (!fy) {
    const statements: BatchItem<'sqlite'>[] = [
      ...assignStatements(db, actor, catalogue, beYear, [], now),
      audit(db, { orgId: actor.orgId, userId: actor.userId, action: 'oit.catalogue_applied', detail: { beYear, catalogue: catalogue.name, recoded: 0 }, ip }),
    ];
    await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
    return { beYear, yearExists: false, catalogueId: catalogue.id, recoded: 0, unmappedInUse: [], unmappedItems: [], items: catalogue.items.length, fiscalYearId: null };
  }
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const [headRows, current, links, [year], submissions] = await db.batch(yearReads(db, actor.orgId, fy));
    if (year && !access.writesYear({ orgId: fy.orgId, archivedAt: year.archivedAt })) throw yearArchived(beYear);
    const plan = planRecoding(links, catalogue.items, request.crosswalk, request.confirmUnmapped);
    if (plan.problem) throw crosswalkError(plan.problem);
    const url = new Map(links.map((l) => [l.id, l.url]));
    const eventRows = await chainEvents(
      headOf(headRows),
      { orgId: actor.orgId, fiscalYearId: fy.id, actorUserId: actor.userId, at: now },
      plan.recodes.map((r) => ({
        cardId: r.cardId,
        kind: 'evidence.recoded',
        before: { evidenceId: r.evidenceId, oitCode: r.from },
        after: { evidenceId: r.evidenceId, oitCode: r.to, url: url.get(r.evidenceId) ?? '' },
      })),
    );
    const entries = crosswalkEntries(current, catalogue.items, request.crosswalk);
    const itemRows = catalogue.items.map((item, position) => ({ id: crypto.randomUUID(), orgId: actor.orgId, fiscalYearId: fy.id, ...item, position }));
    const unmapped = unmappedItems(current, request.crosswalk, catalogue.items);
    // A moved row's version advances, so a page still holding it under its old code saves nothing over it.
    // In the old list's order: of two rows landing on one code, the earlier item's takes it.
    const rank = new Map(current.map((c, i) => [c.code, i]));
    submissions.sort((a, b) => (rank.get(a.code) ?? 1e9) - (rank.get(b.code) ?? 1e9) || a.code.localeCompare(b.code));
    const submitted = recodeKeyed(submissions, request.crosswalk);
    const movedFrom = new Set(submitted.moved.map((m) => m.from));
    const submissionRows = submitted.rows.map((r, i) => (movedFrom.has(submissions[i]!.code) ? { ...r, version: r.version + 1, updatedAt: now, updatedBy: actor.userId } : r));
    const statements: BatchItem<'sqlite'>[] = [
      ...eventRows.map((row) => db.insert(cardEvents).values(row)),
      ...plan.recodes.map((r) =>
        db
          .update(evidenceLinks)
          .set({ oitCode: r.to })
          .where(and(eq(evidenceLinks.id, r.evidenceId), eq(evidenceLinks.orgId, actor.orgId), eq(evidenceLinks.oitCode, r.from)))
          .returning({ id: evidenceLinks.id }),
      ),
      db.delete(oitItems).where(and(eq(oitItems.orgId, actor.orgId), eq(oitItems.fiscalYearId, fy.id))),
      ...insertRows(db, oitItems, itemRows),
      ...(submitted.moved.length > 0
        ? [
            db.delete(oitSubmissions).where(and(eq(oitSubmissions.orgId, actor.orgId), eq(oitSubmissions.fiscalYearId, fy.id))),
            ...insertRows(db, oitSubmissions, submissionRows),
          ]
        : []),
      // The roll-up's counts by OIT code and the catalogue's size, after the re-coding.
      ...rebuildAggregates(db, fy.id),
      ...assignStatements(db, actor, catalogue, beYear, entries, now),
      audit(db, {
        orgId: actor.orgId,
        userId: actor.userId,
        action: 'oit.catalogue_applied',
        detail: { beYear, catalogue: catalogue.name, recoded: plan.recodes.length, crosswalk: entries.map((e) => `${e.oldCode}→${e.newCode ?? '-'}`), unmappedInUse: plan.unmapped.map((u) => u.code), submissions: submitted.moved.map((m) => `${m.from}→${m.to}`) },
        ip,
      }),
    ];
    try {
      const results = await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
      const updated = results.slice(eventRows.length, eventRows.length + plan.recodes.length) as { id: string }[][];
      // Every re-code writes its event, so a lost race fails on the seq; an empty update would
      // mean the link changed without an event somewhere else. Refuse loudly.
      updated.forEach((rows, i) => {
        if (rows.length !== 1) throw new Error(`evidence ${plan.recodes[i]!.evidenceId} changed without an event`);
      });
      return { beYear, yearExists: true, catalogueId: catalogue.id, recoded: plan.recodes.length, unmappedInUse: plan.unmapped, unmappedItems: unmapped, items: itemRows.length, fiscalYearId: fy.id };
    } catch (e) {
      if (isUniqueViolation(e)) continue;
      throw e;
    }
  }
  throw boardBusy();
}
