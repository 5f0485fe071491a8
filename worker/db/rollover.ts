// Starting the next fiscal year from this one: the same columns, measures and steps (one card
// each), and the OIT catalogue, but none of the progress — every card starts in the first column
// with no evidence or comments, a fresh checklist from its measure's monitoring requirements and
// its due date a year later. Groups belong to the office and carry over by themselves. The whole
// year, with a chained 'card.created' event per card, is written in one atomic batch.
import { rebuildAggregates } from './aggregates';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { isUniqueViolation, type Db } from './client';
import { boardColumns, cardEvents, cards, comments, evidenceLinks, fiscalYears, groups, measures, oitItems } from './schema';
import { chainEvents, headOf, type NewEvent } from './events';
import { audit } from './auth';
import { insertRows } from './insert-rows';
import { appError, errorMessages, type ErrorParams } from '../domain/errors';
import { fiscalYearBounds } from '../domain/fiscal-year';
import { keysAfter } from '../domain/ordering';
import { readScheduleEntries, reportScheduleStatements } from './report-schedule';
import { clockNow } from './clock';
import { scheduleOn } from '../domain/report-schedule';
import type { RolloverPreview, RolloverWarning } from '../domain/views';
import { catalogueForYear, crosswalkEntries, type Catalogue } from './catalogues';
import { proposeCrosswalk, type CrosswalkChoice } from '../domain/crosswalk';
import { oitCatalogueYears } from './schema';

/** The same calendar day `years` later; 29 February becomes 28 February unless that year has one. */
export function shiftYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-');
  const to = Number(y) + years;
  const leap = (to % 4 === 0 && to % 100 !== 0) || to % 400 === 0;
  const day = m === '02' && d === '29' && !leap ? '28' : d;
  return `${to}-${m}-${day}`;
}

/** The same calendar day a year later; 29 February becomes 28 February. */
export function shiftOneYear(iso: string): string {
  return shiftYears(iso, 1);
}

/** "due dates move 3 years on" / "2 years back", in Thai and English. */
export function shiftWords(years: number): { th: string; en: string } {
  return years >= 0
    ? { th: `เลื่อนไป ${years} ปี`, en: `move ${years} year${years === 1 ? '' : 's'} on` }
    : { th: `เลื่อนย้อนกลับ ${-years} ปี`, en: `move ${-years} year${years === -1 ? '' : 's'} back` };
}

/** The title with the source year replaced by the target year, in the digits it was written in. */
export function retitle(title: string, from: number, to: number): string {
  const thai = (n: number) => String(n).replace(/\d/g, (d) => String.fromCharCode(0x0e50 + Number(d)));
  const replaced = title.replaceAll(String(from), String(to)).replaceAll(thai(from), thai(to));
  return replaced === title && title ? `${title} (ปีงบประมาณ พ.ศ. ${to})` : replaced;
}

async function readSource(db: Db, orgId: string, from: number, to: number) {
  const fyId = sql`(select "id" from "fiscal_years" where "org_id" = ${orgId} and "be_year" = ${from})`;
  const [[source], [target], cols, ms, cs, items, [groupCount], [evidenceCount], [commentCount]] = await db.batch([
    db.select().from(fiscalYears).where(and(eq(fiscalYears.orgId, orgId), eq(fiscalYears.beYear, from))),
    db.select({ id: fiscalYears.id }).from(fiscalYears).where(and(eq(fiscalYears.orgId, orgId), eq(fiscalYears.beYear, to))),
    db.select().from(boardColumns).where(and(eq(boardColumns.orgId, orgId), eq(boardColumns.fiscalYearId, fyId))).orderBy(asc(boardColumns.position)),
    db.select().from(measures).where(and(eq(measures.orgId, orgId), eq(measures.fiscalYearId, fyId))).orderBy(asc(measures.section), asc(measures.number)),
    db.select().from(cards).where(and(eq(cards.orgId, orgId), eq(cards.fiscalYearId, fyId))).orderBy(asc(cards.stepNumber), asc(cards.orderKey)),
    db.select().from(oitItems).where(and(eq(oitItems.orgId, orgId), eq(oitItems.fiscalYearId, fyId))).orderBy(asc(oitItems.position)),
    db.select({ n: count() }).from(groups).where(eq(groups.orgId, orgId)),
    db.select({ n: count() }).from(evidenceLinks).innerJoin(cards, eq(cards.id, evidenceLinks.cardId)).where(and(eq(evidenceLinks.orgId, orgId), eq(cards.fiscalYearId, fyId))),
    db.select({ n: count() }).from(comments).innerJoin(cards, eq(cards.id, comments.cardId)).where(and(eq(comments.orgId, orgId), eq(cards.fiscalYearId, fyId))),
  ]);
  if (!source) throw appError(404, 'not_found.year', { year: from });
  if (target) throw yearExists(to);
  if (cols.length === 0) {
    throw appError(422, 'no_columns', { year: from });
  }
  // Cards in the order of their measures, then steps: the new board reads like the announcement.
  const measureRank = new Map(ms.map((m, i) => [m.id, i]));
  const ordered = cs.filter((c) => measureRank.has(c.measureId)).sort((a, b) => measureRank.get(a.measureId)! - measureRank.get(b.measureId)! || a.stepNumber - b.stepNumber);
  const done = new Set(cols.filter((c) => c.category === 'done').map((c) => c.id));
  return {
    source,
    cols,
    ms,
    cards: ordered,
    orphanCards: cs.length - ordered.length,
    items,
    groups: groupCount?.n ?? 0,
    evidence: evidenceCount?.n ?? 0,
    comments: commentCount?.n ?? 0,
    stepsDone: cs.filter((c) => done.has(c.columnId)).length,
  };
}

