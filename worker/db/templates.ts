// Templates of parent bodies and their adoption by offices (issue 19): the working copy a parent
// imports into, the versions it publishes (frozen), an office's adoption (its measures and cards
// remember their template items) and its decisions on each difference a revision offers.
import { and, asc, desc, eq, inArray, isNull, max, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { isUniqueViolation, type Db } from './client';
import {
  boardColumns,
  cardEvents,
  cards,
  fiscalYears,
  measures,
  templateAdoptions,
  templateDecisions,
  templateMeasures,
  templates,
  templateSteps,
  templateVersions,
  type Template,
} from './schema';
import { chainEvents, chainHeadQuery, headOf, type ChainHead, type NewEvent } from './events';
import { createBoardFromImport } from './import';
import { chunk, insertChunks, insertRows } from './insert-rows';
import { rebuildAggregates } from './aggregates';
import { keysAfter } from '../domain/ordering';
import { appError } from '../domain/errors';
import type { TemplateChange, TemplateContent, TemplateMeasureContent, TemplateStepContent } from '../domain/template';

type Batch = [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]];

export async function templateOf(db: Db, orgId: string, beYear: number): Promise<Template | null> {
  const [row] = await db.select().from(templates).where(and(eq(templates.orgId, orgId), eq(templates.beYear, beYear)));
  return row ?? null;
}

export async function templateById(db: Db, id: string): Promise<Template | null> {
  const [row] = await db.select().from(templates).where(eq(templates.id, id));
  return row ?? null;
}

export async function templatesOfOrgs(db: Db, orgIds: readonly string[]): Promise<Template[]> {
  if (orgIds.length === 0) return [];
  return db.select().from(templates).where(inArray(templates.orgId, [...orgIds])).orderBy(desc(templates.beYear));
}

/** The working copy: measures and steps not removed, in order. */
export async function workingCopy(db: Db, templateId: string): Promise<TemplateMeasureContent[]> {
  const [ms, ss] = await db.batch([
    db.select().from(templateMeasures).where(and(eq(templateMeasures.templateId, templateId), isNull(templateMeasures.removedInVersion))).orderBy(asc(templateMeasures.section), asc(templateMeasures.number)),
    db.select().from(templateSteps).where(and(eq(templateSteps.templateId, templateId), isNull(templateSteps.removedInVersion))).orderBy(asc(templateSteps.stepNumber)),
  ]);
  return ms.map((m) => ({
    id: m.id,
    section: m.section,
    number: m.number,
    title: m.title,
    responsibleText: m.responsibleText,
    allGroups: m.allGroups,
    monitoring: m.monitoring,
    steps: ss
      .filter((s) => s.templateMeasureId === m.id)
      .map((s): TemplateStepContent => ({ id: s.id, stepNumber: s.stepNumber, title: s.title, responsibleText: s.responsibleText, dueOn: s.dueOn, monitoring: s.monitoring })),
  }));
}

/**
 * Writes the working copy (creating the template for the year if it has none): every item of
 * `copy` inserted or updated by id; items of the old copy not in it marked removed by the next version.
 */
