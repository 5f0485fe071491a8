// Exporting one office to a backup file and restoring a file into an empty database (the format
// is described in domain/backup-format.ts). The restore writes every row in one db.batch: a file
// that fails half-way leaves the database as empty as it found it.
import { rebuildAggregates } from './aggregates';
import { and, count, eq, getTableColumns, inArray, or, sql, SQL, type Column } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { isUniqueViolation, type Db } from './client';
import { audit } from './auth';
import { insertRows } from './insert-rows';
import {
  auditLog,
  boardColumns,
  cardEvents,
  cards,
  comments,
  evidenceFiles,
  evidenceLinks,
  fiscalYears,
  groups,
  measures,
  memberships,
  oitItems,
  oitCatalogues,
  oitCatalogueYears,
  oitSubmissions,
  organisations,
  orgInvitations,
  outbox,
  reportRecipients,
  reportSchedules,
  reports,
  rollupReports,
  templateAdoptions,
  templateDecisions,
  templateMeasures,
  templates,
  templateSteps,
  templateVersions,
  users,
} from './schema';
import {
  BACKUP_FORMAT,
  BACKUP_TABLES,
  BACKUP_VERSION,
  FILES_BUCKET,
  backupContentProblems,
  type FileNotContained,
  type BackupFile,
  type BackupRow,
  type BackupTable,
} from '../domain/backup-format';
import { verifyChain, type ChainedEventContent } from '../domain/event-chain';
import { verifyBoard, type LoggedEvent } from '../domain/replay';
import { passwordHashProblem } from '../domain/backup-format';
import { appError, type AppError } from '../domain/errors';
import { isWebUrl } from '../domain/web-url';
import { isFileAddress } from '../domain/file-type';

/** The Drizzle table of each table name in the format. */
export const BACKUP_SOURCES: Record<BackupTable, SQLiteTable> = {
  organisations,
  users,
  groups,
  memberships,
  org_invitations: orgInvitations,
  templates,
  template_measures: templateMeasures,
  template_steps: templateSteps,
  template_versions: templateVersions,
  rollup_reports: rollupReports,
  fiscal_years: fiscalYears,
  template_adoptions: templateAdoptions,
  template_decisions: templateDecisions,
  report_schedules: reportSchedules,
  board_columns: boardColumns,
  measures,
  cards,
  evidence_files: evidenceFiles,
  card_events: cardEvents,
  evidence_links: evidenceLinks,
  comments,
  oit_items: oitItems,
  oit_catalogues: oitCatalogues,
  oit_catalogue_years: oitCatalogueYears,
  oit_submissions: oitSubmissions,
  reports,
  report_recipients: reportRecipients,
  outbox,
  audit_log: auditLog,
};

const columnsOf = (table: SQLiteTable) => getTableColumns(table) as Record<string, Column>;

/** Rows of one office's table, in insertion order (rowid), so two exports of the same data are equal. */
function officeRows(db: Db, table: SQLiteTable, orgId: string) {
  const orgColumn = columnsOf(table).orgId;
  if (!orgColumn) throw new Error('a backed-up table without org_id needs its own query');
  return db.select().from(table).where(eq(orgColumn, orgId)).orderBy(sql`rowid`);
}