const yearExists = (to: number) =>
  appError(409, 'fiscal_year_exists', { year: to });

type RolloverWarningKey = 'not_next_year' | 'due_outside_year' | 'leap_day' | 'no_due_date' | 'no_oit_items' | 'check_oit_items' | 'oit_catalogue_version' | 'orphan_cards';

function warningsFor(src: Source, from: number, to: number, next: NextCatalogue): RolloverWarning[] {
  const w: RolloverWarning[] = [];
  const add = <K extends RolloverWarningKey>(key: K, params?: ErrorParams<K>) => w.push(errorMessages(key, params));
  const years = to - from;
  if (years !== 1) {
    const shift = shiftWords(years);
    add('not_next_year', (lang) => ({ to, from, shift: shift[lang] }));
  }
  const { startsOn, endsOn } = fiscalYearBounds(to);
  const shifted = src.cards.flatMap((c) => (c.dueOn ? [shiftYears(c.dueOn, years)] : []));
  const outside = shifted.filter((d) => d < startsOn || d > endsOn).length;
  if (outside > 0) add('due_outside_year', { outside, to });
  const leap = src.cards.filter((c) => c.dueOn?.endsWith('-02-29') && !shiftYears(c.dueOn, years).endsWith('-02-29')).length;
  if (leap > 0) add('leap_day', { leap });
  const undated = src.cards.filter((c) => !c.dueOn).length;
  if (undated > 0) add('no_due_date', { undated });
  if (next) {
    const unmapped = next.crosswalk.filter((r) => r.newCode === null).map((r) => r.oldCode);
    add('oit_catalogue_version', { to, name: next.catalogue.name, items: next.catalogue.items.length, mapped: next.crosswalk.length - unmapped.length, unmapped: unmapped.length, codes: unmapped.join(', ') || '–' });
  } else if (src.items.length === 0) add('no_oit_items', { from });
  else add('check_oit_items');
  if (src.orphanCards > 0) add('orphan_cards', { orphans: src.orphanCards });
  return w;
}

type Source = Awaited<ReturnType<typeof readSource>>;

/** The catalogue version named for the target year, when it is not the source year's list, with the proposed crosswalk. */
type NextCatalogue = { catalogue: Catalogue; crosswalk: ReturnType<typeof proposeCrosswalk> } | null;

async function nextCatalogue(db: Db, orgId: string, src: Source, to: number): Promise<NextCatalogue> {
  const catalogue = await catalogueForYear(db, orgId, to);
  if (!catalogue) return null;
  const same = catalogue.items.length === src.items.length && catalogue.items.every((i, n) => i.code === src.items[n]!.code && i.titleTh === src.items[n]!.titleTh);
  return same ? null : { catalogue, crosswalk: proposeCrosswalk(src.items, catalogue.items) };
}

export async function previewRollover(db: Db, orgId: string, from: number, to: number): Promise<RolloverPreview> {
  const src = await readSource(db, orgId, from, to);
  return describe(src, from, to, await nextCatalogue(db, orgId, src, to));
}

function describe(src: Source, from: number, to: number, next: NextCatalogue): RolloverPreview {
  return {
    from,
    to,
    yearsBetween: to - from,
    needsConfirmation: to !== from + 1,
    fiscalYear: { beYear: to, titleTh: retitle(src.source.titleTh, from, to), ...fiscalYearBounds(to) },
    columns: src.cols.map(({ key, labelTh, labelEn, category }) => ({ key, labelTh, labelEn, category })),
    measures: src.ms.map((m) => ({ number: m.number, title: m.title, steps: src.cards.filter((c) => c.measureId === m.id).length })),
    counts: { measures: src.ms.length, steps: src.cards.length, columns: src.cols.length, oitItems: next ? next.catalogue.items.length : src.items.length, groups: src.groups },
    notCarried: { evidence: src.evidence, comments: src.comments, stepsDone: src.stepsDone },
    warnings: warningsFor(src, from, to, next),
    ...(next ? { catalogue: { id: next.catalogue.id, name: next.catalogue.name, source: next.catalogue.source, items: next.catalogue.items.length, list: next.catalogue.items.map(({ code, titleTh }) => ({ code, titleTh })) }, crosswalk: next.crosswalk } : {}),
  };
}

