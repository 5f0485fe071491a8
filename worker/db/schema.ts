// The one source of truth for ITA Board's data. Migrations are generated from this file by
// drizzle-kit (`npm run db:generate`) and applied by wrangler. Every row that belongs to an office
// carries `orgId`, and every query filters on it (tenancy).
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

import { COLUMN_CATEGORIES, ORG_KINDS, ROLES, type ColumnCategory, type OrgKind, type Role } from '../domain/contracts';
import { OUTBOX_CHANNELS } from '../domain/report-types';
import { LINK_ERRORS } from '../domain/link-health';

export { COLUMN_CATEGORIES, ORG_KINDS, ROLES, type ColumnCategory, type OrgKind, type Role };

import { REPORT_KINDS, type ReportKindName as ReportKind } from '../domain/report-types';
export { REPORT_KINDS, type ReportKind };

export interface OrgSettings {
  /** Official documents and emails in Thai digits (๐–๙). */
  thaiDigits?: boolean;
  /** The public progress page and open data are published (opt-in). */
  publicPage?: boolean;
  /** Which scheduled reports the office receives; all when absent. */
  reportKinds?: Partial<Record<ReportKind, boolean>>;
  /** The official-memo head and signature of printed reports (domain/memo.ts); thaiDigits above. */
  memo?: { department?: string; docPrefix?: string; addressee?: string; signerName?: string; signerPosition?: string };
  /** A step moved into a done column needs evidence (domain/done-rule.ts); on when absent. */
  doneNeedsEvidence?: boolean;
  /** Before migration 0005: one OIT deadline per office. Now per fiscal year (fiscal_years.oit_deadline); no longer read. */
  submissionDeadline?: string;
  /** The office's main website, a domain (`office.go.th`, subdomains included): evidence elsewhere is flagged (domain/link-health.ts). */
  mainWebsite?: string;
}

export interface ChecklistItem {
  id: string;
  text: string;
  done: boolean;
}

/** An item of a catalogue version (domain/readiness.ts CatalogueRow). */
export interface CatalogueItemRow {
  code: string;
  titleTh: string;
  subIndicator: string;
  titleEn: string;
}

/** A confirmed crosswalk row: the old code, its new code or none, and the proposal's score. */
export interface CrosswalkEntry {
  oldCode: string;
  oldTitle: string;
  newCode: string | null;
  score: number;
}

const createdAt = () =>
  integer('created_at', { mode: 'number' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

export const organisations = sqliteTable('organisations', {
  id: text('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  nameTh: text('name_th').notNull(),
  nameEn: text('name_en').notNull().default(''),
  /** JSON: { thaiDigits?: boolean, publicPage?: boolean } */
  settings: text('settings', { mode: 'json' }).$type<OrgSettings>().notNull().default({}),
  createdAt: createdAt(),
  /** The emblem printed on the office's memos: a PNG or JPEG data: URL (domain/memo.ts), or null. */
  memoEmblem: text('memo_emblem'),
  /**
   * Advanced by every change of which years the office publishes (a year published, withdrawn
   * or deleted): the public answers' edge-cache key carries it, so a withdrawal takes
   * effect at once at every location. A link or note published, withdrawn or removed writes a card
   * event instead, which advances the year's event-log head the key also carries.
   */
  publicationVersion: integer('publication_version').notNull().default(0),
  /**
   * The parent body this organisation belongs to (issue 19: organisations form a tree), or null.
   * Set only when the organisation's administrator accepts the parent's invitation; a cycle is refused.
   */
  parentId: text('parent_id').references((): AnySQLiteColumn => organisations.id),
  /** 'office' (has boards) or 'parent' (a parent body: oversees its descendants, publishes templates). */
  kind: text('kind', { enum: ORG_KINDS }).notNull().default('office'),
  /** Set by the parent body on each child office (region, cluster, size…): filters of its roll-up. */
  attributes: text('attributes', { mode: 'json' }).$type<Record<string, string>>().notNull().default({}),
  // (parent_id, kind): the roll-up walks down through parent bodies only, and lists the offices
  // of each parent body in one range (db/rollup.ts).
}, (t) => [index('organisations_parent').on(t.parentId, t.kind)]);

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  /** Always stored lower-case; sign-in compares lower-case. */
  email: text('email').notNull().unique(),
  displayName: text('display_name').notNull(),
  /** `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>`; null for accounts that sign in by other means. */
  passwordHash: text('password_hash'),
  createdAt: createdAt(),
  /**
   * Set when an administrator gave a temporary password: it must be changed at the first sign-in,
   * before this time (ms); null for a password the user chose.
   */
  passwordExpiresAt: integer('password_expires_at'),
});

export const groups = sqliteTable(
  'groups',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id').notNull().references(() => organisations.id),
    nameTh: text('name_th').notNull(),
    nameEn: text('name_en').notNull().default(''),
    position: integer('position').notNull().default(0),
  },
  (t) => [uniqueIndex('groups_org_name').on(t.orgId, t.nameTh)],
);