/** Everything the office owns, in one round trip. */
export async function exportOffice(db: Db, orgId: string, now = new Date()): Promise<BackupFile> {
  // Users have no org_id: the office's members, and anyone its evidence or comments name.
  const officeUsers = db
    .select()
    .from(users)
    .where(
      or(
        inArray(users.id, db.select({ id: memberships.userId }).from(memberships).where(eq(memberships.orgId, orgId))),
        inArray(users.id, db.select({ id: evidenceLinks.addedBy }).from(evidenceLinks).where(eq(evidenceLinks.orgId, orgId))),
        inArray(users.id, db.select({ id: evidenceFiles.uploadedBy }).from(evidenceFiles).where(eq(evidenceFiles.orgId, orgId))),
        inArray(users.id, db.select({ id: comments.authorId }).from(comments).where(eq(comments.orgId, orgId))),
      ),
    )
    .orderBy(sql`rowid`);
  // The tree's tables (issue 19): the organisation's own templates with their measures, steps and
  // versions; the invitations it received; its roll-up reports; its adoptions and their decisions.
  const ownTemplates = db.select({ id: templates.id }).from(templates).where(eq(templates.orgId, orgId));
  const ownAdoptions = db.select({ id: templateAdoptions.id }).from(templateAdoptions).where(eq(templateAdoptions.orgId, orgId));
  const byRowid = (table: SQLiteTable, where: SQL) => db.select().from(table).where(where).orderBy(sql`rowid`);
  const treeRows: Partial<Record<BackupTable, () => BatchItem<'sqlite'>>> = {
    // Only those of its present parent body: another's would name an organisation that a restore
    // (into its parent's database) does not hold; the audit log keeps every invitation's story.
    org_invitations: () =>
      byRowid(orgInvitations, and(eq(orgInvitations.officeOrgId, orgId), eq(orgInvitations.parentOrgId, sql`(select ${organisations.parentId} from ${organisations} where ${organisations.id} = ${orgId})`))!),
    template_measures: () => byRowid(templateMeasures, inArray(templateMeasures.templateId, ownTemplates)),
    template_steps: () => byRowid(templateSteps, inArray(templateSteps.templateId, ownTemplates)),
    template_versions: () => byRowid(templateVersions, inArray(templateVersions.templateId, ownTemplates)),
    rollup_reports: () => byRowid(rollupReports, eq(rollupReports.parentOrgId, orgId)),
    template_decisions: () => byRowid(templateDecisions, inArray(templateDecisions.adoptionId, ownAdoptions)),
  };
  const queries: BatchItem<'sqlite'>[] = BACKUP_TABLES.map((table) => {
    if (table === 'organisations') return db.select().from(organisations).where(eq(organisations.id, orgId));
    if (table === 'users') return officeUsers;
    return treeRows[table]?.() ?? officeRows(db, BACKUP_SOURCES[table], orgId);
  });
  const results = (await db.batch(queries as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]])) as unknown as BackupRow[][];
  const tables = Object.fromEntries(BACKUP_TABLES.map((t, i) => [t, results[i]!])) as Record<BackupTable, BackupRow[]>;
  const counts = Object.fromEntries(BACKUP_TABLES.map((t) => [t, tables[t].length])) as Record<BackupTable, number>;
  const files = (tables.evidence_files as unknown as (FileNotContained & { r2Key: string })[]).map((f) => ({ key: f.r2Key, size: f.size, sha256: f.sha256, name: f.name, contentType: f.contentType }));
  const filesNotContained = {
    bucket: FILES_BUCKET,
    note: `The evidence files' bytes are not in this file: copy these ${files.length} objects of the R2 bucket ${FILES_BUCKET} (README, "Evidence files"); check each by its SHA-256.`,
    files,
  };
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), organisationId: orgId, counts, tables, filesNotContained };
}

const invalidBackup = (problems: string[]) =>
  appError(422, 'invalid_backup', undefined, { details: problems.slice(0, 20) });

/** Whether a value fits a column as Drizzle maps it (the insert would store something else otherwise). */
function fits(column: Column, value: unknown): boolean {
  if (value === null) return !column.notNull;
  switch (column.dataType) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && (column.columnType === 'SQLiteInteger' ? Number.isSafeInteger(value) : Number.isFinite(value));
    case 'boolean':
      return typeof value === 'boolean';
    case 'json':
      return typeof value === 'object';
    default:
      return false;
  }
}