export async function saveWorkingCopy(
  db: Db,
  input: { orgId: string; beYear: number; title: string; userId: string; existing: Template | null; copy: readonly TemplateMeasureContent[]; previous: readonly TemplateMeasureContent[] },
): Promise<string> {
  const now = Date.now();
  const templateId = input.existing?.id ?? crypto.randomUUID();
  const nextVersion = (input.existing?.version ?? 0) + 1;
  const keepMeasures = new Set(input.copy.map((m) => m.id));
  const keepSteps = new Set(input.copy.flatMap((m) => m.steps.map((s) => s.id)));
  const goneMeasures = input.previous.filter((m) => !keepMeasures.has(m.id)).map((m) => m.id);
  const goneSteps = input.previous.flatMap((m) => m.steps).filter((s) => !keepSteps.has(s.id)).map((s) => s.id);
  const measureRows = input.copy.map((m) => ({ id: m.id, templateId, section: m.section, number: m.number, title: m.title, responsibleText: m.responsibleText, allGroups: m.allGroups, monitoring: m.monitoring, removedInVersion: null }));
  const stepRows = input.copy.flatMap((m) =>
    m.steps.map((s) => ({ id: s.id, templateId, templateMeasureId: m.id, stepNumber: s.stepNumber, title: s.title, responsibleText: s.responsibleText, dueOn: s.dueOn, monitoring: s.monitoring, removedInVersion: null })),
  );
  const upsertMeasure = (rows: typeof measureRows) =>
    db.insert(templateMeasures).values(rows).onConflictDoUpdate({
      target: templateMeasures.id,
      set: { section: sql`excluded.section`, number: sql`excluded.number`, title: sql`excluded.title`, responsibleText: sql`excluded.responsible_text`, allGroups: sql`excluded.all_groups`, monitoring: sql`excluded.monitoring`, removedInVersion: null },
    });
  const upsertStep = (rows: typeof stepRows) =>
    db.insert(templateSteps).values(rows).onConflictDoUpdate({
      target: templateSteps.id,
      set: { templateMeasureId: sql`excluded.template_measure_id`, stepNumber: sql`excluded.step_number`, title: sql`excluded.title`, responsibleText: sql`excluded.responsible_text`, dueOn: sql`excluded.due_on`, monitoring: sql`excluded.monitoring`, removedInVersion: null },
    });
  const statements: BatchItem<'sqlite'>[] = [
    input.existing
      ? db.update(templates).set({ title: input.title, editedAt: now }).where(eq(templates.id, templateId))
      : db.insert(templates).values({ id: templateId, orgId: input.orgId, beYear: input.beYear, title: input.title, version: 0, editedAt: now, createdBy: input.userId, createdAt: now }),
    ...insertChunks(templateMeasures, measureRows).map(upsertMeasure),
    ...insertChunks(templateSteps, stepRows).map(upsertStep),
    ...chunk(goneSteps, 90).map((ids) => db.update(templateSteps).set({ removedInVersion: nextVersion }).where(inArray(templateSteps.id, ids))),
    ...chunk(goneMeasures, 90).map((ids) => db.update(templateMeasures).set({ removedInVersion: nextVersion }).where(inArray(templateMeasures.id, ids))),
  ];
  await db.batch(statements as Batch);
  return templateId;
}

/** Freezes the working copy as the next version; false when another publish got there first. */
export async function publishVersion(db: Db, template: Template, content: TemplateContent, userId: string): Promise<boolean> {
  const now = Date.now();
  try {
    await db.batch([
      db.insert(templateVersions).values({ templateId: template.id, version: content.version, content: content as unknown as Record<string, unknown>, publishedBy: userId, publishedAt: now }),
      db.update(templates).set({ version: content.version, publishedAt: now }).where(and(eq(templates.id, template.id), eq(templates.version, template.version))),
    ]);
    return true;
  } catch {
    return false;
  }
}

export async function versionContent(db: Db, templateId: string, version: number): Promise<TemplateContent | null> {
  const [row] = await db.select({ content: templateVersions.content }).from(templateVersions).where(and(eq(templateVersions.templateId, templateId), eq(templateVersions.version, version)));
  return (row?.content as unknown as TemplateContent | undefined) ?? null;
}

export async function adoptionsOfTemplate(db: Db, templateId: string) {
  return db.select({ orgId: templateAdoptions.orgId, version: templateAdoptions.version, adoptedAt: templateAdoptions.adoptedAt }).from(templateAdoptions).where(eq(templateAdoptions.templateId, templateId));
}

export async function adoptionOf(db: Db, orgId: string, templateId: string) {
  const [row] = await db.select().from(templateAdoptions).where(and(eq(templateAdoptions.orgId, orgId), eq(templateAdoptions.templateId, templateId)));
  return row ?? null;
}

