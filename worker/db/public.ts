// What the public may see of the fiscal years an administrator published (fiscal_years.published,
// one choice per year): the measures, each step's state (column category and label) and the
// evidence links published (link_published), with their notes only where someone chose to
// publish the note (note_published), nothing else. The reads name their columns one by one — no
// card details, comments, people, user ids or event actors are ever selected, so they cannot
// leak through a later change to the shaping code — and the choice is part of the query itself:
// a year that is not published reads as absent.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from './client';
import { boardColumns, cards, evidenceLinks, fiscalYears, groups, measures, organisations } from './schema';
import type { BatchItem } from 'drizzle-orm/batch';
import { toCsv, type CsvValue } from '../domain/csv';
import { percentOf } from '../domain/progress';
import { isTrustworthyWebUrl } from '../domain/user-text';
import { isFileAddress } from '../domain/file-type';
import type { PublicStatus, PublicStep, PublicMeasure, PublicView } from '../domain/views';

/**
 * What the office's public answers are built from, as a short string, null for an unknown office:
 * its publication version (see organisations.publicationVersion: what is published) and the head
 * of the event log (what the board holds: a move, an edit, a new step) of the fiscal year asked
 * for, or without one of each fiscal year, added up. Both only grow, so an answer cached under an
 * older string is never found again, and a move in one year leaves the other years' answers
 * cached. One read, through the (fiscal_year_id, seq) index.
 */
export async function publicationVersion(db: Db, slug: string, beYear?: number): Promise<string | null> {
  const head = sql`(select max(e.seq) from card_events e where e.fiscal_year_id = f.id)`;
  const board =
    beYear === undefined
      ? sql<number>`(select coalesce(sum(${head}), 0) from fiscal_years f where f.org_id = "organisations"."id")`
      : sql<number>`(select coalesce(${head}, 0) from fiscal_years f where f.org_id = "organisations"."id" and f.be_year = ${beYear})`;
  const [row] = await db
    .select({ v: organisations.publicationVersion, board })
    .from(organisations)
    .where(eq(organisations.slug, slug))
    .limit(1);
  return row ? `${row.v}.${row.board ?? 0}` : null;
}

/** Advances the office's publication version: batch it with every change of what is published. */
export function advancePublication(db: Db, orgId: string): BatchItem<'sqlite'> {
  return db
    .update(organisations)
    .set({ publicationVersion: sql`${organisations.publicationVersion} + 1` })
    .where(eq(organisations.id, orgId));
}

/** Publishes or withdraws one fiscal year of the office; null when the office has no such year. */
export async function setYearPublished(db: Db, orgId: string, beYear: number, published: boolean, audit: BatchItem<'sqlite'>) {
  // A year that does not exist changes nothing and records nothing.
  const [year] = await db.select({ id: fiscalYears.id }).from(fiscalYears).where(and(eq(fiscalYears.orgId, orgId), eq(fiscalYears.beYear, beYear)));
  if (!year) return null;
  const [rows] = await db.batch([
    db
      .update(fiscalYears)
      .set({ published })
      .where(and(eq(fiscalYears.orgId, orgId), eq(fiscalYears.beYear, beYear)))
      .returning({ beYear: fiscalYears.beYear, published: fiscalYears.published }),
    advancePublication(db, orgId),
    audit,
  ]);
  return rows[0] ?? null;
}

/** The office's published fiscal years; null when it publishes none (or does not exist). */
export async function publicYears(db: Db, slug: string): Promise<{ office: PublicView['office']; years: number[] } | null> {
  const rows = await db
    .select({ slug: organisations.slug, nameTh: organisations.nameTh, nameEn: organisations.nameEn, beYear: fiscalYears.beYear })
    .from(organisations)
    .innerJoin(fiscalYears, and(eq(fiscalYears.orgId, organisations.id), eq(fiscalYears.published, true)))
    .where(eq(organisations.slug, slug))
    .orderBy(asc(fiscalYears.beYear));
  const first = rows[0];
  if (!first) return null;
  return { office: { slug: first.slug, nameTh: first.nameTh, nameEn: first.nameEn }, years: rows.map((r) => r.beYear) };
}

