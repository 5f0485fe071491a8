// The demo office as a newcomer should meet it: in the CURRENT fiscal year (computed from `now`
// when the demo is loaded), with a history behind it. FY 2567 comes from the shipped announcement
// through the importer and is played to its end (every step done, with evidence); the current
// year is rolled over from it at least eight weeks before `now` and played up to `now`: due dates
// planned, cards started, reviewed and finished over the weeks already past, evidence on every
// finished step and on some others, comments, a few steps late. Each change goes through the real
// write functions (moveCard, editCard, addEvidence, addComment, commitRollover) under a clock set
// to its moment (db/clock.ts), so the event chain is the one real use would have written. Reports
// of the periods already ended are compiled at each period's end, as the schedule would have,
// and kept without any email.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { withClock } from '../db/clock';
import { editCard, moveCard } from '../db/cards';
import { addComment, addEvidence } from '../db/card-details';
import { commitRollover } from '../db/rollover';
import { compileReport } from '../cron/report-job';
import { findBoardYear, findOrganisation, keepReport } from '../db/reports';
import { readScheduleEntries } from '../db/report-schedule';
import { GENESIS_HASH, eventHash } from '../domain/event-chain';
import { boardColumns, cardEvents, cards, fiscalYears, measures, oitItems, reports, type ChecklistItem } from '../db/schema';
import { DAY_MS, bangkokDate, fiscalYearBounds, fiscalYearOf } from '../domain/fiscal-year';
import { scheduledPeriods } from '../domain/report-schedule';
import { REPORT_AUDIENCES } from '../domain/report-cadence';
import { accessOf, type Actor } from '../domain/policy';
import { DEMO_ACCOUNTS, seedDemo } from './demo';

/** When the shipped FY 2567 announcement was imported: early June 2567 (2024), as it was issued. */
const IMPORT_2567 = Date.parse('2024-06-05T09:30:00+07:00');
const WEEK_MS = 7 * DAY_MS;

/** Steps the current year's plan lets run late (by their order in the announcement). */
const LATE = new Set([1, 2, 5, 8, 13, 17]);

const COMMENTS = {
  started: 'เริ่มดำเนินการแล้ว ประสานกลุ่มที่เกี่ยวข้องเพื่อขอข้อมูลประกอบ',
  review: 'จัดทำเอกสารเสร็จแล้ว เสนอผู้อำนวยการกลุ่มตรวจทานก่อนเผยแพร่',
  late: 'ล่าช้ากว่าแผน เนื่องจากรอข้อมูลจากสถานศึกษาในสังกัด คาดว่าจะแล้วเสร็จภายในสองสัปดาห์',
  done: 'เผยแพร่บนเว็บไซต์สำนักงานแล้ว แนบลิงก์เป็นหลักฐาน',
} as const;

export interface LiveDemo {
  orgId: string;
  userIds: Record<string, string>;
  groupIds: Record<string, string>;
  /** The fiscal year the demo shows first (the one containing `now`), and every year it holds. */
  currentYear: number;
  years: { beYear: number; fiscalYearId: string; cards: number; events: number; reports: number }[];
}

interface PlayedCard {
  id: string;
  measure: number;
  step: number;
  leadGroupId: string | null;
  version: number;
  checklist: ChecklistItem[];
}

type Action = { at: number; run: () => Promise<unknown> };

/** A Bangkok wall-clock moment on a calendar day. */
const at = (day: string, hour: number, minute = 0) => Date.parse(`${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+07:00`);
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
const minDay = (a: string, b: string) => (a < b ? a : b);

