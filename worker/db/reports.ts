// Reading what a report is compiled from, and keeping reports. The sources are read in one
// db.batch (one round trip) and compiled by domain/report-compile.ts (cron/report-job.ts
// composes the two); keeping is INSERT … ON CONFLICT DO NOTHING on the unique (org, kind,
// period) key, so a trigger that fires twice, or two runs that overlap, keep one report.
import { and, asc, desc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import { isUniqueViolation, type Db } from './client';
import { audit } from './auth';
import { chainHeadQuery, headOf } from './events';
import { boardColumns, cardEvents, cards, fiscalYears, groups, measures, memberships, organisations, reportRecipients, reports, users, type FiscalYear } from './schema';
import type { CompileInput } from '../domain/report-compile';
import { defaultRoles, mergeRecipients, type Recipient } from '../domain/report-delivery';
import type { ReportPeriod } from '../domain/report-period';
import type { MeetingReportKind, Progress, ReportContent, ReportKindName, ReportSummary, ReportView } from '../domain/report-types';

export type Organisation = typeof organisations.$inferSelect;
export type KeptReport = typeof reports.$inferSelect;

/** Every organisation, or only those named (a cron invocation's few: not every row read for them). */
export function listOrganisations(db: Db, only?: readonly string[]): Promise<Organisation[]> {
  return db.select().from(organisations).where(only ? inArray(organisations.id, [...only]) : undefined).orderBy(asc(organisations.createdAt));
}

/** What reports and digests need of a card (never its details: reports are widely sent). */
const REPORT_CARD_FIELDS = {
  id: cards.id,
  measureId: cards.measureId,
  stepNumber: cards.stepNumber,
  title: cards.title,
  columnId: cards.columnId,
  dueOn: cards.dueOn,
  leadGroupId: cards.leadGroupId,
  groupIds: cards.groupIds,
  allGroups: cards.allGroups,
};

export async function findOrganisation(db: Db, orgId: string): Promise<Organisation | null> {
  const [org] = await db.select().from(organisations).where(eq(organisations.id, orgId)).limit(1);
  return org ?? null;
}

/** The office's board for a fiscal year, or null when it has none (reports then skip quietly). */
export async function findBoardYear(db: Db, orgId: string, beYear: number): Promise<FiscalYear | null> {
  const [fy] = await db
    .select()
    .from(fiscalYears)
    .where(and(eq(fiscalYears.orgId, orgId), eq(fiscalYears.beYear, beYear)))
    .limit(1);
  return fy ?? null;
}

/** Every office's board of fiscal year `beYear`, by office (one query: the cron jobs visit every office). */
export async function findBoardYears(db: Db, beYear: number, only?: readonly string[]): Promise<Map<string, FiscalYear>> {
  const rows = await db.select().from(fiscalYears).where(and(eq(fiscalYears.beYear, beYear), only ? inArray(fiscalYears.orgId, [...only]) : undefined));
  return new Map(rows.map((fy) => [fy.orgId, fy]));
}

/** What a report is compiled from; the compiling run adds its time. */
export type ReportSources = Omit<CompileInput, 'compiledAt'>;

/**
 * Reads what a report of `period` is compiled from: the board now, the events since the period
 * began, the people who may appear in them and the previous report of the same kind. One round trip.
 */
export async function readReportSources(db: Db, org: Organisation, fy: FiscalYear, kind: MeetingReportKind, period: ReportPeriod): Promise<ReportSources> {
  const inYear = <T extends typeof cards | typeof measures | typeof boardColumns>(t: T) => and(eq(t.orgId, org.id), eq(t.fiscalYearId, fy.id));
  const [cols, grps, ms, cs, events, people, headRows, previous] = await db.batch([
    db.select().from(boardColumns).where(inYear(boardColumns)).orderBy(asc(boardColumns.position)),
    db.select({ id: groups.id, nameTh: groups.nameTh, nameEn: groups.nameEn }).from(groups).where(eq(groups.orgId, org.id)).orderBy(asc(groups.position)),
    db.select().from(measures).where(inYear(measures)),
    db
      .select(REPORT_CARD_FIELDS)
      .from(cards)
      .where(inYear(cards)),
    db
      .select({
        seq: cardEvents.seq,
        cardId: cardEvents.cardId,
        actorUserId: cardEvents.actorUserId,
        kind: cardEvents.kind,
        before: cardEvents.before,
        after: cardEvents.after,
        at: cardEvents.at,
      })
      .from(cardEvents)
      .where(and(eq(cardEvents.fiscalYearId, fy.id), eq(cardEvents.orgId, org.id), gte(cardEvents.at, period.start))),
    db
      .select({ id: users.id, name: users.displayName })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.orgId, org.id)),
    chainHeadQuery(db, fy.id),
    db
      .select({ id: reports.id, periodKey: reports.periodKey, content: reports.content })
      .from(reports)
      .where(and(eq(reports.orgId, org.id), eq(reports.kind, kind), eq(reports.fiscalYearId, fy.id), lte(reports.periodEnd, period.start)))
      .orderBy(desc(reports.periodEnd))
      .limit(1),
  ]);
  return {
    kind,
    period,
    org: { nameTh: org.nameTh, nameEn: org.nameEn, thaiDigits: org.settings?.thaiDigits === true },
    fiscalYear: { beYear: fy.beYear, titleTh: fy.titleTh },
    columns: cols,
    groups: grps,
    measures: ms,
    cards: cs,
    events,
    people: new Map(people.map((p) => [p.id, p.name])),
    head: headOf(headRows),
    previous: previous[0] ? { id: previous[0].id, periodKey: previous[0].periodKey, content: previous[0].content as unknown as ReportContent } : null,
  };
}