export const memberships = sqliteTable(
  'memberships',
  {
    orgId: text('org_id').notNull().references(() => organisations.id),
    userId: text('user_id').notNull().references(() => users.id),
    role: text('role', { enum: ROLES }).notNull(),
    /** The group a director directs (required for directors), or a staff member belongs to. */
    groupId: text('group_id').references(() => groups.id),
    createdAt: createdAt(),
    /** When an administrator disabled the member (no sign-in, no sessions); null while active. */
    disabledAt: integer('disabled_at'),
    /** When an administrator removed the member: the name stays on the history; null while a member. */
    removedAt: integer('removed_at'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.userId] })],
);

export const sessions = sqliteTable(
  'sessions',
  {
    /** SHA-256 of the cookie's token: a leaked table cannot be replayed as cookies. */
    id: text('id').primaryKey(),
    userId: text('user_id').notNull().references(() => users.id),
    orgId: text('org_id').notNull().references(() => organisations.id),
    createdAt: createdAt(),
    expiresAt: integer('expires_at').notNull(),
    revokedAt: integer('revoked_at'),
    /** What the user sees in their list of sessions: the browser and the address it signed in from. */
    userAgent: text('user_agent').notNull().default(''),
    ip: text('ip'),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

export const fiscalYears = sqliteTable(
  'fiscal_years',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id').notNull().references(() => organisations.id),
    /** Buddhist Era year in which the fiscal year ends: 2567 = 1 Oct 2023 – 30 Sep 2024. */
    beYear: integer('be_year').notNull(),
    startsOn: text('starts_on').notNull(),
    endsOn: text('ends_on').notNull(),
    titleTh: text('title_th').notNull().default(''),
    createdAt: createdAt(),
    /** When an administrator archived the year (read-only, off the default menus); null while in use. */
    archivedAt: integer('archived_at'),
    /** The year's progress page and open data are public (an administrator's choice per year; new years start unpublished). */
    published: integer('published', { mode: 'boolean' }).notNull().default(false),
    /** OIT submission deadline of this fiscal year's assessment, YYYY-MM-DD (Gregorian); null: not set. */
    oitDeadline: text('oit_deadline'),
  },
  (t) => [uniqueIndex('fiscal_years_org_year').on(t.orgId, t.beYear)],
);

export const boardColumns = sqliteTable(
  'board_columns',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id').notNull().references(() => organisations.id),
    fiscalYearId: text('fiscal_year_id').notNull().references(() => fiscalYears.id),
    key: text('key').notNull(),
    labelTh: text('label_th').notNull(),
    labelEn: text('label_en').notNull(),
    category: text('category', { enum: COLUMN_CATEGORIES }).notNull(),
    position: integer('position').notNull(),
    wipLimit: integer('wip_limit'),
  },
  (t) => [uniqueIndex('board_columns_year_key').on(t.fiscalYearId, t.key)],
);

export const measures = sqliteTable(
  'measures',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id').notNull().references(() => organisations.id),
    fiscalYearId: text('fiscal_year_id').notNull().references(() => fiscalYears.id),
    /** Where the measure comes from in the announcement, e.g. 'table' or '2'. */
    section: text('section').notNull().default('table'),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    /** The responsible column exactly as the announcement wrote it. */
    responsibleText: text('responsible_text').notNull().default(''),
    leadGroupId: text('lead_group_id').references(() => groups.id),
    allGroups: integer('all_groups', { mode: 'boolean' }).notNull().default(false),
    /** Monitoring / reporting requirements, one per entry. */
    monitoring: text('monitoring', { mode: 'json' }).$type<string[]>().notNull().default([]),
    /** The parent body's template measure this measure was adopted from (issue 19), or null. */
    templateMeasureId: text('template_measure_id').references(() => templateMeasures.id),
  },
  (t) => [uniqueIndex('measures_year_section_number').on(t.fiscalYearId, t.section, t.number)],
);

