// A parent body's roll-up (issue 19): every descendant office × every measure of the parent's
// template for a fiscal year, from the per-measure aggregates (domain/aggregates.ts) alone. Pure:
// db/rollup.ts reads the rows, routes/rollup.ts answers JSON and CSV, the cron's monthly report
// compiles the same view. Overdue and "behind" are counted for `today` when it is computed.
import { behindOn, overdueOn, totalOf, type AggregateCounts } from './aggregates';
import { percentOf } from './progress';
import { toCsv, type CsvValue } from './csv';
import type { RollupCell, RollupMeasure, RollupOffice, RollupTotals, RollupView } from './contracts-rollup';

export interface RollupOfficeRow {
  id: string;
  slug: string;
  nameTh: string;
  nameEn: string;
  attributes: Record<string, string>;
}

export interface RollupAggregateRow extends AggregateCounts {
  orgId: string;
  templateMeasureId: string | null;
  oitItems: number;
}

export interface RollupInput {
  parent: { id: string; nameTh: string; nameEn: string };
  beYear: number;
  today: string;
  measures: readonly RollupMeasure[];
  offices: readonly RollupOfficeRow[];
  rows: readonly RollupAggregateRow[];
}

/** How many offices the "most behind" ranking lists. */
export const MOST_BEHIND = 10;

function cellOf(rows: readonly RollupAggregateRow[], today: string): RollupCell {
  let total = 0;
  let done = 0;
  let overdue = 0;
  let behind = 0;
  let evidence = 0;
  for (const r of rows) {
    total += totalOf(r);
    done += r.done;
    overdue += overdueOn(r.due, today);
    behind += behindOn(r.due, today);
    evidence += r.evidence;
  }
  return { total, done, percent: percentOf(done, total), overdue, behind, evidence };
}

function sumCells(cells: readonly (RollupCell | null)[]): RollupCell {
  const c = { total: 0, done: 0, percent: 0, overdue: 0, behind: 0, evidence: 0 };
  for (const x of cells) {
    if (!x) continue;
    c.total += x.total;
    c.done += x.done;
    c.overdue += x.overdue;
    c.behind += x.behind;
    c.evidence += x.evidence;
  }
  c.percent = percentOf(c.done, c.total);
  return c;
}

export function computeRollup(input: RollupInput): RollupView {
  const { today } = input;
  const byOffice = new Map<string, RollupAggregateRow[]>();
  for (const r of input.rows) (byOffice.get(r.orgId) ?? byOffice.set(r.orgId, []).get(r.orgId)!).push(r);
  const measureIndex = new Map(input.measures.map((m, i) => [m.id, i]));
  const attributeKeys = new Set<string>();
  const offices: RollupOffice[] = input.offices.map((o) => {
    for (const k of Object.keys(o.attributes)) attributeKeys.add(k);
    const rows = byOffice.get(o.id) ?? [];
    const perMeasure: RollupAggregateRow[][] = input.measures.map(() => []);
    for (const r of rows) {
      const i = r.templateMeasureId ? measureIndex.get(r.templateMeasureId) : undefined;
      if (i !== undefined) perMeasure[i]!.push(r);
    }
    const cells = perMeasure.map((rs) => (rs.length === 0 ? null : cellOf(rs, today)));
    // OIT readiness is the office's, over every measure of its board: items with evidence.
    const codes = new Set<string>();
    for (const r of rows) for (const [code, n] of Object.entries(r.oit)) if (n > 0) codes.add(code);
    const items = rows[0]?.oitItems ?? 0;
    const ready = Math.min(codes.size, items);
    return {
      id: o.id,
      slug: o.slug,
      nameTh: o.nameTh,
      nameEn: o.nameEn,
      attributes: o.attributes,
      adopted: cells.some((c) => c !== null),
      cells,
      sum: sumCells(cells),
      oit: { items, ready, percent: percentOf(ready, items) },
    };
  });
  const measureTotals = input.measures.map((_, i) => sumCells(offices.map((o) => o.cells[i] ?? null)));
  const all = sumCells(measureTotals);
  const withOit = offices.filter((o) => o.oit.items > 0);
  const totals: RollupTotals = {
    ...all,
    measures: measureTotals,
    offices: offices.length,
    adopted: offices.filter((o) => o.adopted).length,
    oitPercent: withOit.length === 0 ? 0 : Math.round((withOit.reduce((n, o) => n + o.oit.percent, 0) / withOit.length) * 10) / 10,
  };
  const mostBehind = offices
    .filter((o) => o.sum.behind > 0)
    .sort((a, b) => b.sum.behind - a.sum.behind || a.sum.percent - b.sum.percent || a.nameTh.localeCompare(b.nameTh, 'th'))
    .slice(0, MOST_BEHIND)
    .map((o) => ({ officeId: o.id, behind: o.sum.behind, percent: o.sum.percent, overdue: o.sum.overdue }));
  return {
    parent: input.parent,
    beYear: input.beYear,
    today,
    measures: [...input.measures],
    attributeKeys: [...attributeKeys].sort(),
    offices,
    totals,
    mostBehind,
  };
}

/** The CSV's header, in the language asked for. */
export interface RollupCsvLabels {
  office: string;
  slug: string;
  measure: string;
  total: string;
  done: string;
  percent: string;
  overdue: string;
  behind: string;
  evidence: string;
  oit: string;
  allMeasures: string;
}

/**
 * The roll-up as CSV: one row per office and template measure, then the office's row for all of
 * them; the parent's attributes as columns. Cells go through csv.ts (formula-safe, quoted).
 */
export function rollupCsv(view: RollupView, labels: RollupCsvLabels, lang: 'th' | 'en'): string {
  const name = (o: { nameTh: string; nameEn: string }) => (lang === 'en' && o.nameEn ? o.nameEn : o.nameTh);
  const header = [labels.office, labels.slug, ...view.attributeKeys, labels.measure, labels.total, labels.done, labels.percent, labels.overdue, labels.behind, labels.evidence, labels.oit];
  const rows: CsvValue[][] = [];
  const line = (o: RollupOffice, measure: string, c: RollupCell | null, oit: CsvValue): CsvValue[] => [
    name(o),
    o.slug,
    ...view.attributeKeys.map((k) => o.attributes[k] ?? ''),
    measure,
    c?.total ?? '',
    c?.done ?? '',
    c ? c.percent : '',
    c?.overdue ?? '',
    c?.behind ?? '',
    c?.evidence ?? '',
    oit,
  ];
  for (const o of view.offices) {
    view.measures.forEach((m, i) => rows.push(line(o, `${m.number}. ${m.title}`, o.cells[i] ?? null, '')));
    rows.push(line(o, labels.allMeasures, o.sum, o.oit.items > 0 ? o.oit.percent : ''));
  }
  return toCsv(header, rows);
}