/** Loads the whole demo: office, FY 2567 finished, the current year (if later) in progress. */
export async function seedLiveDemo(db: Db, opts: { now: number; slug?: string; emailDomain?: string }): Promise<LiveDemo> {
  const { now } = opts;
  const base = await seedDemo(db, { slug: opts.slug ?? 'phichit-peo', emailDomain: opts.emailDomain });
  await retimeImport(db, base.fiscalYearId, Math.min(IMPORT_2567, now - 2 * WEEK_MS));
  const people = peopleOf(base.orgId, base.userIds, base.groupIds);
  const years: LiveDemo['years'] = [];

  // FY 2567: every step done by late September 2024, some late, all with evidence.
  const y2567 = await boardCards(db, base.orgId, base.fiscalYearId);
  await play(db, base.orgId, 2567, y2567, people, now, (card, i) => {
    const due = card.dueOn ?? '2024-09-30';
    const late = LATE.has(i);
    const start = addDays(bangkokDate(IMPORT_2567), 2 + i * 2);
    const done = late ? minDay(addDays(due, 10), '2024-09-27') : addDays(due, -3 - (i % 4));
    return { start, done: done > start ? done : addDays(start, 3), late, plannedDue: null };
  });
  years.push(await summary(db, base.orgId, 2567));

  const currentYear = fiscalYearOf(new Date(now));
  if (currentYear > 2567) {
    const { startsOn, endsOn } = fiscalYearBounds(currentYear);
    // Set up shortly before the year began, and never less than eight weeks before today.
    const setUp = Math.min(at(addDays(startsOn, -5), 10), now - 9 * WEEK_MS);
    const setUpDay = bangkokDate(setUp);
    await withClock(
      () => setUp,
      () => commitRollover(db, base.orgId, people.admin.actor.userId, 2567, currentYear, { confirmNonAdjacent: currentYear !== 2568, now: setUp }),
    );
    const fy = (await findBoardYear(db, base.orgId, currentYear))!;
    const rolled = await boardCards(db, base.orgId, fy.id);
    const firstDue = [addDays(startsOn, 10), addDays(setUpDay, 20)].sort()[1]!;
    await play(db, base.orgId, currentYear, rolled, people, now, (_card, i) => {
      const plannedDue = minDay(addDays(firstDue, i * 12), endsOn);
      const late = LATE.has(i);
      const done = late ? addDays(plannedDue, 45) : addDays(plannedDue, -3 - (i % 5));
      const start = [addDays(setUpDay, 2 + (i % 4)), addDays(done, -50)].sort()[1]!;
      return { start, done: done > start ? done : addDays(start, 4), late, plannedDue, planDay: addDays(setUpDay, 1) };
    });
    years.push(await summary(db, base.orgId, currentYear));
  }
  return { orgId: base.orgId, userIds: base.userIds, groupIds: base.groupIds, currentYear: Math.max(...years.map((y) => y.beYear)), years };
}

/**
 * The importer stamps its events with the time it ran; the demo's FY 2567 was imported in June
 * 2024. Nothing follows these events yet, so they are re-stamped and re-chained from the start.
 */
async function retimeImport(db: Db, fiscalYearId: string, importedAt: number): Promise<void> {
  const events = await db.select().from(cardEvents).where(eq(cardEvents.fiscalYearId, fiscalYearId)).orderBy(asc(cardEvents.seq));
  let prev = GENESIS_HASH;
  const updates = [];
  for (const e of events) {
    const hash = await eventHash(prev, { ...e, at: importedAt });
    updates.push(db.update(cardEvents).set({ at: importedAt, prevHash: prev, hash }).where(eq(cardEvents.id, e.id)));
    prev = hash;
  }
  await db.batch([
    db.update(fiscalYears).set({ createdAt: importedAt }).where(eq(fiscalYears.id, fiscalYearId)),
    db.update(cards).set({ createdAt: importedAt, updatedAt: importedAt }).where(eq(cards.fiscalYearId, fiscalYearId)),
    ...updates,
  ]);
}

interface Person {
  actor: Actor;
  ref: { id: string; displayName: string };
}

