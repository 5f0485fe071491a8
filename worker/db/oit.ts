// The fiscal year's OIT catalogue and its readiness. An item "has evidence" when an evidence link
// on one of the year's cards names its code; the guards below are written into the statements
// themselves (not checked first and written after), so evidence added at the same moment cannot
// slip under a deleted item.
import { oitCatalogueWrite } from './aggregates';
import { and, asc, eq, not, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { isUniqueViolation, type Db } from './client';
import { boardColumns, cards, evidenceLinks, fiscalYears, measures, oitItems, organisations, type FiscalYear } from './schema';
import { findFiscalYear, toFiscalYearView } from './board';
import { evidenceHealth } from './link-health';
import { insertChunks } from './insert-rows';
import { appError } from '../domain/errors';
import { bangkokToday } from '../domain/fiscal-year';
import { categoryLookup } from '../domain/progress';
import {
  assessReadiness,
  type CardRef,
  type CatalogueRow,
  type OitItemInfo,
} from '../domain/readiness';
import type { OitReadinessView } from '../domain/views';
import type { OitItemInput } from '../domain/schemas/oit';

const itemFields = {
  id: oitItems.id,
  code: oitItems.code,
  titleTh: oitItems.titleTh,
  titleEn: oitItems.titleEn,
  subIndicator: oitItems.subIndicator,
  position: oitItems.position,
};

/** True while some evidence link of the item's year names the item's code (correlated). */
const itemHasEvidence = sql`exists (select 1 from "evidence_links" e join "cards" c on c."id" = e."card_id"
  where c."fiscal_year_id" = "oit_items"."fiscal_year_id" and e."org_id" = "oit_items"."org_id"
  and upper(replace(e."oit_code", ' ', '')) = "oit_items"."code")`;

const hasEvidenceError = (code: string) =>
  appError(409, 'item_has_evidence', { code });

const codeTaken = (code: string) =>
  appError(409, 'code_exists', { code });

export async function loadReadiness(db: Db, orgId: string, beYear: number, canEdit: boolean, now = Date.now()): Promise<OitReadinessView> {
  const fy = await findFiscalYear(db, orgId, beYear);
  const inYear = and(eq(cards.orgId, orgId), eq(cards.fiscalYearId, fy.id));
  const [[org], items, evidence, cardRows, measureRows, columns] = await db.batch([
    db.select({ slug: organisations.slug, settings: organisations.settings }).from(organisations).where(eq(organisations.id, orgId)),
    db.select(itemFields).from(oitItems).where(and(eq(oitItems.orgId, orgId), eq(oitItems.fiscalYearId, fy.id))).orderBy(asc(oitItems.position)),
    db
      .select({ id: evidenceLinks.id, cardId: evidenceLinks.cardId, url: evidenceLinks.url, note: evidenceLinks.note, oitCode: evidenceLinks.oitCode, createdAt: evidenceLinks.createdAt })
      .from(evidenceLinks)
      .innerJoin(cards, eq(cards.id, evidenceLinks.cardId))
      .where(and(eq(evidenceLinks.orgId, orgId), inYear))
      .orderBy(asc(evidenceLinks.createdAt)),
    db.select({ id: cards.id, measureId: cards.measureId, stepNumber: cards.stepNumber, title: cards.title, columnId: cards.columnId }).from(cards).where(inYear),
    db.select({ id: measures.id, number: measures.number }).from(measures).where(and(eq(measures.orgId, orgId), eq(measures.fiscalYearId, fy.id))),
    db.select({ id: boardColumns.id, category: boardColumns.category }).from(boardColumns).where(and(eq(boardColumns.orgId, orgId), eq(boardColumns.fiscalYearId, fy.id))),
  ]);
  const categoryOf = categoryLookup(columns.map((c) => ({ ...c, key: '', labelTh: '', labelEn: '', position: 0 })));
  const measureNumber = new Map(measureRows.map((m) => [m.id, m.number]));
  const refs = new Map<string, CardRef>(
    cardRows.map((c) => [c.id, { id: c.id, measureNumber: measureNumber.get(c.measureId) ?? null, stepNumber: c.stepNumber, title: c.title, category: categoryOf(c.columnId) }]),
  );
  const settings = org?.settings ?? {};
  const deadline = fy.oitDeadline ?? null;
  const today = bangkokToday(new Date(now));
  const assessed = assessReadiness(items, evidence, refs, deadline, today);
  const health = await evidenceHealth(db, orgId, { fiscalYearId: fy.id });
  return {
    fiscalYear: toFiscalYearView(fy),
    today,
    // Published per fiscal year (fiscal_years.published): this year's choice.
    office: { slug: org?.slug ?? '', publicPage: fy.published === true, submissionDeadline: deadline },
    canEdit,
    ...assessed,
    linkHealth: Object.fromEntries(health.map((h) => [h.id, h])),
  };
}

export async function listItems(db: Db, orgId: string, fy: FiscalYear): Promise<OitItemInfo[]> {
  return db.select(itemFields).from(oitItems).where(and(eq(oitItems.orgId, orgId), eq(oitItems.fiscalYearId, fy.id))).orderBy(asc(oitItems.position), asc(oitItems.code));
}

export async function createItem(db: Db, orgId: string, fy: FiscalYear, input: OitItemInput): Promise<OitItemInfo> {
  try {
    const [[row]] = await db.batch([db.insert(oitItems).values({ id: crypto.randomUUID(), orgId, fiscalYearId: fy.id, ...input }).returning(itemFields), oitCatalogueWrite(db, fy.id)]);
    return row!;
  } catch (e) {
    if (isUniqueViolation(e)) throw codeTaken(input.code);
    throw e;
  }
}

const itemWhere = (orgId: string, fy: FiscalYear, id: string) => and(eq(oitItems.id, id), eq(oitItems.orgId, orgId), eq(oitItems.fiscalYearId, fy.id));

async function findItem(db: Db, orgId: string, fy: FiscalYear, id: string) {
  const [item] = await db.select(itemFields).from(oitItems).where(itemWhere(orgId, fy, id));
  if (!item) throw appError(404, 'not_found.oit_item');
  return item;
}

export async function updateItem(db: Db, orgId: string, fy: FiscalYear, id: string, patch: Partial<OitItemInput>): Promise<OitItemInfo> {
  const item = await findItem(db, orgId, fy, id);
  const renaming = patch.code !== undefined && patch.code !== item.code;
  // A new code would leave the item's evidence pointing at nothing: only allowed without evidence.
  const where = renaming ? and(itemWhere(orgId, fy, id), not(itemHasEvidence)) : itemWhere(orgId, fy, id);
  try {
    const [row] = await db.update(oitItems).set(patch).where(where).returning(itemFields);
    if (row) return row;
  } catch (e) {
    if (isUniqueViolation(e)) throw codeTaken(patch.code!);
    throw e;
  }
  await findItem(db, orgId, fy, id);
  throw hasEvidenceError(item.code);
}

export async function deleteItem(db: Db, orgId: string, fy: FiscalYear, id: string): Promise<OitItemInfo> {
  const [[row]] = await db.batch([db.delete(oitItems).where(and(itemWhere(orgId, fy, id), not(itemHasEvidence))).returning(itemFields), oitCatalogueWrite(db, fy.id)]);
  if (row) return row;
  const item = await findItem(db, orgId, fy, id);
  throw hasEvidenceError(item.code);
}

/** Adds new codes and updates the titles and order of listed ones, in one atomic batch. */
export async function importItems(db: Db, orgId: string, fy: FiscalYear, rows: readonly (CatalogueRow & { position: number })[]): Promise<void> {
  if (rows.length === 0) return;
  const values = rows.map((r) => ({ id: crypto.randomUUID(), orgId, fiscalYearId: fy.id, ...r }));
  const statements: BatchItem<'sqlite'>[] = insertChunks(oitItems, values).map((part) =>
    db
      .insert(oitItems)
      .values(part)
      .onConflictDoUpdate({
        target: [oitItems.fiscalYearId, oitItems.code],
        set: { titleTh: sql`excluded.title_th`, titleEn: sql`excluded.title_en`, subIndicator: sql`excluded.sub_indicator`, position: sql`excluded.position` },
      }),
  );
  statements.push(oitCatalogueWrite(db, fy.id));
  await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
}

/** Sets (or, with null, clears) the OIT submission deadline of one fiscal year of the office. */
export function setOitDeadline(db: Db, orgId: string, fy: FiscalYear, deadline: string | null) {
  return db
    .update(fiscalYears)
    .set({ oitDeadline: deadline })
    .where(and(eq(fiscalYears.id, fy.id), eq(fiscalYears.orgId, orgId)))
    .returning({ beYear: fiscalYears.beYear, oitDeadline: fiscalYears.oitDeadline });
}