/**
 * `origin`: the deployment's origin as asked (its cache key carries it too): a board file's address
 * is relative on the board (/files/…) and is given whole here, so the open data's links work where
 * they are read.
 */
export async function loadPublic(db: Db, slug: string, beYear: number, now = Date.now(), origin?: string): Promise<PublicView | null> {
  const orgId = sql`(select "id" from "organisations" where "slug" = ${slug})`;
  const fyId = sql`(select "id" from "fiscal_years" where "org_id" = ${orgId} and "be_year" = ${beYear} and "published" = 1)`;
  const [[org], [fy], columns, ms, cs, gs, evidence] = await db.batch([
    db.select({ slug: organisations.slug, nameTh: organisations.nameTh, nameEn: organisations.nameEn }).from(organisations).where(eq(organisations.id, orgId)),
    db.select({ beYear: fiscalYears.beYear, titleTh: fiscalYears.titleTh, startsOn: fiscalYears.startsOn, endsOn: fiscalYears.endsOn }).from(fiscalYears).where(eq(fiscalYears.id, fyId)),
    db
      .select({ id: boardColumns.id, key: boardColumns.key, category: boardColumns.category, labelTh: boardColumns.labelTh, labelEn: boardColumns.labelEn })
      .from(boardColumns)
      .where(eq(boardColumns.fiscalYearId, fyId))
      .orderBy(asc(boardColumns.position)),
    db
      .select({ id: measures.id, section: measures.section, number: measures.number, title: measures.title, leadGroupId: measures.leadGroupId, allGroups: measures.allGroups })
      .from(measures)
      .where(eq(measures.fiscalYearId, fyId))
      .orderBy(asc(measures.section), asc(measures.number)),
    db
      .select({ id: cards.id, measureId: cards.measureId, stepNumber: cards.stepNumber, title: cards.title, columnId: cards.columnId, dueOn: cards.dueOn })
      .from(cards)
      .where(eq(cards.fiscalYearId, fyId))
      .orderBy(asc(cards.stepNumber)),
    db.select({ id: groups.id, nameTh: groups.nameTh, nameEn: groups.nameEn }).from(groups).where(eq(groups.orgId, orgId)),
    db
      .select({
        cardId: evidenceLinks.cardId,
        url: evidenceLinks.url,
        // A note is internal unless someone chose to publish it: it is not even read otherwise.
        note: sql<string>`case when ${evidenceLinks.notePublished} = 1 then ${evidenceLinks.note} else '' end`,
        oitCode: evidenceLinks.oitCode,
        fileId: evidenceLinks.fileId,
      })
      .from(evidenceLinks)
      .innerJoin(cards, eq(cards.id, evidenceLinks.cardId))
      .where(and(eq(cards.fiscalYearId, fyId), eq(evidenceLinks.orgId, orgId), eq(evidenceLinks.linkPublished, true)))
      .orderBy(asc(evidenceLinks.createdAt)),
  ]);
  if (!org || !fy) return null;
  const status = new Map(columns.map(({ id, ...s }) => [id, s]));
  // A card always sits in one of its year's columns; the fallback only keeps the types honest.
  const fallback: PublicStatus = { key: '', category: 'todo', labelTh: '', labelEn: '' };
  const group = new Map(gs.map((g) => [g.id, g]));
  const links = new Map<string, PublicStep['evidence']>();
  for (const e of evidence) {
    // Only web links and the board's own files are published; anything else (a script URL) is not.
    if (!(e.fileId ? isFileAddress(e.url) : isTrustworthyWebUrl(e.url))) continue;
    const url = e.fileId && origin ? new URL(e.url, origin).href : e.url;
    links.set(e.cardId, [...(links.get(e.cardId) ?? []), { url, note: e.note, oitCode: e.oitCode }]);
  }
  const measureViews = ms.map((m): PublicMeasure => {
    const steps = cs
      .filter((c) => c.measureId === m.id)
      .map((c): PublicStep => {
        const { key, category, labelTh, labelEn } = status.get(c.columnId) ?? fallback;
        return { number: c.stepNumber, title: c.title, dueOn: c.dueOn, status: { key, category, labelTh, labelEn }, evidence: links.get(c.id) ?? [] };
      });
    const done = steps.filter((s) => s.status.category === 'done').length;
    const lead = m.leadGroupId ? group.get(m.leadGroupId) : undefined;
    return {
      number: m.number,
      title: m.title,
      responsibleTh: lead?.nameTh ?? '',
      responsibleEn: lead?.nameEn ?? '',
      allGroups: m.allGroups,
      total: steps.length,
      done,
      percent: percentOf(done, steps.length),
      steps,
    };
  });
  const total = measureViews.reduce((n, m) => n + m.total, 0);
  const done = measureViews.reduce((n, m) => n + m.done, 0);
  return {
    office: org,
    fiscalYear: fy,
    generatedAt: new Date(now).toISOString(),
    summary: { steps: total, done, percent: percentOf(done, total) },
    columns: columns.map(({ id: _id, ...s }) => s),
    measures: measureViews,
  };
}