/** Every row must carry exactly its table's columns, each with a value of the column's type. */
function rowProblems(table: BackupTable, rows: BackupRow[]): string[] {
  const columns = columnsOf(BACKUP_SOURCES[table]);
  const names = Object.keys(columns);
  const problems: string[] = [];
  rows.forEach((row, i) => {
    const extra = Object.keys(row).filter((k) => !(k in columns));
    if (extra.length > 0) problems.push(`${table}[${i}]: unknown columns ${extra.join(', ')}`);
    for (const name of names) {
      if (!(name in row)) problems.push(`${table}[${i}].${name}: missing`);
      else if (!fits(columns[name]!, row[name])) problems.push(`${table}[${i}].${name}: not a ${columns[name]!.dataType}`);
    }
    // The same rule as the evidence API: a restored file must not smuggle in javascript: links.
    // An evidence file's link is its relative address (/files/…), which names nothing outside.
    const fileLink = row.fileId != null && typeof row.url === 'string' && isFileAddress(row.url);
    if (table === 'evidence_links' && typeof row.url === 'string' && !fileLink && !isWebUrl(row.url)) problems.push(`${table}[${i}].url: not an http(s) address`);
  });
  return problems;
}

/** A backup whose event log was altered would restore a board whose history cannot be trusted. */
async function chainProblems(events: BackupRow[]): Promise<string[]> {
  const byYear = new Map<string, (ChainedEventContent & { prevHash: string; hash: string })[]>();
  for (const e of events as unknown as (ChainedEventContent & { prevHash: string; hash: string })[]) {
    const list = byYear.get(e.fiscalYearId) ?? [];
    list.push(e);
    byYear.set(e.fiscalYearId, list);
  }
  const problems: string[] = [];
  for (const [fiscalYearId, list] of byYear) {
    const verdict = await verifyChain(list.sort((a, b) => a.seq - b.seq));
    if (!verdict.ok) problems.push(`card_events of ${fiscalYearId}: chain broken at ${verdict.problems.map((p) => ('seq' in p ? p.seq : p.expectedSeq)).join(', ')}`);
  }
  return problems;
}

/**
 * A backup whose board differs from a replay of its own events was altered outside the app (a
 * title changed in the file, say, with its events untouched): each fiscal year's cards and
 * evidence links must be exactly what the year's log says.
 */
function boardProblems(tables: BackupFile['tables']): string[] {
  const yearOf = new Map<string, string>();
  const byYear = new Map<string, { events: LoggedEvent[]; cards: BackupRow[]; evidence: BackupRow[] }>();
  const year = (id: string) => {
    let y = byYear.get(id);
    if (!y) byYear.set(id, (y = { events: [], cards: [], evidence: [] }));
    return y;
  };
  for (const card of tables.cards) {
    yearOf.set(card.id as string, card.fiscalYearId as string);
    year(card.fiscalYearId as string).cards.push(card);
  }
  for (const e of tables.card_events) year(e.fiscalYearId as string).events.push(e as unknown as LoggedEvent);
  for (const link of tables.evidence_links) {
    const fy = yearOf.get(link.cardId as string);
    if (fy) year(fy).evidence.push(link);
    else return [`evidence_links ${String(link.id)}: its card is not in the file`];
  }
  const problems: string[] = [];
  for (const [fiscalYearId, y] of byYear) {
    const verdict = verifyBoard(
      y.events.sort((a, b) => a.seq - b.seq),
      y.cards as { id: string }[],
      y.evidence as { id: string }[],
    );
    if (!verdict.ok) {
      const first = verdict.firstCard ? ` (first card that differs: ${verdict.firstCard.title ?? verdict.firstCard.id})` : '';
      problems.push(`board of ${fiscalYearId} differs from its event log${first}: ${verdict.differences.slice(0, 3).join('; ')}`);
    }
  }
  return problems;
}

/** Every stored password hash must be one this deployment makes and can verify. */
function passwordProblems(rows: BackupRow[]): string[] {
  return rows.flatMap((u, i) => {
    if (u.passwordHash === null) return [];
    const problem = passwordHashProblem(u.passwordHash as string);
    return problem ? [`users[${i}].passwordHash: ${problem}`] : [];
  });
}

export const databaseNotEmpty = () =>
  appError(409, 'database_not_empty');

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(organisations);
  return (row?.n ?? 0) === 0;
}

/** The file's organisation's parent body (organisations.parentId), or null. */
const parentOf = (file: BackupFile): string | null => {
  const parentId = file.tables.organisations[0]?.parentId;
  return typeof parentId === 'string' ? parentId : null;
};