export const cards = sqliteTable(
  'cards',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id').notNull().references(() => organisations.id),
    fiscalYearId: text('fiscal_year_id').notNull().references(() => fiscalYears.id),
    measureId: text('measure_id').notNull().references(() => measures.id),
    stepNumber: integer('step_number').notNull(),
    title: text('title').notNull(),
    details: text('details').notNull().default(''),
    leadGroupId: text('lead_group_id').references(() => groups.id),
    /** "และทุกกลุ่มงาน": every group of the office takes part. */
    allGroups: integer('all_groups', { mode: 'boolean' }).notNull().default(false),
    /** Participating groups besides the lead group (kept on the row: one row read per card). */
    groupIds: text('group_ids', { mode: 'json' }).$type<string[]>().notNull().default([]),
    /** Checklist, generated from the measure's monitoring requirements and editable. */
    checklist: text('checklist', { mode: 'json' }).$type<ChecklistItem[]>().notNull().default([]),
    columnId: text('column_id').notNull().references(() => boardColumns.id),
    /** Fractional index (see domain/ordering.ts); unique within a column. */
    orderKey: text('order_key').notNull(),
    /** ISO date (YYYY-MM-DD), Gregorian; shown to people in Buddhist Era. */
    dueOn: text('due_on'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: integer('updated_at').notNull().default(sql`(unixepoch('subsec') * 1000)`),
    /** The parent body's template step this card was adopted from (issue 19), or null. */
    templateStepId: text('template_step_id').references(() => templateSteps.id),
  },
  (t) => [
    uniqueIndex('cards_column_order').on(t.columnId, t.orderKey),
    index('cards_year').on(t.fiscalYearId, t.orgId),
  ],
);

/**
 * Append-only log of every change to a fiscal year's board, written in the same batch as the
 * change. `seq` is gap-free per fiscal year and unique: two writers that read the same head
 * cannot both commit, which is also what keeps the hash chain linear.
 */
export const cardEvents = sqliteTable(
  'card_events',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id').notNull().references(() => organisations.id),
    fiscalYearId: text('fiscal_year_id').notNull().references(() => fiscalYears.id),
    seq: integer('seq').notNull(),
    cardId: text('card_id'),
    actorUserId: text('actor_user_id'),
    kind: text('kind').notNull(),
    before: text('before', { mode: 'json' }).$type<Record<string, unknown> | null>(),
    after: text('after', { mode: 'json' }).$type<Record<string, unknown> | null>(),
    at: integer('at').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    uniqueIndex('card_events_year_seq').on(t.fiscalYearId, t.seq),
    index('card_events_card').on(t.cardId, t.seq),
    // The events of a period (reports, the dashboard's trend) are read by time.
    index('card_events_year_at').on(t.fiscalYearId, t.at),
  ],
);

/**
 * Evidence files (issue 18): the bytes live in R2 (binding FILES) under `r2Key`, written once and
 * never overwritten (a new upload is a new row and key); this row is what D1 knows of them. A file
 * is evidence through the evidence_links row that names it (evidence_links.file_id), added through
 * the board's room with the same batch; removing that evidence keeps the file and this row.
 */
export const evidenceFiles = sqliteTable(
  'evidence_files',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id').notNull().references(() => organisations.id),
    cardId: text('card_id').notNull().references(() => cards.id),
    /** The file's name as uploaded (shown, and the last part of its address). */
    name: text('name').notNull(),
    /** Decided from the content (domain/file-type.ts), never from the name or the browser. */
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    /** SHA-256 of the bytes, hex: the backup names each file by it. */
    sha256: text('sha256').notNull(),
    r2Key: text('r2_key').notNull(),
    uploadedBy: text('uploaded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('evidence_files_card').on(t.cardId), uniqueIndex('evidence_files_key').on(t.r2Key)],
);

export const evidenceLinks = sqliteTable(
  'evidence_links',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id').notNull().references(() => organisations.id),
    cardId: text('card_id').notNull().references(() => cards.id),
    url: text('url').notNull(),
    note: text('note').notNull().default(''),
    /** OIT item code it serves, e.g. 'O12'. */
    oitCode: text('oit_code'),
    addedBy: text('added_by').references(() => users.id),
    createdAt: createdAt(),
    /** The link appears on the public page of a published year (on by default). */
    linkPublished: integer('link_published', { mode: 'boolean' }).notNull().default(true),
    /** Its note appears there too (off by default: notes are internal unless someone chooses). */
    notePublished: integer('note_published', { mode: 'boolean' }).notNull().default(false),
    /** The evidence is this uploaded file (url: its address, /files/<office>/<id>/<name>); null for a web link. */
    fileId: text('file_id').references(() => evidenceFiles.id),
  },
  (t) => [index('evidence_card').on(t.cardId)],
);

export const comments = sqliteTable(
  'comments',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id').notNull().references(() => organisations.id),
    cardId: text('card_id').notNull().references(() => cards.id),
    authorId: text('author_id').references(() => users.id),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('comments_card').on(t.cardId)],
);

/** The fiscal year's catalogue of OIT assessment items (it changes every year: data, not code). */
export const oitItems = sqliteTable(
  'oit_items',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id').notNull().references(() => organisations.id),
    fiscalYearId: text('fiscal_year_id').notNull().references(() => fiscalYears.id),
    code: text('code').notNull(),
    titleTh: text('title_th').notNull(),
    titleEn: text('title_en').notNull().default(''),
    subIndicator: text('sub_indicator').notNull().default(''),
    position: integer('position').notNull().default(0),
  },
  (t) => [uniqueIndex('oit_items_year_code').on(t.fiscalYearId, t.code)],
);