export async function decisionsOf(db: Db, adoptionId: string, version: number) {
  return db.select().from(templateDecisions).where(and(eq(templateDecisions.adoptionId, adoptionId), eq(templateDecisions.version, version)));
}

/** How a template's responsible name lands in the office: its lead group and participating groups. */
export interface GroupPlacement {
  leadGroupId: string | null;
  groupIds: string[];
}

/**
 * Adopts a published version into the office's fiscal year: a new board when the office has none
 * for that year (the importer's own writer), else the template's measures added to the board
 * (numbered after its own when their numbers are taken), each card in the first column with its
 * 'card.created' event. Measures and cards remember their template items.
 */
export async function adoptTemplate(
  db: Db,
  input: { orgId: string; template: Template; content: TemplateContent; placeOf: (responsibleText: string) => GroupPlacement; groupMap: Record<string, GroupPlacement>; userId: string },
): Promise<{ fiscalYearId: string; cards: number; newBoard: boolean }> {
  const { orgId, content } = input;
  const [fy] = await db.select().from(fiscalYears).where(and(eq(fiscalYears.orgId, orgId), eq(fiscalYears.beYear, content.beYear)));
  const adoption = (fiscalYearId: string) =>
    db.insert(templateAdoptions).values({ id: crypto.randomUUID(), orgId, templateId: input.template.id, fiscalYearId, version: content.version, groupMap: input.groupMap, adoptedBy: input.userId, adoptedAt: Date.now() });
  if (!fy) {
    const result = await createBoardFromImport(db, {
      orgId,
      beYear: content.beYear,
      titleTh: content.title,
      actorUserId: input.userId,
      measures: content.measures.map((m) => {
        const place = input.placeOf(m.responsibleText);
        return {
          number: m.number,
          title: m.title,
          responsibleText: m.responsibleText,
          leadGroupId: place.leadGroupId,
          groupIds: place.groupIds,
          allGroups: m.allGroups,
          monitoring: m.monitoring,
          templateMeasureId: m.id,
          steps: m.steps.map((s) => ({ number: s.stepNumber, text: s.title, templateStepId: s.id, dueOn: s.dueOn })),
        };
      }),
      // The board and its adoption commit together: a board without its adoption row would be
      // adopted again onto itself (every card twice) when the office retried.
      extra: (fiscalYearId) => [adoption(fiscalYearId)],
    });
    return { fiscalYearId: result.fiscalYearId, cards: result.cards, newBoard: true };
  }
  const added = await addToBoard(db, { orgId, fiscalYearId: fy.id, userId: input.userId, items: content.measures.map((m) => ({ measure: m, steps: m.steps })), placeOf: input.placeOf, extra: [adoption(fy.id)] });
  return { fiscalYearId: fy.id, cards: added, newBoard: false };
}

/**
 * Adds template measures (the office's measure for one already adopted is reused) and steps as
 * cards to an existing board, with their events, in one batch with `extra` and the year's
 * aggregates rebuilt (the roll-up reads them: new measures get their rows, changed due dates
 * move); 409 'busy' when the
 * board's log moved meanwhile (the caller may retry). Answers the number of cards added.
 */