export async function commitRollover(
  db: Db,
  orgId: string,
  actorUserId: string,
  from: number,
  to: number,
  options: { confirmNonAdjacent?: boolean; now?: number; crosswalk?: CrosswalkChoice[] } = {},
): Promise<RolloverPreview & { fiscalYearId: string }> {
  if (to !== from + 1 && !options.confirmNonAdjacent) {
    throw appError(409, 'confirm_non_adjacent', (lang) => ({ to, from, shift: shiftWords(to - from)[lang] }));
  }
  const src = await readSource(db, orgId, from, to);
  const next = await nextCatalogue(db, orgId, src, to);
  const preview = describe(src, from, to, next);
  const sourceSchedule = await readScheduleEntries(db, orgId, src.source.id);
  const scheduleAtEnd = scheduleOn(sourceSchedule, src.source.endsOn);
  const hasSchedule = sourceSchedule.length > 0;
  const fiscalYearId = crypto.randomUUID();
  const now = options.now ?? clockNow();
  const inYear = { orgId, fiscalYearId };
  const columnRows = src.cols.map((c) => ({ ...c, ...inYear, id: crypto.randomUUID() }));
  const firstColumn = columnRows[0]!;
  const measureId = new Map(src.ms.map((m) => [m.id, crypto.randomUUID()]));
  // The new year's measures are the office's own: no template was adopted for that year (its cards
  // carry no template step), so they leave the source year's template and count all their cards.
  const measureRows = src.ms.map((m) => ({ ...m, ...inYear, id: measureId.get(m.id)!, templateMeasureId: null }));
  const monitoring = new Map(src.ms.map((m) => [m.id, m.monitoring]));
  const keys = keysAfter(null, src.cards.length);
  const cardRows = src.cards.map((c, i) => ({
    id: crypto.randomUUID(),
    ...inYear,
    measureId: measureId.get(c.measureId)!,
    stepNumber: c.stepNumber,
    title: c.title,
    // Details are this year's working notes; the new year starts from the announced step.
    details: '',
    leadGroupId: c.leadGroupId,
    allGroups: c.allGroups,
    groupIds: c.groupIds,
    checklist: (monitoring.get(c.measureId) ?? []).map((text) => ({ id: crypto.randomUUID(), text, done: false })),
    columnId: firstColumn.id,
    orderKey: keys[i]!,
    dueOn: c.dueOn ? shiftYears(c.dueOn, to - from) : null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  }));
  const events: NewEvent[] = cardRows.map(({ id, orgId: _o, fiscalYearId: _f, createdAt: _c, updatedAt: _u, ...after }) => ({ cardId: id, kind: 'card.created', before: null, after }));
  // A new year's chain starts at the genesis hash.
  const eventRows = await chainEvents(headOf([]), { orgId, fiscalYearId, actorUserId, at: now }, events);
  // The year named a catalogue version of its own takes it; the crosswalk from the source year's
  // list (as proposed, or as the administrator corrected it) is kept with the year.
  const itemRows = next
    ? next.catalogue.items.map((i, position) => ({ ...i, position, ...inYear, id: crypto.randomUUID() }))
    : src.items.map((i) => ({ ...i, ...inYear, id: crypto.randomUUID() }));
  const crosswalk = next ? crosswalkEntries(src.items, next.catalogue.items, options.crosswalk ?? []) : [];
  const statements: BatchItem<'sqlite'>[] = [
    db.insert(fiscalYears).values({ id: fiscalYearId, orgId, beYear: to, ...fiscalYearBounds(to), titleTh: preview.fiscalYear.titleTh, createdAt: now }),
    // Rows per insert from the rows' own width: a column added to a table (a measure's template
    // id, issue 19) must not push an insert past D1's 100 bound parameters.
    ...insertRows(db, boardColumns, columnRows),
    ...insertRows(db, measures, measureRows),
    ...insertRows(db, cards, cardRows),
    ...insertRows(db, cardEvents, eventRows),
    ...insertRows(db, oitItems, itemRows),
    ...(next ? [db.update(oitCatalogueYears).set({ crosswalk, appliedBy: actorUserId, appliedAt: now }).where(and(eq(oitCatalogueYears.orgId, orgId), eq(oitCatalogueYears.beYear, to)))] : []),
    // The report rhythm carries over as it stood at the source year's end.
    ...(hasSchedule ? reportScheduleStatements(db, fiscalYearId, scheduleAtEnd) : []),
    // The roll-up's aggregates of the new board, from the rows above.
    ...rebuildAggregates(db, fiscalYearId),
    audit(db, { orgId, userId: actorUserId, action: 'fiscal_year.rolled_over', detail: { from, to, fiscalYearId, cards: cardRows.length } }),
  ];
  try {
    await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
  } catch (e) {
    // Another administrator created the year between our reads and this batch.
    if (isUniqueViolation(e)) throw yearExists(to);
    throw e;
  }
  return { ...preview, fiscalYearId };
}