/**
 * A named version of the OIT catalogue ("OIT 2569 (26 items)"), as an administrator imported it,
 * with where it came from. Kept as imported (a version is never edited: a corrected list is a new
 * version); each fiscal year's working items (oit_items) are copied from the version it uses.
 */
export const oitCatalogues = sqliteTable(
  'oit_catalogues',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id').notNull().references(() => organisations.id),
    name: text('name').notNull(),
    /** Where the list came from: free text or an address (shown with it). */
    source: text('source').notNull().default(''),
    items: text('items', { mode: 'json' }).$type<CatalogueItemRow[]>().notNull(),
    createdBy: text('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('oit_catalogues_org_name').on(t.orgId, t.name)],
);

/**
 * Which catalogue version a fiscal year uses, by its Buddhist Era year (a year not created yet can
 * be named: its rollover takes the version), and the crosswalk confirmed when the year moved onto
 * it (old code → new code; null: no counterpart, its evidence kept and listed).
 */
export const oitCatalogueYears = sqliteTable(
  'oit_catalogue_years',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id').notNull().references(() => organisations.id),
    beYear: integer('be_year').notNull(),
    catalogueId: text('catalogue_id').notNull().references(() => oitCatalogues.id),
    crosswalk: text('crosswalk', { mode: 'json' }).$type<CrosswalkEntry[]>().notNull().default([]),
    appliedBy: text('applied_by').references(() => users.id),
    appliedAt: integer('applied_at').notNull(),
  },
  (t) => [uniqueIndex('oit_catalogue_years_org_year').on(t.orgId, t.beYear)],
);

/**
 * The OIT submission's own fields of one item of a fiscal year (issue 18, part 5): the page of the
 * office's website where the item is answered, the explanation sent with it (null until someone
 * edits it: the page shows it prefilled from the evidence notes), and the publish-permission form
 * (แบบฟอร์มการขออนุญาตเผยแพร่ข้อมูลผ่านเว็บไซต์ของหน่วยงาน): what is published, who asked, who
 * approved, who posted it, each with a position and a date (YYYY-MM-DD). Keyed by the item's code,
 * so a catalogue re-imported under the same codes keeps them. `version` guards concurrent edits.
 */
export const oitSubmissions = sqliteTable(
  'oit_submissions',
  {
    orgId: text('org_id').notNull().references(() => organisations.id),
    fiscalYearId: text('fiscal_year_id').notNull().references(() => fiscalYears.id),
    code: text('code').notNull(),
    pageUrl: text('page_url'),
    explanation: text('explanation'),
    publishedInfo: text('published_info').notNull().default(''),
    requesterName: text('requester_name').notNull().default(''),
    requesterPosition: text('requester_position').notNull().default(''),
    requestedOn: text('requested_on'),
    approverName: text('approver_name').notNull().default(''),
    approverPosition: text('approver_position').notNull().default(''),
    approvedOn: text('approved_on'),
    posterName: text('poster_name').notNull().default(''),
    posterPosition: text('poster_position').notNull().default(''),
    postedOn: text('posted_on'),
    version: integer('version').notNull().default(1),
    updatedBy: text('updated_by').references(() => users.id),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.fiscalYearId, t.code] })],
);

/** Compiled monitoring reports: immutable snapshots, one per office, kind and period. */
export const reports = sqliteTable(
  'reports',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id').notNull().references(() => organisations.id),
    fiscalYearId: text('fiscal_year_id').notNull().references(() => fiscalYears.id),
    kind: text('kind', { enum: REPORT_KINDS }).notNull(),
    /** e.g. '2024-06-H1' (first half of June), '2024-06' (month), '2024-06-15' (day). */
    periodKey: text('period_key').notNull(),
    periodStart: integer('period_start').notNull(),
    periodEnd: integer('period_end').notNull(),
    content: text('content', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    /** The event chain's head when compiled: anchors the log (a later truncation shows). */
    chainSeq: integer('chain_seq').notNull().default(0),
    chainHash: text('chain_hash').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('reports_org_kind_period').on(t.orgId, t.kind, t.periodKey)],
);

/**
 * A fiscal year's reporting cadence per audience, from the date it applies (the first day of a
 * period, Bangkok): the import writes one row per audience applying from the year's start; an
 * administrator's change adds a row applying from the next period, so past periods keep the
 * cadence they were compiled under. Years without rows use DEFAULT_SCHEDULE.
 */
