// The backup file: one office, every row it owns, as JSON. It exists so an office can move to a
// new deployment (or recover one) without anyone reading SQL. This module is the format's one
// description; worker/db/backup.ts maps each table name below to its Drizzle table.
//
// Format, version 1:
//   {
//     "format": "ita-board-backup",
//     "version": 1,
//     "exportedAt": "2024-06-30T01:00:00.000Z",   // ISO time of the export (UTC)
//     "organisationId": "…",                        // the office in this file
//     "counts": { "<table>": <rows>, … },            // for people reading the file; checked on restore
//     "tables": { "<table>": [ <row>, … ], … },     // every table in BACKUP_TABLES, in that order
//     "filesNotContained": { "bucket", "note", "files": [ { "key", "size", "sha256", "name", "contentType" }, … ] }
//   }
// Evidence files are not in the file: their bytes stay in R2 (bucket ita-board-files). The rows of
// evidence_files are, and `filesNotContained` lists each object to copy with the bucket (its key,
// size and SHA-256, to check the copy); a restore reads it not (README: "Evidence files").
// A row is the table's row as the application reads it: property names and types of
// worker/db/schema.ts (camelCase; JSON columns as JSON values, booleans as true/false, times as
// epoch milliseconds, dates as YYYY-MM-DD). Users carry their password hashes, so the people of the
// office can sign in after a restore with the passwords they had: the file is as secret as the
// database itself. Sign-in sessions and throttling counters are not exported (see NOT_BACKED_UP).
// A restore keeps every id except audit_log's, which are renumbered after the new deployment's
// own entries (in the same order).
//
// The tree (issue 19): a backup is one organisation's, an office or a parent body. A parent body's
// carries its templates (measures, steps, published versions) and its monthly roll-up reports; an
// office's carries its adoptions of templates and its decisions on their revisions, and the
// invitations it received from its present parent body (the parent invites; the office's
// administrator answers; others name a body the restored database does not hold). What one
// organisation's rows refer to in another (an office's parent body, the template measures and steps
// its measures and cards were adopted from) is not copied into its file: restore the parent body
// first, then its offices (db/backup.ts restoreTargetProblem).
//
// Adding a table: put its SQL name in BACKUP_TABLES after the tables it references and map it in
// worker/db/backup.ts. tests/worker/backup.test.ts fails while a table of the schema is in neither
// BACKUP_TABLES nor NOT_BACKED_UP, so a new table cannot be forgotten silently.
import { z } from 'zod';
import { PBKDF2_ITERATIONS } from './password';

export const BACKUP_FORMAT = 'ita-board-backup';
export const BACKUP_VERSION = 1;

/** Tables in a backup, parents before children: the order a restore inserts them in. */
export const BACKUP_TABLES = [
  'organisations',
  'users',
  'groups',
  'memberships',
  'org_invitations',
  'templates',
  'template_measures',
  'template_steps',
  'template_versions',
  'rollup_reports',
  'fiscal_years',
  'template_adoptions',
  'template_decisions',
  'report_schedules',
  'board_columns',
  'measures',
  'cards',
  'evidence_files',
  'card_events',
  'evidence_links',
  'comments',
  'oit_items',
  'oit_catalogues',
  'oit_catalogue_years',
  'oit_submissions',
  'reports',
  'report_recipients',
  'outbox',
  'audit_log',
] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

/** Tables deliberately left out, and why. */
export const NOT_BACKED_UP: Record<string, string> = {
  sessions: 'sign-in sessions: a restored office signs in again (a copied cookie must not work elsewhere)',
  sign_in_throttle: 'failed sign-in counters: short-lived, per deployment',
  server_keys: "the deployment's own signing keys: a new deployment makes its own (a copied key would let old device cookies work there)",
  line_pushes: "what the LINE sender knows of a queued push: useful for 24 hours, after which LINE has forgotten the push's retry key",
  line_settings: "the office's LINE channel secret and token, sealed with this deployment's LINE_CREDENTIALS_KEY: an administrator enters them again",
  line_groups: 'the LINE groups linked to the office: linked again with new codes, so a restored copy never pushes to the live groups by itself',
  line_link_codes: 'one-time link codes: valid 15 minutes',
  line_webhook_events: "LINE's webhook events already handled: LINE redelivers for a short while only",
  measure_aggregates: "the roll-up's aggregates: derived from the board, rebuilt by the restore in its batch",
  aggregate_snapshots: "the roll-up trend's daily snapshots: derived; a restored office's trend starts again from the restore",
  link_checks: "the last check of each evidence link: the next daily check (within a day) finds the same again",
  link_check_cursor: "where the deployment's daily link check stopped: not an office's, a new deployment starts its own",
};

export type BackupRow = Record<string, unknown>;

/** An evidence file the backup names but does not contain (its bytes are in R2). */
export interface FileNotContained {
  key: string;
  size: number;
  sha256: string;
  name: string;
  contentType: string;
}

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  organisationId: string;
  counts: Record<BackupTable, number>;
  tables: Record<BackupTable, BackupRow[]>;
  /** Written by every export since evidence files; absent from older files. */
  filesNotContained?: { bucket: string; note: string; files: FileNotContained[] };
}

