// Reading what the dashboard and the O43 report need: one db.batch (one round trip to D1) of
// indexed reads scoped to the office and the fiscal year; everything else is computed in
// domain/progress.ts.
import { and, asc, eq, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from './client';
import { boardColumns, cardEvents, cards, evidenceLinks, fiscalYears, groups, measures, organisations } from './schema';
import { toFiscalYearView } from './board';
import { appError } from '../domain/errors';
import { bangkokToday } from '../domain/fiscal-year';
import {
  overdueCards,
  progressByGroup,
  progressByMeasure,
  tally,
  categoryLookup,
  trendFromEvents,
} from '../domain/progress';
import { compileO43 } from '../domain/o43-report';
import type { DashboardView, O43ReportView, OfficeHeading } from '../domain/views';

/** Events that place or remove a card: the only ones the replay needs. */
const PLACEMENT_KINDS = ['card.deleted', 'card.archived'];

/** All reads for one fiscal year in one batch; the year is found by a subquery, not a round trip. */
function readYear(db: Db, orgId: string, beYear: number, withEvidence: boolean) {
  const fyId: SQL = sql`(select "id" from "fiscal_years" where "org_id" = ${orgId} and "be_year" = ${beYear})`;
  const toColumn = sql<string | null>`json_extract(${cardEvents.after}, '$.columnId')`;
  return db.batch([
    db.select().from(fiscalYears).where(and(eq(fiscalYears.orgId, orgId), eq(fiscalYears.beYear, beYear))).limit(1),
    db.select({ nameTh: organisations.nameTh, nameEn: organisations.nameEn, settings: organisations.settings }).from(organisations).where(eq(organisations.id, orgId)),
    db
      .select({ id: boardColumns.id, key: boardColumns.key, labelTh: boardColumns.labelTh, labelEn: boardColumns.labelEn, category: boardColumns.category, position: boardColumns.position })
      .from(boardColumns)
      .where(and(eq(boardColumns.orgId, orgId), eq(boardColumns.fiscalYearId, fyId)))
      .orderBy(asc(boardColumns.position)),
    db
      .select({ id: measures.id, section: measures.section, number: measures.number, title: measures.title, leadGroupId: measures.leadGroupId, allGroups: measures.allGroups })
      .from(measures)
      .where(and(eq(measures.orgId, orgId), eq(measures.fiscalYearId, fyId))),
    db
      .select({
        id: cards.id,
        measureId: cards.measureId,
        stepNumber: cards.stepNumber,
        title: cards.title,
        columnId: cards.columnId,
        leadGroupId: cards.leadGroupId,
        groupIds: cards.groupIds,
        allGroups: cards.allGroups,
        dueOn: cards.dueOn,
      })
      .from(cards)
      .where(and(eq(cards.orgId, orgId), eq(cards.fiscalYearId, fyId))),
    db.select({ id: groups.id, nameTh: groups.nameTh, nameEn: groups.nameEn }).from(groups).where(eq(groups.orgId, orgId)).orderBy(asc(groups.position)),
    db
      .select({ cardId: cardEvents.cardId, kind: cardEvents.kind, columnId: toColumn, at: cardEvents.at })
      .from(cardEvents)
      .where(and(eq(cardEvents.orgId, orgId), eq(cardEvents.fiscalYearId, fyId), or(isNotNull(toColumn), inArray(cardEvents.kind, PLACEMENT_KINDS))))
      .orderBy(asc(cardEvents.seq)),
    db
      .select({ cardId: evidenceLinks.cardId, url: evidenceLinks.url, note: evidenceLinks.note, oitCode: evidenceLinks.oitCode, createdAt: evidenceLinks.createdAt })
      .from(evidenceLinks)
      .innerJoin(cards, eq(cards.id, evidenceLinks.cardId))
      // Reading no evidence for the dashboard keeps its batch to what it shows.
      .where(and(eq(evidenceLinks.orgId, orgId), eq(cards.fiscalYearId, fyId), sql`${withEvidence ? 1 : 0} = 1`)),
  ]);
}

async function yearData(db: Db, orgId: string, beYear: number, withEvidence: boolean) {
  const [[fy], [org], columns, ms, cs, gs, events, evidence] = await readYear(db, orgId, beYear, withEvidence);
  if (!fy || !org) throw appError(404, 'not_found.year', { year: beYear });
  const office: OfficeHeading = { nameTh: org.nameTh, nameEn: org.nameEn, thaiDigits: org.settings?.thaiDigits === true };
  return { fy, office, columns, measures: ms, cards: cs, groups: gs, events, evidence };
}

export async function loadDashboard(db: Db, orgId: string, beYear: number, now = Date.now()): Promise<DashboardView> {
  const d = await yearData(db, orgId, beYear, false);
  const today = bangkokToday(new Date(now));
  return {
    office: d.office,
    fiscalYear: toFiscalYearView(d.fy),
    today,
    columns: d.columns,
    groups: d.groups,
    overall: tally(d.cards, categoryLookup(d.columns)),
    measures: progressByMeasure(d.measures, d.cards, d.columns),
    groupProgress: progressByGroup(d.groups, d.cards, d.columns),
    overdue: overdueCards(d.cards, d.measures, d.columns, today),
    series: trendFromEvents(d.events, d.columns, d.fy, now),
  };
}

export async function loadO43(db: Db, orgId: string, beYear: number, from: string, to: string, now = Date.now()): Promise<O43ReportView> {
  const d = await yearData(db, orgId, beYear, true);
  const { measures: ms, summary } = compileO43(d, from, to);
  return { office: d.office, fiscalYear: toFiscalYearView(d.fy), from, to, generatedAt: now, columns: d.columns, groups: d.groups, measures: ms, summary };
}