function peopleOf(orgId: string, userIds: Record<string, string>, groupIds: Record<string, string>) {
  const person = (email: string): Person => {
    const account = DEMO_ACCOUNTS.find((a) => a.email === email)!;
    const userId = userIds[email]!;
    return {
      actor: { userId, orgId, role: account.role, groupId: account.group ? (groupIds[account.group] ?? null) : null },
      ref: { id: userId, displayName: account.displayName },
    };
  };
  const admin = person('admin@demo.local');
  const directors = DEMO_ACCOUNTS.filter((a) => a.role === 'director').map((a) => person(a.email));
  /** Whoever would do the work on a card: its group's director when the demo has one, else the administrator. */
  const worker = (leadGroupId: string | null) => directors.find((d) => d.actor.groupId === leadGroupId) ?? admin;
  return { admin, worker };
}
type People = ReturnType<typeof peopleOf>;

async function boardCards(db: Db, orgId: string, fiscalYearId: string) {
  const rows = await db
    .select({ id: cards.id, measure: measures.number, step: cards.stepNumber, leadGroupId: cards.leadGroupId, version: cards.version, dueOn: cards.dueOn, checklist: cards.checklist })
    .from(cards)
    .innerJoin(measures, eq(measures.id, cards.measureId))
    .where(and(eq(cards.orgId, orgId), eq(cards.fiscalYearId, fiscalYearId)))
    .orderBy(asc(measures.number), asc(cards.stepNumber));
  const columns = await db
    .select({ id: boardColumns.id, category: boardColumns.category })
    .from(boardColumns)
    .where(eq(boardColumns.fiscalYearId, fiscalYearId))
    .orderBy(asc(boardColumns.position));
  const codes = (await db.select({ code: oitItems.code }).from(oitItems).where(eq(oitItems.fiscalYearId, fiscalYearId)).orderBy(asc(oitItems.position))).map((r) => r.code);
  return { fiscalYearId, rows, columns, codes };
}

interface CardTimes {
  /** Calendar days (Bangkok). */
  start: string;
  done: string;
  late: boolean;
  /** A due date the administrator plans for the card (null: keep the one it has). */
  plannedDue: string | null;
  planDay?: string;
}

/**
 * Plays a year's history up to `now`: each card's plan (due date), start, review, finish, with
 * evidence and comments, and the reports of every scheduled period that ended meanwhile —
 * all in time order, each under the clock of its moment.
 */