/**
 * Where a file may be restored. An organisation without a parent body: into an empty database
 * only. One under a parent body (its measures and cards refer to the parent's templates): into a
 * database that holds that parent body (restored first from its own backup) and not the file's
 * organisation, so a tree is restored from the top down, each organisation from its own file.
 */
async function restoreTargetProblem(db: Db, file: BackupFile): Promise<AppError | null> {
  const parentId = parentOf(file);
  if (parentId === null) return (await isDatabaseEmpty(db)) ? null : databaseNotEmpty();
  const present = await db.select({ id: organisations.id }).from(organisations).where(inArray(organisations.id, [parentId, file.organisationId]));
  if (present.some((o) => o.id === file.organisationId)) return databaseNotEmpty();
  if (!present.some((o) => o.id === parentId)) return appError(409, 'backup_parent_missing', { parent: parentId });
  return null;
}

/**
 * A file written before a column existed lacks it: the column's plain default fills it (or null
 * where the column may be empty), as the migration that added it filled existing rows. Years of an
 * office that published its progress before publishing was per year stay published (migration
 * 0005), and messages queued before the outbox had channels take their id as their retry key
 * (migration 0006). Columns without such a value stay missing, and the file is refused for them.
 */
export function withAddedColumns(file: BackupFile): BackupFile {
  const officeWasPublic = (file.tables.organisations[0]?.settings as { publicPage?: unknown } | undefined)?.publicPage === true;
  const tables = { ...file.tables };
  for (const table of BACKUP_TABLES) {
    const columns = Object.entries(columnsOf(BACKUP_SOURCES[table]));
    tables[table] = file.tables[table].map((row) => {
      const filled: BackupRow = { ...row };
      for (const [name, column] of columns) {
        if (name in filled) continue;
        if (table === 'fiscal_years' && name === 'published') filled[name] = officeWasPublic;
        else if (table === 'outbox' && name === 'retryKey') filled[name] = filled.id;
        else if (column.hasDefault && column.default !== undefined && !(column.default instanceof SQL)) filled[name] = column.default;
        else if (!column.notNull && !column.hasDefault) filled[name] = null;
      }
      return filled;
    });
  }
  return { ...file, tables };
}

/** Restores a checked backup file into an empty database, atomically. Returns the rows written per table. */
export async function restoreOffice(db: Db, given: BackupFile, ip: string | null): Promise<Record<BackupTable, number>> {
  const file = withAddedColumns(given);
  const target = await restoreTargetProblem(db, file);
  if (target) throw target;
  const problems = backupContentProblems(file);
  for (const table of BACKUP_TABLES) problems.push(...rowProblems(table, file.tables[table]));
  if (problems.length === 0) problems.push(...passwordProblems(file.tables.users), ...(await chainProblems(file.tables.card_events)), ...boardProblems(file.tables));
  if (problems.length > 0) throw invalidBackup(problems);

  const statements: BatchItem<'sqlite'>[] = [];
  for (const table of BACKUP_TABLES) {
    const source = BACKUP_SOURCES[table];
    // Audit entries get new ids after whatever this deployment logged already (refused restore
    // attempts, say); nothing refers to them, and their order is kept.
    const rows = table === 'audit_log' ? file.tables[table].map(({ id: _id, ...rest }) => rest) : file.tables[table];
    statements.push(...insertRows(db, source, rows as never));
  }
  // The roll-up's aggregates of every restored board, from the rows above.
  for (const fy of file.tables.fiscal_years) statements.push(...rebuildAggregates(db, (fy as { id: string }).id));
  statements.push(
    audit(db, { orgId: file.organisationId, userId: null, action: 'backup.restored', detail: { exportedAt: file.exportedAt, counts: file.counts }, ip }),
  );
  try {
    await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
  } catch (e) {
    // Two restores at once: the second finds the organisation's id taken.
    if (isUniqueViolation(e) && (await restoreTargetProblem(db, file))) throw databaseNotEmpty();
    // Anything else the database refused (a reference to a row that is not in the file, a
    // duplicate id): the batch rolled back, nothing was written.
    throw invalidBackup([`the database refused the rows: ${String((e as Error).message ?? e).slice(0, 300)}`]);
  }
  return file.counts;
}
