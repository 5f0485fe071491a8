// The roll-up's answers (issue 19): GET /api/rollup/:beYear (JSON; ?format=csv for the CSV) and
// GET /api/rollup/:beYear/trend. Computed by domain/rollup.ts.

export interface RollupMeasure {
  /** The template measure's id. */
  id: string;
  section: string;
  number: number;
  title: string;
}

/** One office × one measure (or summed): steps, done, % done, overdue today, due by today and not done, evidence links. */
export interface RollupCell {
  total: number;
  done: number;
  percent: number;
  overdue: number;
  /** Steps due by today that are not done: how far below the expected progress. */
  behind: number;
  evidence: number;
}

export interface RollupOffice {
  id: string;
  slug: string;
  nameTh: string;
  nameEn: string;
  /** What the parent set on the office (region, cluster, size…). */
  attributes: Record<string, string>;
  /** The office has at least one of the template's measures on its board of the year. */
  adopted: boolean;
  /** One per template measure, in `measures` order; null: not on the office's board. */
  cells: (RollupCell | null)[];
  /** All template measures together. */
  sum: RollupCell;
  /** OIT readiness: catalogue items with at least one evidence link. */
  oit: { items: number; ready: number; percent: number };
}

export interface RollupTotals extends RollupCell {
  /** Per template measure, every office together. */
  measures: RollupCell[];
  offices: number;
  adopted: number;
  /** The offices' OIT readiness, averaged over the offices with a catalogue. */
  oitPercent: number;
}

export interface RollupView {
  parent: { id: string; nameTh: string; nameEn: string };
  beYear: number;
  /** The Bangkok day overdue and behind are counted for. */
  today: string;
  measures: RollupMeasure[];
  /** Every attribute name set on the offices: the filters. */
  attributeKeys: string[];
  offices: RollupOffice[];
  totals: RollupTotals;
  /** The offices furthest below the expected progress (most steps due by today not done), worst first. */
  mostBehind: { officeId: string; behind: number; percent: number; overdue: number }[];
}

/** One day of the trend: every descendant office's template steps together. */
export interface RollupTrendPoint {
  day: string;
  total: number;
  done: number;
  percent: number;
  overdue: number;
  behind: number;
}

export interface RollupTrend {
  beYear: number;
  points: RollupTrendPoint[];
}