/** The R2 bucket of evidence files (wrangler.toml FILES), named in the backup. */
export const FILES_BUCKET = 'ita-board-files';

const tableName = z.enum(BACKUP_TABLES);
const row = z.record(z.string(), z.unknown());

/**
 * Tables added to the format after files were already being written: a file from before one of
 * them has no such table, and restores with none of its rows. Every other table must be there.
 */
export const TABLES_ADDED_LATER: readonly BackupTable[] = [
  'report_schedules',
  'evidence_files',
  'oit_catalogues',
  'oit_catalogue_years',
  'oit_submissions',
  'org_invitations',
  'templates',
  'template_measures',
  'template_steps',
  'template_versions',
  'rollup_reports',
  'template_adoptions',
  'template_decisions',
];

const everyTable = <T>(rec: Partial<Record<BackupTable, T>>, ctx: z.RefinementCtx, what: string) => {
  for (const t of BACKUP_TABLES) {
    if (rec[t] === undefined && !TABLES_ADDED_LATER.includes(t)) ctx.addIssue({ code: 'custom', message: `${what}: the table ${t} is missing`, path: [t] });
  }
};

/** The envelope of a backup file; rows are checked column by column against the schema on restore. */
export const backupFileSchema = z
  .strictObject({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(BACKUP_VERSION),
    exportedAt: z.string().max(40),
    organisationId: z.string().min(1).max(64),
    counts: z.partialRecord(tableName, z.number().int().min(0)).superRefine((c, ctx) => everyTable(c, ctx, 'counts')),
    tables: z.partialRecord(tableName, z.array(row)).superRefine((t, ctx) => everyTable(t, ctx, 'tables')),
    // For the operator (the bucket's objects to copy); not restored from.
    filesNotContained: z.unknown().optional(),
  })
  // A table added later and absent from an older file: no rows.
  .transform(({ filesNotContained: _files, ...f }) => ({
    ...f,
    counts: Object.fromEntries(BACKUP_TABLES.map((t) => [t, f.counts[t] ?? 0])) as Record<BackupTable, number>,
    tables: Object.fromEntries(BACKUP_TABLES.map((t) => [t, f.tables[t] ?? []])) as Record<BackupTable, BackupRow[]>,
  }));

/** Problems with a backup's content that its envelope cannot show (one office, counts that match). */
export function backupContentProblems(file: Pick<BackupFile, 'organisationId' | 'counts' | 'tables'>): string[] {
  const problems: string[] = [];
  for (const table of BACKUP_TABLES) {
    const rows = file.tables[table];
    if (rows.length !== file.counts[table]) problems.push(`${table}: ${rows.length} rows, counts says ${file.counts[table]}`);
    if (rows.some((r) => 'orgId' in r && r.orgId !== file.organisationId)) problems.push(`${table}: rows of another organisation`);
  }
  const orgs = file.tables.organisations;
  if (orgs.length !== 1 || orgs[0]?.id !== file.organisationId) problems.push('organisations: exactly the one organisation of the file');
  // The tree's tables name their organisation through another column, or through their parent row.
  const own = (table: BackupTable, column: string) => {
    if (file.tables[table].some((r) => r[column] !== file.organisationId)) problems.push(`${table}: rows of another organisation`);
  };
  own('org_invitations', 'officeOrgId');
  if (file.tables.org_invitations.some((r) => r.parentOrgId !== orgs[0]?.parentId)) problems.push('org_invitations: invitations of another parent body than the organisation\'s');
  own('rollup_reports', 'parentOrgId');
  const ids = (table: BackupTable) => new Set(file.tables[table].map((r) => r.id));
  const under = (table: BackupTable, column: string, parents: Set<unknown>, parentTable: BackupTable) => {
    if (file.tables[table].some((r) => !parents.has(r[column]))) problems.push(`${table}: rows whose ${parentTable} is not in the file`);
  };
  const templates = ids('templates');
  for (const t of ['template_measures', 'template_steps', 'template_versions'] as const) under(t, 'templateId', templates, 'templates');
  under('template_decisions', 'adoptionId', ids('template_adoptions'), 'template_adoptions');
  return problems;
}

/**
 * Why a password hash in a backup is refused, or null when it is one this deployment makes:
 * `pbkdf2-sha256$<iterations>$<16-byte salt, base64url>$<32-byte hash, base64url>` at exactly
 * PBKDF2_ITERATIONS (100,000). Fewer iterations would make a stolen hash cheap to crack (a file
 * edited to 1 iteration is an attack, not an old account); more could never be verified here.
 */
export function passwordHashProblem(hash: string): string | null {
  const m = /^pbkdf2-sha256\$(\d{1,7})\$([A-Za-z0-9_-]{22})\$([A-Za-z0-9_-]{43})$/.exec(hash);
  if (!m) return 'not a pbkdf2-sha256 hash in the expected format';
  const iterations = Number(m[1]);
  if (iterations < PBKDF2_ITERATIONS) return `${iterations} PBKDF2 iterations, fewer than ${PBKDF2_ITERATIONS}`;
  if (iterations > PBKDF2_ITERATIONS) return `${iterations} PBKDF2 iterations, more than this deployment can verify (${PBKDF2_ITERATIONS})`;
  return null;
}
