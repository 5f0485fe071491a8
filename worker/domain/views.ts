// The answers ("views") of the office's pages: dashboard and O43 report, OIT readiness, the public
// page, the rollover preview and the integrity check. Declared here, beside the request schemas
// (contracts*.ts), so db/ fills them and the web app reads them without reaching into db/.
import type { CrosswalkItem, CrosswalkRow } from './crosswalk';
import type { EvidenceHealth } from './link-health';
import type { ColumnCategory, FiscalYearView } from './contracts';
import type { ColumnInfo, GroupInfo, GroupProgress, MeasureProgress, OverdueCard, SeriesPoint, Tally } from './progress';
import type { O43Measure, O43Summary } from './o43-report';
import type { EvidenceRow, ItemReadiness, ReadinessSummary } from './readiness';
import type { ChainVerdict } from './event-chain';
import type { BoardVerdict } from './replay';

// Dashboard and O43 report

export interface OfficeHeading {
  nameTh: string;
  nameEn: string;
  /** Official documents in Thai digits (OrgSettings.thaiDigits). */
  thaiDigits: boolean;
}

export interface DashboardView {
  office: OfficeHeading;
  fiscalYear: FiscalYearView;
  /** Bangkok date the figures were computed for. */
  today: string;
  columns: ColumnInfo[];
  groups: GroupInfo[];
  overall: Tally;
  measures: MeasureProgress[];
  groupProgress: GroupProgress[];
  overdue: OverdueCard[];
  /** Percent complete and cards per column over time (columns in `columns` order). */
  series: SeriesPoint[];
}

export interface O43ReportView {
  office: OfficeHeading;
  fiscalYear: FiscalYearView;
  from: string;
  to: string;
  generatedAt: number;
  columns: ColumnInfo[];
  groups: GroupInfo[];
  measures: O43Measure[];
  summary: O43Summary;
}

// OIT readiness

export interface OitReadinessView {
  fiscalYear: FiscalYearView;
  today: string;
  /** `submissionDeadline`: this fiscal year's OIT deadline (each year has its own). */
  office: { slug: string; publicPage: boolean; submissionDeadline: string | null };
  /** Whether the reader may edit the catalogue and the settings (the server checks again). */
  canEdit: boolean;
  items: ItemReadiness[];
  summary: ReadinessSummary;
  /** Evidence naming a code that is not in this year's catalogue. */
  unmatched: EvidenceRow[];
  /** The health of each evidence link of the year, by evidence id (domain/link-health.ts). */
  linkHealth: Record<string, EvidenceHealth>;
}

// The public page (open data)

export interface PublicStatus {
  key: string;
  category: ColumnCategory;
  labelTh: string;
  labelEn: string;
}

export interface PublicStep {
  number: number;
  title: string;
  dueOn: string | null;
  status: PublicStatus;
  evidence: { url: string; note: string; oitCode: string | null }[];
}

export interface PublicMeasure {
  number: number;
  title: string;
  /** The lead group (an organisational unit, as named in the announcement). */
  responsibleTh: string;
  responsibleEn: string;
  allGroups: boolean;
  total: number;
  done: number;
  percent: number;
  steps: PublicStep[];
}

export interface PublicView {
  office: { slug: string; nameTh: string; nameEn: string };
  fiscalYear: { beYear: number; titleTh: string; startsOn: string; endsOn: string };
  generatedAt: string;
  summary: { steps: number; done: number; percent: number };
  columns: PublicStatus[];
  measures: PublicMeasure[];
}

// Rolling a year over

export interface RolloverWarning {
  code: string;
  messageTh: string;
  messageEn: string;
}

export interface RolloverPreview {
  from: number;
  to: number;
  /** Years between source and target: due dates move by this many years. */
  yearsBetween: number;
  /** The target is not the year after the source: the commit needs `confirmNonAdjacent`. */
  needsConfirmation: boolean;
  fiscalYear: { beYear: number; titleTh: string; startsOn: string; endsOn: string };
  columns: { key: string; labelTh: string; labelEn: string; category: string }[];
  measures: { number: number; title: string; steps: number }[];
  counts: { measures: number; steps: number; columns: number; oitItems: number; groups: number };
  /** What stays behind in the source year. */
  notCarried: { evidence: number; comments: number; stepsDone: number };
  warnings: RolloverWarning[];
  /** The catalogue version named for the target year when it is not the source year's list (db/catalogues.ts). */
  catalogue?: { id: string; name: string; source: string; items: number; list: CrosswalkItem[] };
  /** The proposed crosswalk from the source year's OIT codes to the version's (kept with the new year). */
  crosswalk?: CrosswalkRow[];
}

// Integrity

/** Administration → Integrity: the event chain, and the board against a replay of its log. */
export type IntegrityVerdict = ChainVerdict & { board: BoardVerdict };