export const reportSchedules = sqliteTable(
  'report_schedules',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id').notNull().references(() => organisations.id),
    fiscalYearId: text('fiscal_year_id').notNull().references(() => fiscalYears.id),
    /** 'executive' (executives and group directors) or 'staff' (all staff). */
    audience: text('audience', { enum: ['executive', 'staff'] }).notNull(),
    cadence: text('cadence', { enum: ['twice-monthly', 'monthly', 'quarterly', 'half-yearly'] }).notNull(),
    /** ISO date (YYYY-MM-DD) from which this cadence applies. */
    effectiveFrom: text('effective_from').notNull(),
    createdBy: text('created_by'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('report_schedules_year_audience_from').on(t.fiscalYearId, t.audience, t.effectiveFrom)],
);

export const reportRecipients = sqliteTable(
  'report_recipients',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id').notNull().references(() => organisations.id),
    kind: text('kind', { enum: REPORT_KINDS }).notNull(),
    email: text('email').notNull(),
    name: text('name').notNull().default(''),
  },
  (t) => [uniqueIndex('report_recipients_org_kind_email').on(t.orgId, t.kind, t.email)],
);

/**
 * Outgoing messages, one row per message and recipient, whatever the channel: an email to an
 * address, or (channel 'line') a push to a LINE group. A message is written here once (dedupeKey
 * is unique: a report and a recipient, or a digest, a day and a director) and sent by the outbox
 * job with retries and back-off (db/outbox.ts, cron/outbox-job.ts).
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id').notNull().references(() => organisations.id),
    channel: text('channel', { enum: OUTBOX_CHANNELS }).notNull().default('email'),
    dedupeKey: text('dedupe_key').notNull().unique(),
    reportId: text('report_id').references(() => reports.id),
    /** The recipient of an email (channel 'email'); null for other channels. */
    toEmail: text('to_email'),
    /** The recipient of a push on another channel (a LINE group id); null for email. */
    target: text('target'),
    /** What administrators see in the list: the email's subject, a push's alternative text. */
    subject: text('subject').notNull(),
    /**
     * The complete message as its channel sends it, built once so a retry sends exactly the same
     * bytes: the MIME text of an email, the request body of a LINE push.
     */
    raw: text('raw').notNull(),
    /**
     * A UUID fixed when the message is queued, sent with every attempt so the service can tell a
     * retry from a new message (LINE's X-Line-Retry-Key). Emails carry their Message-ID instead;
     * rows queued before migration 0006 have their id here.
     */
    retryKey: text('retry_key').unique(),
    status: text('status', { enum: ['pending', 'sending', 'sent', 'failed'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    lastError: text('last_error'),
    sentAt: integer('sent_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('outbox_due').on(t.status, t.nextAttemptAt),
    // A report's messages (and the foreign key's check when a report row changes).
    index('outbox_report').on(t.reportId),
    // The office's list of messages: per status, newest first.
    index('outbox_org_status_created').on(t.orgId, t.status, t.createdAt),
    // Every row names its recipient in the column of its channel.
    // (Plain column names: the migration builds the table under another name and renames it.)
    check('outbox_recipient', sql`(channel = 'email' and to_email is not null) or (channel <> 'email' and target is not null)`),
  ],
);

/** Audit trail of security-relevant actions (sign-ins, role changes, refused authorisations). */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orgId: text('org_id'),
    userId: text('user_id'),
    action: text('action').notNull(),
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default({}),
    ip: text('ip'),
    at: integer('at').notNull(),
  },
  (t) => [index('audit_org_at').on(t.orgId, t.at), index('audit_action_at').on(t.action, t.at)],
);

/**
 * Sign-in attempts not yet cleared by a success, per key: an (account, address) pair, an account
 * as tried from unknown browsers, or a known browser's device cookie (domain/throttle.ts).
 * `windowStart` is the time of the last counted attempt; `blockedUntil` (ms) the end of the wait;
 * `lastAttempt` the id of the attempt that was last let through (to tell it its own verdict).
 */
export const signInThrottle = sqliteTable(
  'sign_in_throttle',
  {
    key: text('key').primaryKey(),
    failures: integer('failures').notNull(),
    windowStart: integer('window_start').notNull(),
    blockedUntil: integer('blocked_until').notNull().default(0),
    lastAttempt: text('last_attempt').notNull().default(''),
  },
  // Forgotten counters are deleted by the time of their last attempt.
  (t) => [index('sign_in_throttle_window').on(t.windowStart)],
);

/** Keys the server makes for itself once (the device cookie's signing key). */
export const serverKeys = sqliteTable('server_keys', {
  name: text('name').primaryKey(),
  secret: text('secret').notNull(),
  createdAt: createdAt(),
});

export type Card = typeof cards.$inferSelect;
export type BoardColumn = typeof boardColumns.$inferSelect;
export type Measure = typeof measures.$inferSelect;
export type Group = typeof groups.$inferSelect;
export type FiscalYear = typeof fiscalYears.$inferSelect;
export type CardEvent = typeof cardEvents.$inferSelect;