export async function addToBoard(
  db: Db,
  input: {
    orgId: string;
    fiscalYearId: string;
    userId: string;
    items: { measure: TemplateMeasureContent; steps: TemplateStepContent[] }[];
    placeOf: (responsibleText: string) => GroupPlacement;
    extra?: BatchItem<'sqlite'>[];
    events?: NewEvent[];
    /** The log's head read with what `events` were decided on: a change committed since makes this batch collide (409 busy). */
    head?: ChainHead;
  },
): Promise<number> {
  const { orgId, fiscalYearId } = input;
  const [existing, columns, headRows] = await db.batch([
    db.select({ id: measures.id, section: measures.section, number: measures.number, templateMeasureId: measures.templateMeasureId }).from(measures).where(eq(measures.fiscalYearId, fiscalYearId)),
    db.select({ id: boardColumns.id }).from(boardColumns).where(eq(boardColumns.fiscalYearId, fiscalYearId)).orderBy(asc(boardColumns.position)),
    chainHeadQuery(db, fiscalYearId),
  ]);
  const firstColumn = columns[0];
  if (!firstColumn) throw appError(404, 'not_found.column');
  const taken = new Set(existing.map((m) => `${m.section}:${m.number}`));
  let nextNumber = existing.reduce((n, m) => Math.max(n, m.number), 0);
  const measureRows: (typeof measures.$inferInsert)[] = [];
  const cardRows: (typeof cards.$inferInsert)[] = [];
  const stepCount = input.items.reduce((n, i) => n + i.steps.length, 0);
  // Keys after the column's last one: new cards go to the end of the first column.
  const lastInFirst = await db.select({ k: max(cards.orderKey) }).from(cards).where(eq(cards.columnId, firstColumn.id));
  const keys = keysAfter(lastInFirst[0]?.k ?? null, stepCount);
  const now = Date.now();
  for (const { measure: m, steps } of input.items) {
    const place = input.placeOf(m.responsibleText);
    let measureId = existing.find((e) => e.templateMeasureId === m.id)?.id ?? measureRows.find((r) => r.templateMeasureId === m.id)?.id;
    if (!measureId) {
      measureId = crypto.randomUUID();
      const number = taken.has(`table:${m.number}`) ? ++nextNumber : m.number;
      taken.add(`table:${number}`);
      nextNumber = Math.max(nextNumber, number);
      measureRows.push({ id: measureId, orgId, fiscalYearId, section: 'table', number, title: m.title, responsibleText: m.responsibleText, leadGroupId: place.leadGroupId, allGroups: m.allGroups, monitoring: m.monitoring, templateMeasureId: m.id });
    }
    for (const s of steps) {
      cardRows.push({
        id: crypto.randomUUID(),
        orgId,
        fiscalYearId,
        measureId,
        stepNumber: s.stepNumber,
        title: s.title,
        details: '',
        leadGroupId: place.leadGroupId,
        allGroups: m.allGroups,
        groupIds: place.groupIds.filter((g) => g !== place.leadGroupId),
        checklist: s.monitoring.map((text) => ({ id: crypto.randomUUID(), text, done: false })),
        columnId: firstColumn.id,
        orderKey: keys[cardRows.length]!,
        dueOn: s.dueOn,
        version: 1,
        createdAt: now,
        updatedAt: now,
        templateStepId: s.id,
      });
    }
  }
  const events: NewEvent[] = [
    ...cardRows.map(({ id, orgId: _o, fiscalYearId: _f, createdAt: _c, updatedAt: _u, ...after }) => ({ cardId: id, kind: 'card.created', before: null, after: after as Record<string, unknown> })),
    ...(input.events ?? []),
  ];
  const eventRows = await chainEvents(input.head ?? headOf(headRows), { orgId, fiscalYearId, actorUserId: input.userId, at: now }, events);
  const statements: BatchItem<'sqlite'>[] = [
    ...insertRows(db, measures, measureRows),
    ...insertRows(db, cards, cardRows),
    ...insertRows(db, cardEvents, eventRows),
    ...(input.extra ?? []),
    // The roll-up's aggregates of the year, computed again after every insert and update above.
    ...rebuildAggregates(db, fiscalYearId),
  ];
  try {
    await db.batch(statements as Batch);
  } catch (e) {
    if (isUniqueViolation(e)) throw appError(409, 'busy');
    throw e;
  }
  return cardRows.length;
}

/** The office's cards adopted from the template's steps, by step id. */
function adoptedCards(db: Db, fiscalYearId: string, stepIds: readonly string[]) {
  return db
    .select({ id: cards.id, templateStepId: cards.templateStepId, title: cards.title, dueOn: cards.dueOn, version: cards.version })
    .from(cards)
    .where(and(eq(cards.fiscalYearId, fiscalYearId), inArray(cards.templateStepId, [...stepIds])));
}