// ---- Open data: one CSV row per step ----

/** The CSV's columns, documented (Frictionless Table Schema field descriptors). */
export const PUBLIC_CSV_FIELDS = [
  { name: 'fiscal_year', type: 'integer', title: 'ปีงบประมาณ (พ.ศ.)', description: 'Fiscal year, Buddhist Era (2567 = 1 Oct 2023 – 30 Sep 2024).' },
  { name: 'measure_number', type: 'integer', title: 'มาตรการที่', description: 'Number of the measure in the announcement table.' },
  { name: 'measure_title', type: 'string', title: 'มาตรการ', description: 'Title of the measure, as announced.' },
  { name: 'responsible_group', type: 'string', title: 'ผู้รับผิดชอบ', description: 'Lead group (Thai name); empty when not resolved.' },
  { name: 'all_groups', type: 'boolean', title: 'ทุกกลุ่มงานร่วมดำเนินการ', description: 'true when every group of the office takes part (และทุกกลุ่มงาน).' },
  { name: 'step_number', type: 'integer', title: 'ขั้นตอนที่', description: 'Number of the step within its measure.' },
  { name: 'step_title', type: 'string', title: 'ขั้นตอน/วิธีดำเนินการ', description: 'The step, as announced.' },
  { name: 'status', type: 'string', title: 'สถานะ', description: 'Progress category: todo (not started), doing (in progress), review (awaiting report), done (complete).' },
  { name: 'status_label_th', type: 'string', title: 'สถานะ (ไทย)', description: "The board column's Thai label." },
  { name: 'status_label_en', type: 'string', title: 'Status (English)', description: "The board column's English label." },
  { name: 'due_on', type: 'date', title: 'กำหนดเสร็จ', description: 'Due date, ISO 8601 Gregorian (YYYY-MM-DD); empty when none.' },
  { name: 'evidence_count', type: 'integer', title: 'จำนวนหลักฐาน', description: 'Number of published evidence links.' },
  { name: 'evidence_urls', type: 'string', title: 'ลิงก์หลักฐาน', description: 'Evidence URLs separated by single spaces.' },
  { name: 'oit_codes', type: 'string', title: 'ข้อ OIT', description: 'OIT item codes the evidence serves (e.g. O12), separated by semicolons.' },
] as const;

export function publicCsv(view: PublicView): string {
  const rows: CsvValue[][] = [];
  for (const m of view.measures) {
    for (const s of m.steps) {
      const codes = [...new Set(s.evidence.flatMap((e) => (e.oitCode ? [e.oitCode] : [])))];
      rows.push([
        view.fiscalYear.beYear,
        m.number,
        m.title,
        m.responsibleTh,
        m.allGroups,
        s.number,
        s.title,
        s.status.category,
        s.status.labelTh,
        s.status.labelEn,
        s.dueOn,
        s.evidence.length,
        s.evidence.map((e) => e.url).join(' '),
        codes.join(';'),
      ]);
    }
  }
  return toCsv(PUBLIC_CSV_FIELDS.map((f) => f.name), rows);
}