// LINE (issue 17): an office's own Official Account, the LINE groups its bot is in, the one-time
// codes that link a group to an audience, and the webhook events already handled.

/** The office's Messaging API channel: its secret and access token, each AES-GCM encrypted (db/line.ts). */
export const lineSettings = sqliteTable('line_settings', {
  orgId: text('org_id').primaryKey().references(() => organisations.id),
  channelSecretEnc: text('channel_secret_enc').notNull(),
  channelAccessTokenEnc: text('channel_access_token_enc').notNull(),
  updatedBy: text('updated_by'),
  updatedAt: integer('updated_at').notNull(),
});

/**
 * A LINE group the office's bot is (or was) in, and what it receives: nothing until linked;
 * 'executives' (the executives' reports), 'staff' (the staff reports) or 'group' (the daily digest
 * of one office group, `officeGroupId`).
 */
export const lineGroups = sqliteTable(
  'line_groups',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id').notNull().references(() => organisations.id),
    lineGroupId: text('line_group_id').notNull(),
    audience: text('audience', { enum: ['executives', 'staff', 'group'] }),
    officeGroupId: text('office_group_id').references(() => groups.id),
    /** Members as LINE last counted them (the quota arithmetic); null until counted. */
    memberCount: integer('member_count'),
    joinedAt: integer('joined_at').notNull(),
    /** When the bot was removed from the group (it then receives nothing); null while in it. */
    leftAt: integer('left_at'),
    linkedAt: integer('linked_at'),
  },
  (t) => [uniqueIndex('line_groups_org_group').on(t.orgId, t.lineGroupId)],
);

/** One-time link codes: stored as their SHA-256, valid 15 minutes, used once. */
export const lineLinkCodes = sqliteTable(
  'line_link_codes',
  {
    codeHash: text('code_hash').primaryKey(),
    orgId: text('org_id').notNull().references(() => organisations.id),
    audience: text('audience', { enum: ['executives', 'staff', 'group'] }).notNull(),
    officeGroupId: text('office_group_id').references(() => groups.id),
    createdBy: text('created_by'),
    expiresAt: integer('expires_at').notNull(),
    usedAt: integer('used_at'),
  },
  (t) => [index('line_link_codes_expiry').on(t.expiresAt)],
);