/** Keeps the snapshot unless this office already has one for the kind and period; returns the kept one. */
export async function keepReport(db: Db, orgId: string, fiscalYearId: string, content: ReportContent): Promise<{ report: KeptReport; created: boolean }> {
  const [inserted] = await db
    .insert(reports)
    .values({
      id: crypto.randomUUID(),
      orgId,
      fiscalYearId,
      kind: content.kind,
      periodKey: content.period.key,
      periodStart: content.period.start,
      periodEnd: content.period.end,
      content: content as unknown as Record<string, unknown>,
      chainSeq: content.chain.seq,
      chainHash: content.chain.hash,
      createdAt: content.compiledAt,
    })
    .onConflictDoNothing({ target: [reports.orgId, reports.kind, reports.periodKey] })
    .returning();
  if (inserted) return { report: inserted, created: true };
  const [existing] = await db
    .select()
    .from(reports)
    .where(and(eq(reports.orgId, orgId), eq(reports.kind, content.kind), eq(reports.periodKey, content.period.key)))
    .limit(1);
  if (!existing) throw new Error(`report ${content.kind} ${content.period.key} neither inserted nor found`);
  return { report: existing, created: false };
}

export function toSummary(r: Pick<KeptReport, 'id' | 'kind' | 'periodKey' | 'periodStart' | 'periodEnd' | 'createdAt'>, totals: Progress): ReportSummary {
  return { id: r.id, kind: r.kind as MeetingReportKind, periodKey: r.periodKey, periodStart: r.periodStart, periodEnd: r.periodEnd, createdAt: r.createdAt, totals };
}

export function toReportView(r: KeptReport): ReportView {
  const content = r.content as unknown as ReportContent;
  return { ...toSummary(r, content.totals), chainSeq: r.chainSeq, chainHash: r.chainHash, content };
}

/** The kept reports of a fiscal year, newest period first, without their full content. */
export async function listReports(db: Db, orgId: string, fiscalYearId: string): Promise<ReportSummary[]> {
  const rows = await db
    .select({
      id: reports.id,
      kind: reports.kind,
      periodKey: reports.periodKey,
      periodStart: reports.periodStart,
      periodEnd: reports.periodEnd,
      createdAt: reports.createdAt,
      totals: sql<string>`json_extract(${reports.content}, '$.totals')`,
    })
    .from(reports)
    .where(and(eq(reports.orgId, orgId), eq(reports.fiscalYearId, fiscalYearId), inArray(reports.kind, ['executive', 'staff'])))
    .orderBy(desc(reports.periodStart), asc(reports.kind));
  return rows.map((r) => toSummary(r, JSON.parse(r.totals) as Progress));
}

