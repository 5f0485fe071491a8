// Evidence files (issue 18): what D1 knows of the files kept in R2. The file's row is written with
// its evidence link, through the board's room (db/card-details.ts addEvidence); this module reads.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from './client';
import { d1Cards, planCardChange } from './cards';
import { cards, evidenceFiles, evidenceLinks, fiscalYears, organisations } from './schema';
import type { Access, Actor } from '../domain/access';

export type EvidenceFileRow = typeof evidenceFiles.$inferSelect;

/**
 * Whether the actor may add evidence to the card now (the room decides again when it commits):
 * asked before an upload is read or stored, so a refused upload costs neither. Throws what the
 * room would: 404 for a card not of the office, the policy's refusal, 409 for an archived year.
 */
export async function checkUploadTo(db: Db, actor: Actor, cardId: string, access: Access): Promise<void> {
  await planCardChange<null>(
    db,
    actor,
    access,
    cardId,
    { allowed: (card) => access.mayChangeCard('evidence.add', card), plan: async () => ({ unchanged: null }) },
    await d1Cards(db, actor.orgId).read(cardId),
  );
}

/** The file of the office (by its address's slug) with that id; null when there is none. */
export async function findFile(db: Db, officeSlug: string, fileId: string): Promise<EvidenceFileRow | null> {
  const [row] = await db
    .select({ file: evidenceFiles })
    .from(evidenceFiles)
    .innerJoin(organisations, eq(organisations.id, evidenceFiles.orgId))
    .where(and(eq(evidenceFiles.id, fileId), eq(organisations.slug, officeSlug)))
    .limit(1);
  return row?.file ?? null;
}

/**
 * Whether anyone may read the file: the same rule as the public page's links — evidence naming
 * it is published (link_published) on a card of a published fiscal year.
 */
export async function fileIsPublic(db: Db, file: Pick<EvidenceFileRow, 'id' | 'orgId'>): Promise<boolean> {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(evidenceLinks)
    .innerJoin(cards, eq(cards.id, evidenceLinks.cardId))
    .innerJoin(fiscalYears, eq(fiscalYears.id, cards.fiscalYearId))
    .where(and(eq(evidenceLinks.fileId, file.id), eq(evidenceLinks.orgId, file.orgId), eq(evidenceLinks.linkPublished, true), eq(fiscalYears.published, true)))
    .limit(1);
  return row !== undefined;
}

/** The office's files as the backup names them (the bytes stay in R2). */
export function officeFiles(db: Db, orgId: string) {
  return db
    .select({ key: evidenceFiles.r2Key, name: evidenceFiles.name, contentType: evidenceFiles.contentType, size: evidenceFiles.size, sha256: evidenceFiles.sha256 })
    .from(evidenceFiles)
    .where(eq(evidenceFiles.orgId, orgId))
    .orderBy(asc(evidenceFiles.createdAt), asc(evidenceFiles.id));
}