/** Webhook events handled (LINE redelivers): one row per office and webhookEventId. */
export const lineWebhookEvents = sqliteTable(
  'line_webhook_events',
  {
    orgId: text('org_id').notNull().references(() => organisations.id),
    eventId: text('event_id').notNull(),
    receivedAt: integer('received_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.eventId] }), index('line_webhook_events_received').on(t.receivedAt)],
);

/**
 * What the LINE sender needs to know of a queued push besides its body: a report's push or a
 * digest's, and for a digest how many messages of the month's quota must stay for the reports
 * still to come this month (reports have priority).
 */
export const linePushes = sqliteTable('line_pushes', {
  outboxId: text('outbox_id').primaryKey().references(() => outbox.id),
  kind: text('kind', { enum: ['report', 'digest'] }).notNull(),
  reserve: integer('reserve').notNull().default(0),
  /** When it was queued (LINE holds the retry key 24 hours from the first try). */
  queuedAt: integer('queued_at').notNull(),
});

// Parent bodies and templates (issue 19). A parent body (organisations.kind 'parent') invites
// offices; an office's administrator accepts (organisations.parent_id); joins and leaves are
// written to audit_log ('org.joined', 'org.left'). The parent publishes templates of measures and
// steps per fiscal year; offices adopt them (measures.template_measure_id, cards.template_step_id).

/** A parent body's invitation to an office to join it; the office's administrator accepts or declines. */
export const orgInvitations = sqliteTable(
  'org_invitations',
  {
    id: text('id').primaryKey(),
    parentOrgId: text('parent_org_id').notNull().references(() => organisations.id),
    officeOrgId: text('office_org_id').notNull().references(() => organisations.id),
    invitedBy: text('invited_by'),
    createdAt: createdAt(),
    expiresAt: integer('expires_at').notNull(),
    acceptedAt: integer('accepted_at'),
    declinedAt: integer('declined_at'),
    revokedAt: integer('revoked_at'),
    /** Who accepted or declined (an administrator of the office). */
    decidedBy: text('decided_by'),
  },
  (t) => [index('org_invitations_office').on(t.officeOrgId, t.createdAt), index('org_invitations_parent').on(t.parentOrgId, t.createdAt)],
);

/**
 * A parent body's template for one fiscal year. Its measures and steps below are the working copy
 * the parent edits (imports); publishing freezes the copy as `template_versions` row `version`.
 * Ids of measures and steps stay the same across versions for what did not change, so an office
 * compares the version it adopted with the latest one item by item.
 */
export const templates = sqliteTable(
  'templates',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id').notNull().references(() => organisations.id),
    beYear: integer('be_year').notNull(),
    title: text('title').notNull(),
    /** The latest published version (1, 2, …); 0 while never published. */
    version: integer('version').notNull().default(0),
    /** When the latest version was published; null while never published. */
    publishedAt: integer('published_at'),
    /** When the working copy last changed (an import): later than publishedAt = unpublished changes. */
    editedAt: integer('edited_at'),
    createdBy: text('created_by'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('templates_org_year').on(t.orgId, t.beYear)],
);

export const templateMeasures = sqliteTable(
  'template_measures',
  {
    id: text('id').primaryKey(),
    templateId: text('template_id').notNull().references(() => templates.id),
    section: text('section').notNull().default('table'),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    /** Responsible names as the parent wrote them (a parent body has no groups): offices map them. */
    responsibleText: text('responsible_text').notNull().default(''),
    allGroups: integer('all_groups', { mode: 'boolean' }).notNull().default(false),
    monitoring: text('monitoring', { mode: 'json' }).$type<string[]>().notNull().default([]),
    /** The version that removed it from the working copy; null while in it. */
    removedInVersion: integer('removed_in_version'),
  },
  (t) => [index('template_measures_template').on(t.templateId, t.section, t.number)],
);

export const templateSteps = sqliteTable(
  'template_steps',
  {
    id: text('id').primaryKey(),
    templateId: text('template_id').notNull().references(() => templates.id),
    templateMeasureId: text('template_measure_id').notNull().references(() => templateMeasures.id),
    stepNumber: integer('step_number').notNull(),
    title: text('title').notNull(),
    /** Responsible names of the step as written (usually its measure's). */
    responsibleText: text('responsible_text').notNull().default(''),
    /** ISO date (YYYY-MM-DD), Gregorian, or null. */
    dueOn: text('due_on'),
    monitoring: text('monitoring', { mode: 'json' }).$type<string[]>().notNull().default([]),
    removedInVersion: integer('removed_in_version'),
  },
  (t) => [index('template_steps_template').on(t.templateId, t.templateMeasureId, t.stepNumber)],
);

/** Every published version of a template, frozen (domain/template.ts TemplateContent). */
export const templateVersions = sqliteTable(
  'template_versions',
  {
    templateId: text('template_id').notNull().references(() => templates.id),
    version: integer('version').notNull(),
    content: text('content', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    publishedBy: text('published_by'),
    publishedAt: integer('published_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.templateId, t.version] })],
);

/** An office's adoption of a template into one of its fiscal years, and the version it is at. */
export const templateAdoptions = sqliteTable(
  'template_adoptions',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id').notNull().references(() => organisations.id),
    templateId: text('template_id').notNull().references(() => templates.id),
    fiscalYearId: text('fiscal_year_id').notNull().references(() => fiscalYears.id),
    /** The template version whose every difference the office has decided (accepted or declined). */
    version: integer('version').notNull(),
    /** The office's mapping of the template's responsible names to its groups, as chosen at adoption. */
    groupMap: text('group_map', { mode: 'json' }).$type<Record<string, { leadGroupId: string | null; groupIds: string[] }>>().notNull().default({}),
    adoptedBy: text('adopted_by'),
    adoptedAt: integer('adopted_at').notNull(),
  },
  (t) => [uniqueIndex('template_adoptions_org_template').on(t.orgId, t.templateId), index('template_adoptions_template').on(t.templateId)],
);

/** An office's decision on one difference a template revision offers (nothing changes silently). */
export const templateDecisions = sqliteTable(
  'template_decisions',
  {
    adoptionId: text('adoption_id').notNull().references(() => templateAdoptions.id),
    /** The version that brought the difference. */
    version: integer('version').notNull(),
    /** The template step (or measure) the difference is about. */
    itemId: text('item_id').notNull(),
    change: text('change', { enum: ['added', 'removed', 'changed'] }).notNull(),
    decision: text('decision', { enum: ['accepted', 'declined'] }).notNull(),
    decidedBy: text('decided_by'),
    decidedAt: integer('decided_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.adoptionId, t.version, t.itemId] })],
);

export type Organisation = typeof organisations.$inferSelect;
export type Template = typeof templates.$inferSelect;
export type TemplateMeasure = typeof templateMeasures.$inferSelect;
export type TemplateStep = typeof templateSteps.$inferSelect;
// Link health (issue 18, part 2): the last check of each evidence URL of an office, and where the
// daily check stopped (cron/link-health-job.ts). Flags are decided on reading (domain/link-health.ts).

/** The last check of one URL of an office (one row per office and URL, whatever card or year holds it). */
export const linkChecks = sqliteTable(
  'link_checks',
  {
    orgId: text('org_id').notNull().references(() => organisations.id),
    url: text('url').notNull(),
    /** The HTTP status of the last answer, after redirects; null when none came (see error). */
    status: integer('status'),
    /** Where redirects led (the last address asked); null when the first answer was final. */
    finalUrl: text('final_url'),
    /** Why no answer came: 'dns' | 'timeout' | 'redirects' | 'network'; null when one did. */
    error: text('error', { enum: LINK_ERRORS }),
    checkedAt: integer('checked_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.url] })],
);

/**
 * Where the daily check stands (one row, id 'evidence'): the Bangkok day its current pass began,
 * the last (office, URL) checked in that pass (null: from the beginning), and whether it is done.
 */
export const linkCheckCursor = sqliteTable('link_check_cursor', {
  id: text('id').primaryKey(),
  passDay: text('pass_day').notNull(),
  afterOrgId: text('after_org_id'),
  afterUrl: text('after_url'),
  done: integer('done', { mode: 'boolean' }).notNull().default(false),
  updatedAt: integer('updated_at').notNull(),
});
// Roll-up aggregates (issue 19): what a parent body's roll-up reads instead of every card.

/**
 * One row per measure of an office's fiscal year: its steps counted by column category, its
 * not-done steps by due date ({ "YYYY-MM-DD": n }: overdue is counted when read, so a step
 * becomes overdue with time, not with a write), its evidence links, and those by OIT code. Written
 * in the same D1 batch as every change of a card or its evidence (db/aggregates.ts), rebuilt with
 * imports, rollovers, adoptions and restores, and checked against a rebuild from the event log.
 * No foreign keys: it is derived data, deleted with its year.
 */
export const measureAggregates = sqliteTable(
  'measure_aggregates',
  {
    measureId: text('measure_id').primaryKey(),
    orgId: text('org_id').notNull(),
    fiscalYearId: text('fiscal_year_id').notNull(),
    beYear: integer('be_year').notNull(),
    /** The parent's template measure the measure was adopted from; null for the office's own. */
    templateMeasureId: text('template_measure_id'),
    todo: integer('todo').notNull().default(0),
    doing: integer('doing').notNull().default(0),
    review: integer('review').notNull().default(0),
    done: integer('done').notNull().default(0),
    /** Not-done steps by due date; undated ones are not in it. */
    due: text('due', { mode: 'json' }).$type<Record<string, number>>().notNull().default({}),
    evidence: integer('evidence').notNull().default(0),
    /** Evidence links by OIT item code. */
    oit: text('oit', { mode: 'json' }).$type<Record<string, number>>().notNull().default({}),
    /** Items in the year's OIT catalogue (the same on every row of the year). */
    oitItems: integer('oit_items').notNull().default(0),
    /**
     * The office's parent body (organisations.parent_id), denormalised: a parent's roll-up reads
     * its offices' rows as one index range per parent body (db/rollup.ts), with no walk over every
     * office. Written with the rows (rebuildAggregates) and again in the same batch as every tree
     * change (db/aggregates.ts aggregatesParentWrite, db/tree.ts). Last: added by migration 0015.
     */
    parentId: text('parent_id'),
  },
  (t) => [
    index('measure_aggregates_org_year').on(t.orgId, t.beYear),
    index('measure_aggregates_year').on(t.fiscalYearId),
    index('measure_aggregates_parent_year').on(t.parentId, t.beYear),
  ],
);

/** A daily snapshot of an office's aggregates (cron): the roll-up's trend over the year. */
export const aggregateSnapshots = sqliteTable(
  'aggregate_snapshots',
  {
    orgId: text('org_id').notNull(),
    beYear: integer('be_year').notNull(),
    /** The Bangkok day it was taken, YYYY-MM-DD. */
    day: text('day').notNull(),
    total: integer('total').notNull(),
    done: integer('done').notNull(),
    /** Not-done steps due before `day` (overdue on that day). */
    overdue: integer('overdue').notNull(),
    /** Not-done steps due by `day`: how far behind the expected progress. */
    behind: integer('behind').notNull(),
    evidence: integer('evidence').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.beYear, t.day] }), index('aggregate_snapshots_year_day').on(t.beYear, t.day)],
);

/** A parent body's monthly roll-up report: compiled once per parent, year and month, then sent. */
export const rollupReports = sqliteTable(
  'rollup_reports',
  {
    id: text('id').primaryKey(),
    parentOrgId: text('parent_org_id').notNull().references(() => organisations.id),
    beYear: integer('be_year').notNull(),
    /** The month it covers, e.g. '2026-11'. */
    periodKey: text('period_key').notNull(),
    content: text('content', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('rollup_reports_parent_period').on(t.parentOrgId, t.periodKey)],
);

export type MeasureAggregate = typeof measureAggregates.$inferSelect;