/**
 * Applies the office's decisions on a revision's differences in one batch with their events:
 * accepted additions become cards (addToBoard), accepted changes rewrite the card's title and due
 * date (its version advances, an 'card.edited' event records before and after), accepted removals
 * unlink the card from the template (the card and its evidence stay: nothing is lost). Every
 * decision is recorded; when none is left undecided the adoption moves to `latest`.
 */
export async function applyDecisions(
  db: Db,
  input: {
    orgId: string;
    adoption: typeof templateAdoptions.$inferSelect;
    latest: number;
    chosen: { change: TemplateChange; decision: 'accepted' | 'declined' }[];
    allDecided: boolean;
    placeOf: (responsibleText: string) => GroupPlacement;
    userId: string;
  },
): Promise<{ added: number; changed: number; unlinked: number }> {
  const { adoption, orgId } = input;
  const now = Date.now();
  const accepted = input.chosen.filter((c) => c.decision === 'accepted').map((c) => c.change);
  const touched = accepted.filter((c) => c.change !== 'added').map((c) => c.itemId);
  // The cards and the log's head in one read: an edit of one of them after it moves the head, and
  // the batch below (its events chained on this head) is refused instead of logging a stale 'before'.
  const [current, headRows] = await db.batch([adoptedCards(db, adoption.fiscalYearId, touched), chainHeadQuery(db, adoption.fiscalYearId)]);
  const events: NewEvent[] = [];
  const updates: BatchItem<'sqlite'>[] = [];
  let changed = 0;
  let unlinked = 0;
  for (const c of accepted) {
    const card = current.find((k) => k.templateStepId === c.itemId);
    if (!card) continue;
    if (c.change === 'changed' && c.after) {
      const after = { title: c.after.title, dueOn: c.after.dueOn };
      updates.push(db.update(cards).set({ ...after, version: card.version + 1, updatedAt: now }).where(and(eq(cards.id, card.id), eq(cards.version, card.version))));
      events.push({ cardId: card.id, kind: 'card.edited', before: { title: card.title, dueOn: card.dueOn }, after: { ...after, templateVersion: input.latest } });
      changed++;
    }
    if (c.change === 'removed') {
      updates.push(db.update(cards).set({ templateStepId: null, version: card.version + 1, updatedAt: now }).where(and(eq(cards.id, card.id), eq(cards.version, card.version))));
      events.push({ cardId: card.id, kind: 'card.template_removed', before: { templateStepId: c.itemId }, after: { templateStepId: null, templateVersion: input.latest } });
      unlinked++;
    }
  }
  const additions = accepted.filter((c) => c.change === 'added' && c.after);
  const byMeasure = new Map<string, { measure: TemplateMeasureContent; steps: TemplateStepContent[] }>();
  for (const c of additions) {
    const entry = byMeasure.get(c.measure.id) ?? { measure: { ...c.measure, steps: [] }, steps: [] };
    entry.steps.push(c.after!);
    byMeasure.set(c.measure.id, entry);
  }
  const decisions = input.chosen.map((c) => ({ adoptionId: adoption.id, version: input.latest, itemId: c.change.itemId, change: c.change.change, decision: c.decision, decidedBy: input.userId, decidedAt: now }));
  const extra: BatchItem<'sqlite'>[] = [
    ...updates,
    ...insertRows(db, templateDecisions, decisions),
    ...(input.allDecided ? [db.update(templateAdoptions).set({ version: input.latest }).where(eq(templateAdoptions.id, adoption.id))] : []),
  ];
  const added = await addToBoard(db, { orgId, fiscalYearId: adoption.fiscalYearId, userId: input.userId, items: [...byMeasure.values()], placeOf: input.placeOf, extra, events, head: headOf(headRows) });
  return { added, changed, unlinked };
}