async function play(
  db: Db,
  orgId: string,
  beYear: number,
  board: Awaited<ReturnType<typeof boardCards>>,
  people: People,
  now: number,
  timesOf: (card: { dueOn: string | null }, index: number) => CardTimes,
): Promise<void> {
  const col = (category: string) => board.columns.find((c) => c.category === category)?.id;
  const [doing, review, done] = [col('doing'), col('review'), col('done')];
  const played = new Map<string, PlayedCard>(board.rows.map((r) => [r.id, { ...r }]));
  const actions: Action[] = [];
  const track = (card: PlayedCard) => (commit: { card: { version: number } }) => (card.version = commit.card.version);

  board.rows.forEach((row, i) => {
    const card = played.get(row.id)!;
    const t = timesOf(row, i);
    const who = people.worker(card.leadGroupId);
    const hour = 9 + (i % 7);
    if (t.plannedDue && t.planDay) {
      const plannedDue = t.plannedDue;
      actions.push({
        at: at(t.planDay, 10, i * 2),
        run: () => editCard(db, people.admin.actor, card.id, { version: card.version, dueOn: plannedDue }, accessOf(people.admin.actor)).then(track(card)),
      });
    }
    if (doing) {
      actions.push({ at: at(t.start, hour), run: () => moveCard(db, who.actor, card.id, { toColumnId: doing, afterCardId: null, beforeCardId: null, version: card.version }, accessOf(who.actor)).then(track(card)) });
      if (i % 3 === 0) actions.push({ at: at(t.start, hour + 1, 15), run: () => addComment(db, who.actor, who.ref, card.id, COMMENTS.started, accessOf(who.actor)) });
    }
    // Evidence while the work goes on, on some cards.
    if (i % 4 === 1) {
      actions.push({
        at: at(addDays(t.start, 6), hour, 40),
        run: () => addEvidence(db, who.actor, who.ref, card.id, evidence(beYear, card, board.codes, 'ร่าง'), accessOf(who.actor)),
      });
    }
    if (t.late) actions.push({ at: at(addDays(t.done, -20), 15, 5), run: () => addComment(db, who.actor, who.ref, card.id, COMMENTS.late, accessOf(who.actor)) });
    if (review && i % 2 === 0) {
      const inReview = addDays(t.done, -4);
      if (inReview > t.start) {
        actions.push({ at: at(inReview, hour), run: () => moveCard(db, who.actor, card.id, { toColumnId: review, afterCardId: null, beforeCardId: null, version: card.version }, accessOf(who.actor)).then(track(card)) });
        actions.push({ at: at(inReview, hour, 30), run: () => addComment(db, who.actor, who.ref, card.id, COMMENTS.review, accessOf(who.actor)) });
      }
    }
    if (done) {
      // Every finished step has its evidence, added just before it is marked done.
      actions.push({ at: at(t.done, hour, 10), run: () => addEvidence(db, who.actor, who.ref, card.id, evidence(beYear, card, board.codes, 'ฉบับเผยแพร่'), accessOf(who.actor)) });
      // The monitoring checklist ticked off as the step is finished.
      if (card.checklist.length > 0) {
        const ticked = card.checklist.map((item) => ({ ...item, done: true }));
        actions.push({ at: at(t.done, hour, 15), run: () => editCard(db, who.actor, card.id, { version: card.version, checklist: ticked }, accessOf(who.actor)).then(track(card)) });
      }
      actions.push({ at: at(t.done, hour, 20), run: () => moveCard(db, who.actor, card.id, { toColumnId: done, afterCardId: null, beforeCardId: null, version: card.version }, accessOf(who.actor)).then(track(card)) });
      if (i % 5 === 2) actions.push({ at: at(t.done, hour, 45), run: () => addComment(db, who.actor, who.ref, card.id, COMMENTS.done, accessOf(who.actor)) });
    }
  });

  // The reports the schedule compiled at 08:00 Bangkok after each period ended.
  const org = (await findOrganisation(db, orgId))!;
  const entries = await readScheduleEntries(db, orgId, board.fiscalYearId);
  const firstAt = Math.min(...actions.map((a) => a.at));
  for (const audience of REPORT_AUDIENCES) {
    for (const period of scheduledPeriods(entries, audience, beYear)) {
      const compiledAt = period.end + 8 * 3600_000;
      if (period.end <= firstAt || compiledAt > now) continue;
      actions.push({
        at: compiledAt,
        run: async () => {
          const fy = (await findBoardYear(db, orgId, beYear))!;
          const content = await compileReport(db, org, fy, audience, period, compiledAt);
          await keepReport(db, orgId, fy.id, content);
        },
      });
    }
  }

  const due = actions.filter((a) => a.at < now).map((a, i) => ({ ...a, i })).sort((a, b) => a.at - b.at || a.i - b.i);
  for (const action of due) await withClock(() => action.at, action.run);
}

function evidence(beYear: number, card: PlayedCard, codes: readonly string[], stage: string) {
  const oitCode = codes.length > 0 ? codes[(card.measure * 5 + card.step) % codes.length]! : null;
  return {
    url: `https://phichit.example.go.th/ita/${beYear}/measure-${card.measure}-step-${card.step}${stage === 'ร่าง' ? '-draft' : ''}.pdf`,
    note: `${stage} มาตรการที่ ${card.measure} ขั้นตอนที่ ${card.step}`,
    oitCode,
  };
}

async function summary(db: Db, orgId: string, beYear: number): Promise<LiveDemo['years'][number]> {
  const fy = (await findBoardYear(db, orgId, beYear))!;
  const count = async (table: typeof cards | typeof cardEvents) => db.$count(table, and(eq(table.orgId, orgId), eq(table.fiscalYearId, fy.id)));
  return {
    beYear,
    fiscalYearId: fy.id,
    cards: await count(cards),
    events: await count(cardEvents),
    reports: await db.$count(reports, and(eq(reports.orgId, orgId), eq(reports.fiscalYearId, fy.id))),
  };
}