export async function findReport(db: Db, orgId: string, id: string): Promise<KeptReport | null> {
  const [r] = await db
    .select()
    .from(reports)
    .where(and(eq(reports.id, id), eq(reports.orgId, orgId)))
    .limit(1);
  return r ?? null;
}

/** Active accounts of the office with one of `roles`, by their account email (a disabled or removed member receives nothing). */
export function membersWithRoles(db: Db, orgId: string, roles: readonly string[]) {
  return db
    .select({ userId: users.id, email: users.email, name: users.displayName, role: memberships.role, groupId: memberships.groupId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.orgId, orgId),
        inArray(memberships.role, [...roles] as ('admin' | 'executive' | 'director' | 'staff')[]),
        isNull(memberships.disabledAt),
        isNull(memberships.removedAt),
      ),
    )
    .orderBy(asc(users.email));
}

export function explicitRecipients(db: Db, orgId: string, kind?: ReportKindName) {
  return db
    .select()
    .from(reportRecipients)
    .where(kind ? and(eq(reportRecipients.orgId, orgId), eq(reportRecipients.kind, kind)) : eq(reportRecipients.orgId, orgId))
    .orderBy(asc(reportRecipients.kind), asc(reportRecipients.email));
}

/** Adds an explicit recipient with its audit entry, in one batch; false: the address already receives that kind. */
export async function addRecipient(db: Db, recipient: typeof reportRecipients.$inferInsert, entry: Parameters<typeof audit>[1]): Promise<boolean> {
  try {
    await db.batch([db.insert(reportRecipients).values(recipient), audit(db, entry)]);
    return true;
  } catch (e) {
    if (isUniqueViolation(e)) return false;
    throw e;
  }
}

/** Removes one of the office's explicit recipients: the row removed, or null when there was none. */
export async function removeRecipient(db: Db, orgId: string, id: string) {
  const [removed] = await db
    .delete(reportRecipients)
    .where(and(eq(reportRecipients.id, id), eq(reportRecipients.orgId, orgId)))
    .returning();
  return removed ?? null;
}

/** Who receives a meeting report: the kind's default accounts plus its explicit recipients. */
export async function recipientsFor(db: Db, orgId: string, kind: MeetingReportKind): Promise<Recipient[]> {
  const [members, explicit] = await db.batch([membersWithRoles(db, orgId, defaultRoles(kind)), explicitRecipients(db, orgId, kind)]);
  return mergeRecipients(members, explicit);
}

/** Switches report kinds on or off in one statement, leaving other settings as they are. */
export function setReportKinds(db: Db, orgId: string, kinds: Partial<Record<ReportKindName, boolean>>) {
  return db
    .update(organisations)
    .set({
      settings: sql`json_set(coalesce(${organisations.settings}, '{}'), '$.reportKinds', json_patch(coalesce(json_extract(${organisations.settings}, '$.reportKinds'), '{}'), ${JSON.stringify(kinds)}))`,
    })
    .where(eq(organisations.id, orgId))
    .returning({ settings: organisations.settings });
}

/** What the daily digest reads: the board now (columns, measures, groups, cards). One round trip. */
export async function loadDigestBoard(db: Db, orgId: string, fiscalYearId: string) {
  const inYear = <T extends typeof cards | typeof measures | typeof boardColumns>(t: T) => and(eq(t.orgId, orgId), eq(t.fiscalYearId, fiscalYearId));
  const [columns, measureRows, groupRows, cardRows] = await db.batch([
    db.select().from(boardColumns).where(inYear(boardColumns)),
    db.select({ id: measures.id, number: measures.number }).from(measures).where(inYear(measures)),
    db.select({ id: groups.id, nameTh: groups.nameTh }).from(groups).where(eq(groups.orgId, orgId)),
    db
      .select(REPORT_CARD_FIELDS)
      .from(cards)
      .where(inYear(cards)),
  ]);
  return { columns, measures: measureRows, groups: groupRows, cards: cardRows };
}
