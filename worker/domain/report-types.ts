// The shape of a compiled monitoring report (kept as the `content` of a row in `reports`) and of
// the reports API's answers. Shared with the web app as types only. Content holds data, not
// formatted text: dates as YYYY-MM-DD or ms since epoch; each reader (email, CSV, web, print)
// formats them in Buddhist Era, Bangkok time, with Thai digits when `thaiDigits` was on.
import type { ColumnCategory } from './contracts';
import type { ReportPeriod } from './report-period';
import type { DigestLink } from './report-digest';

/** The reports an office can send: the two meeting reports and the directors' digest (declared once: the schema's columns use these too). */
export const REPORT_KINDS = ['executive', 'staff', 'digest'] as const;
export type ReportKindName = (typeof REPORT_KINDS)[number];
export type MeetingReportKind = Exclude<ReportKindName, 'digest'>;

/** Steps of a set of cards by status at the period's end. */
export interface Progress {
  total: number;
  /** In a column whose category is 'done'. */
  done: number;
  /** 'doing' or 'review'. */
  inProgress: number;
  /** 'todo'. */
  notStarted: number;
  /** done / total × 100, one decimal; 0 when there are no steps. */
  percent: number;
}

/** A report's period as kept and answered: report-period.ts's ReportPeriod, declared once. */
export type PeriodView = ReportPeriod;

export interface ColumnRef {
  labelTh: string;
  labelEn: string;
  category: ColumnCategory;
}

export interface CardRef {
  cardId: string;
  measureNumber: number | null;
  stepNumber: number;
  title: string;
}

export interface MeasureRow {
  measureId: string;
  section: string;
  number: number;
  title: string;
  responsibleText: string;
  progress: Progress;
  /** Percent points since the previous report of the same kind; null when there is none. */
  percentChange: number | null;
}

export interface GroupRow {
  /** null: cards with no lead group. */
  groupId: string | null;
  nameTh: string;
  nameEn: string;
  progress: Progress;
}

export interface MoveRow extends CardRef {
  from: ColumnRef | null;
  to: ColumnRef | null;
  actor: string | null;
  at: number;
}

export interface OverdueRow extends CardRef {
  dueOn: string;
  /** Whole days between the due date and the period's last day (0: due on the last day). */
  daysOverdue: number;
  column: ColumnRef | null;
  groupNameTh: string | null;
}

export interface EvidenceRow extends CardRef {
  url: string;
  note: string;
  oitCode: string | null;
  actor: string | null;
  at: number;
  /** Removed again before the period ended. */
  removed: boolean;
}

export interface ReportChange {
  previousReportId: string;
  previousPeriodKey: string;
  percentPoints: number;
  done: number;
  inProgress: number;
  notStarted: number;
  overdue: number;
}

export interface ReportContent {
  version: 1;
  kind: MeetingReportKind;
  org: { nameTh: string; nameEn: string };
  fiscalYear: { beYear: number; titleTh: string };
  period: PeriodView;
  compiledAt: number;
  thaiDigits: boolean;
  /** The event chain: its head when compiled, and the last event inside the period. */
  chain: { seq: number; hash: string; periodEndSeq: number };
  totals: Progress;
  measures: MeasureRow[];
  groups: GroupRow[];
  moves: MoveRow[];
  overdue: OverdueRow[];
  overdueCount: number;
  evidence: EvidenceRow[];
  /** Rows left out of the lists above to keep a snapshot within D1's row size. */
  omitted: { moves: number; overdue: number; evidence: number };
  change: ReportChange | null;
  /**
   * Executives' reports compiled within 30 days of the year's OIT deadline (issue 18): the
   * evidence links the daily check flagged, dead first. Absent otherwise, and in reports kept before.
   */
  oitLinks?: { deadline: string; days: number; links: DigestLink[] };
}

export interface ReportSummary {
  id: string;
  kind: MeetingReportKind;
  periodKey: string;
  periodStart: number;
  periodEnd: number;
  createdAt: number;
  totals: Progress;
}

export interface ReportView extends ReportSummary {
  chainSeq: number;
  chainHash: string;
  content: ReportContent;
}

export interface PeriodChoice extends PeriodView {
  /** The period has ended (only ended periods can be kept and sent). */
  ended: boolean;
}

/** One audience's reporting cadence in a fiscal year, and a change that starts with the next period. */
export interface ScheduleAudienceView {
  audience: MeetingReportKind;
  cadence: 'twice-monthly' | 'monthly' | 'quarterly' | 'half-yearly';
  /** Set when stored: false means the seed's rhythm applies because nothing was stored. */
  stored: boolean;
  pending: { cadence: ScheduleAudienceView['cadence']; effectiveFrom: string } | null;
}

export interface ReportArchive {
  fiscalYear: { beYear: number; titleTh: string; archived?: boolean };
  reports: ReportSummary[];
  /** Periods of the fiscal year that have started, latest first, under its schedule. */
  periods: Record<MeetingReportKind, PeriodChoice[]>;
  schedule?: ScheduleAudienceView[];
}

export interface RecipientView {
  id: string;
  kind: ReportKindName;
  email: string;
  name: string;
}

export interface ReportSettingsView {
  reportKinds: Record<ReportKindName, boolean>;
  recipients: RecipientView[];
  /** How many accounts receive each kind by default (before explicit recipients). */
  defaultRecipients: Record<ReportKindName, number>;
}

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

/** How an outbox message travels: email now; LINE pushes join later. */
export const OUTBOX_CHANNELS = ['email', 'line'] as const;
export type OutboxChannel = (typeof OUTBOX_CHANNELS)[number];

export interface OutboxMessageView {
  id: string;
  reportId: string | null;
  channel: OutboxChannel;
  /** The recipient: an email address (channel 'email'), or null. */
  toEmail: string | null;
  /** The recipient on another channel (a LINE group), or null. */
  target: string | null;
  subject: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  sentAt: number | null;
  createdAt: number;
}

export interface SendReportResult {
  report: ReportSummary;
  /** false: the report of this period had already been kept (nothing compiled again). */
  created: boolean;
  /** Messages newly queued (recipients who already had theirs are not queued twice). */
  queued: number;
}
