// What hangs off a card: evidence links, comments, its timeline, and the OIT catalogue evidence
// refers to. Every write goes through commitCardChange (db/cards.ts), so it commits in one batch
// with its chained event and is retried on a lost race like any other card change.
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from './client';
import { cardEvents, cards, comments, evidenceFiles, evidenceLinks, linkChecks, memberships, oitItems, organisations, users, type Card } from './schema';
import { commitCardChange, d1Cards, type CardCommit, type CardSource } from './cards';
import { linkFlags } from '../domain/link-health';
import { findFiscalYear, toCardFull } from './board';
import { evidenceAggregateWrite } from './aggregates';
import { forbidden, appError } from '../domain/errors';
import { removalRefusal } from '../domain/done-rule';
import type { Access, Actor } from '../domain/access';
import type { CardDetailsResponse, CommentView, EvidenceFileView, EvidenceView, OitItemView, PersonRef } from '../domain/contracts-card';

/** The timeline shows at most this many events (newest first); a card rarely has a tenth of it. */
export const TIMELINE_LIMIT = 500;

// Only the name is selected from users, under a column name no joined table has: in a D1 batch,
// rows come back as objects keyed by column name, so a second "id" would overwrite the first.
const name = { name: users.displayName, removedAt: memberships.removedAt };

function personRef(id: string | null, name: string | null, removedAt: number | null = null): PersonRef | null {
  if (id === null || name === null) return null;
  return removedAt !== null ? { id, displayName: name, removed: true } : { id, displayName: name };
}

/** The person's membership of the reading office: tells a removed member apart. */
const membershipIn = (orgId: string) => and(eq(memberships.userId, users.id), eq(memberships.orgId, orgId));

type EvidenceRow = typeof evidenceLinks.$inferSelect;

/** What the drawer shows of an evidence file (joined beside its link: no column name shared with it). */
const fileColumns = { fileName: evidenceFiles.name, fileType: evidenceFiles.contentType, fileSize: evidenceFiles.size };

function fileView(fileId: string | null, f: { fileName: string | null; fileType: string | null; fileSize: number | null }): EvidenceFileView | null {
  return fileId !== null && f.fileName !== null ? { id: fileId, name: f.fileName, contentType: f.fileType ?? '', size: f.fileSize ?? 0 } : null;
}


/** The last link check of an evidence link (left-joined: all null when not checked yet). */
const lastCheck = { checkStatus: linkChecks.status, checkFinalUrl: linkChecks.finalUrl, checkError: linkChecks.error, checkedAt: linkChecks.checkedAt };
type LastCheck = { checkStatus: number | null; checkFinalUrl: string | null; checkError: EvidenceView['health']['error']; checkedAt: number | null };

const NOT_CHECKED: LastCheck = { checkStatus: null, checkFinalUrl: null, checkError: null, checkedAt: null };

/** `check` and `mainWebsite`: as read with the card's details (a write's answer has the address's flags alone; the drawer reads the details again after it). */
function toEvidenceView(row: EvidenceRow, addedBy: PersonRef | null, card: Card, access: Access, file: EvidenceFileView | null = null, check = NOT_CHECKED, mainWebsite: string | null = null): EvidenceView {
  const result = check.checkedAt === null ? null : { status: check.checkStatus, finalUrl: check.checkFinalUrl, error: check.checkError };
  return {
    id: row.id,
    url: row.url,
    note: row.note,
    oitCode: row.oitCode,
    addedBy,
    createdAt: row.createdAt,
    canDelete: access.removesEvidence(card, row.addedBy),
    linkPublished: row.linkPublished,
    notePublished: row.notePublished,
    canPublish: access.publishesEvidence(card),
    file,
    health: { flags: linkFlags(row.url, result, mainWebsite), status: check.checkStatus, finalUrl: check.checkFinalUrl, error: check.checkError, checkedAt: check.checkedAt },
  };
}

/** The card with everything hanging off it, in one round trip. Other offices' cards are 404. */
export async function readCardDetails(db: Db, actor: Actor, cardId: string, access: Access): Promise<CardDetailsResponse> {
  const [[card], evidence, notes, events, [org]] = await db.batch([
    db
      .select()
      .from(cards)
      .where(and(eq(cards.id, cardId), eq(cards.orgId, actor.orgId)))
      .limit(1),
    db
      .select({ row: evidenceLinks, ...name, ...fileColumns, ...lastCheck })
      .from(evidenceLinks)
      .leftJoin(evidenceFiles, eq(evidenceFiles.id, evidenceLinks.fileId))
      .leftJoin(linkChecks, and(eq(linkChecks.orgId, evidenceLinks.orgId), eq(linkChecks.url, evidenceLinks.url)))
      .leftJoin(users, eq(users.id, evidenceLinks.addedBy))
      .leftJoin(memberships, membershipIn(actor.orgId))
      .where(and(eq(evidenceLinks.cardId, cardId), eq(evidenceLinks.orgId, actor.orgId)))
      .orderBy(asc(evidenceLinks.createdAt), asc(evidenceLinks.id)),
    db
      .select({ row: comments, ...name })
      .from(comments)
      .leftJoin(users, eq(users.id, comments.authorId))
      .leftJoin(memberships, membershipIn(actor.orgId))
      .where(and(eq(comments.cardId, cardId), eq(comments.orgId, actor.orgId)))
      .orderBy(asc(comments.createdAt), asc(comments.id)),
    db
      .select({ row: cardEvents, ...name })
      .from(cardEvents)
      .leftJoin(users, eq(users.id, cardEvents.actorUserId))
      .leftJoin(memberships, membershipIn(actor.orgId))
      .where(and(eq(cardEvents.cardId, cardId), eq(cardEvents.orgId, actor.orgId)))
      .orderBy(desc(cardEvents.seq))
      .limit(TIMELINE_LIMIT),
    db.select({ settings: organisations.settings }).from(organisations).where(eq(organisations.id, actor.orgId)),
  ]);
  const mainWebsite = org?.settings?.mainWebsite || null;
  if (!card || !access.readsBoard(card.orgId)) throw appError(404, 'not_found.card');
  return {
    card: toCardFull(card, access.editsCard(card)),
    canContribute: access.contributesTo(card),
    evidence: evidence.map(({ row, name, removedAt, fileName, fileType, fileSize, ...check }) =>
      toEvidenceView(row, personRef(row.addedBy, name, removedAt), card, access, fileView(row.fileId, { fileName, fileType, fileSize }), check, mainWebsite),
    ),
    comments: notes.map(({ row, name, removedAt }) => toCommentView(row, personRef(row.authorId, name, removedAt))),
    timeline: events.map(({ row, name, removedAt }) => ({
      seq: row.seq,
      kind: row.kind,
      at: row.at,
      actor: personRef(row.actorUserId, name, removedAt),
      before: row.before ?? null,
      after: row.after ?? null,
    })),
  };
}

function toCommentView(row: typeof comments.$inferSelect, author: PersonRef | null): CommentView {
  return { id: row.id, body: row.body, author, createdAt: row.createdAt };
}

const invalidOitItem = () =>
  appError(422, 'invalid_oit_item');

export interface NewEvidence {
  url: string;
  note: string;
  oitCode: string | null;
}

/** An uploaded file already stored in R2 under `r2Key`, to be recorded with its evidence link. */
export interface NewEvidenceFile {
  id: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  r2Key: string;
}

export function addEvidence(
  db: Db,
  actor: Actor,
  by: PersonRef,
  cardId: string,
  input: NewEvidence,
  access: Access,
  source?: CardSource,
  file?: NewEvidenceFile,
): Promise<CardCommit<EvidenceView>> {
  return commitCardChange<EvidenceView>(db, actor, access, cardId, {
    allowed: (card) => access.mayChangeCard('evidence.add', card),
    plan: async (card, now) => {
      if (input.oitCode !== null) {
        const [item] = await db
          .select({ id: oitItems.id })
          .from(oitItems)
          .where(and(eq(oitItems.fiscalYearId, card.fiscalYearId), eq(oitItems.orgId, actor.orgId), eq(oitItems.code, input.oitCode)))
          .limit(1);
        if (!item) throw invalidOitItem();
      }
      const id = crypto.randomUUID();
      // A file's row goes first (the link refers to it); its SHA-256 is chained in the event.
      const fileWrites = file
        ? [db.insert(evidenceFiles).values({ ...file, orgId: actor.orgId, cardId: card.id, uploadedBy: actor.userId, createdAt: now })]
        : [];
      const fileFields = file ? { fileId: file.id, sha256: file.sha256 } : {};
      return {
        event: { cardId: card.id, kind: 'evidence.added', before: null, after: { evidenceId: id, ...input, ...fileFields } },
        writes: [
          ...fileWrites,
          db
            .insert(evidenceLinks)
            .values({ id, orgId: actor.orgId, cardId: card.id, ...input, fileId: file?.id ?? null, addedBy: actor.userId, createdAt: now })
            .returning(),
          // A new link is published by default: the public page shows it at once, as its
          // event advances the year's event-log head, part of the public cache key.
          evidenceAggregateWrite(db, card, input.oitCode, 1),
        ],
        read: (results) => {
          const view = file ? { id: file.id, name: file.name, contentType: file.contentType, size: file.size } : null;
          return { value: toEvidenceView((results[fileWrites.length] as EvidenceRow[])[0]!, by, card, access, view), card };
        },
      };
    },
  }, source);
}

export async function removeEvidence(db: Db, actor: Actor, evidenceId: string, access: Access, source?: CardSource): Promise<CardCommit<null>> {
  const findLink = () =>
    db
      .select()
      .from(evidenceLinks)
      .where(and(eq(evidenceLinks.id, evidenceId), eq(evidenceLinks.orgId, actor.orgId)))
      .limit(1);
  const [link] = await findLink();
  if (!link) throw appError(404, 'not_found.evidence_link');
  return commitCardChange<null>(db, actor, access, link.cardId, {
    allowed: (card) => access.removesEvidence(card, link.addedBy),
    plan: async (card) => {
      // Read again after the chain head: a concurrent removal has committed its event by now,
      // or will fail to (our seq), so "still there" holds when this batch commits.
      const [current] = await findLink();
      if (!current) throw appError(404, 'not_found.evidence_link');
      // A done step keeps at least one evidence (domain/done-rule.ts).
      const refusal = removalRefusal(await (source ?? d1Cards(db, actor.orgId)).doneFacts(card, card.columnId), card.title);
      if (refusal) throw refusal;
      return {
        event: {
          cardId: card.id,
          kind: 'evidence.removed',
          // A file's evidence names its file: the file itself is kept (evidence_files, R2).
          before: { evidenceId: current.id, url: current.url, note: current.note, oitCode: current.oitCode, ...(current.fileId ? { fileId: current.fileId } : {}) },
          after: null,
        },
        writes: [
          // A removed link leaves the public page at once, at every location: its event advances
          // the year's event-log head, part of the public cache key.
          db.delete(evidenceLinks).where(and(eq(evidenceLinks.id, current.id), eq(evidenceLinks.orgId, actor.orgId))).returning({ id: evidenceLinks.id }),
          evidenceAggregateWrite(db, card, current.oitCode, -1),
        ],
        read: ([rows]) => {
          if ((rows as unknown[]).length !== 1) throw new Error(`evidence ${current.id} removed without an event`);
          return { value: null, card };
        },
      };
    },
  }, source);
}

/**
 * Publishes or withdraws one evidence link, or its note, on the public page (card editors), with
 * an 'evidence.publication' event, which advances the year's event-log head (part of the public
 * cache key) so a withdrawal takes effect at once.
 */
export async function setEvidencePublication(
  db: Db,
  actor: Actor,
  evidenceId: string,
  change: { linkPublished?: boolean; notePublished?: boolean },
  access: Access,
  source?: CardSource,
): Promise<CardCommit<EvidenceView>> {
  const findLink = () =>
    db
      .select({ row: evidenceLinks, name: users.displayName, ...fileColumns })
      .from(evidenceLinks)
      .leftJoin(evidenceFiles, eq(evidenceFiles.id, evidenceLinks.fileId))
      .leftJoin(users, eq(users.id, evidenceLinks.addedBy))
      .where(and(eq(evidenceLinks.id, evidenceId), eq(evidenceLinks.orgId, actor.orgId)))
      .limit(1);
  const [found] = await findLink();
  if (!found) throw appError(404, 'not_found.evidence_link');
  return commitCardChange<EvidenceView>(db, actor, access, found.row.cardId, {
    allowed: (card) => access.mayChangeCard('evidence.publication', card),
    plan: async (card) => {
      const [again] = await findLink();
      if (!again) throw appError(404, 'not_found.evidence_link');
      const current = again.row;
      const before: Record<string, boolean> = {};
      const after: Record<string, boolean> = {};
      for (const field of ['linkPublished', 'notePublished'] as const) {
        const value = change[field];
        if (value === undefined || value === current[field]) continue;
        before[field] = current[field];
        after[field] = value;
      }
      const addedBy = personRef(current.addedBy, again.name);
      const file = fileView(current.fileId, again);
      if (Object.keys(after).length === 0) return { unchanged: toEvidenceView(current, addedBy, card, access, file) };
      return {
        event: { cardId: card.id, kind: 'evidence.publication', before: { evidenceId: current.id, ...before }, after: { evidenceId: current.id, ...after } },
        writes: [
          db.update(evidenceLinks).set(after).where(and(eq(evidenceLinks.id, current.id), eq(evidenceLinks.orgId, actor.orgId))).returning(),
        ],
        read: ([rows]) => {
          const updated = (rows as EvidenceRow[])[0];
          if (!updated) throw new Error(`evidence ${current.id} changed without an event`);
          return { value: toEvidenceView(updated, addedBy, card, access, file), card };
        },
      };
    },
  }, source);
}

export function addComment(
  db: Db,
  actor: Actor,
  by: PersonRef,
  cardId: string,
  body: string,
  access: Access,
  source?: CardSource,
): Promise<CardCommit<CommentView>> {
  return commitCardChange<CommentView>(db, actor, access, cardId, {
    allowed: (card) => access.mayChangeCard('comment.add', card),
    plan: async (card, now) => {
      const id = crypto.randomUUID();
      return {
        // Never the body: the event log feeds reports and must not carry comments.
        event: { cardId: card.id, kind: 'comment.added', before: null, after: { commentId: id } },
        writes: [db.insert(comments).values({ id, orgId: actor.orgId, cardId: card.id, authorId: actor.userId, body, createdAt: now }).returning()],
        read: ([rows]) => ({ value: toCommentView((rows as (typeof comments.$inferSelect)[])[0]!, by), card }),
      };
    },
  }, source);
}

/** The fiscal year's OIT catalogue, in the order the assessment lists it. */
export async function listOitItems(db: Db, actor: Actor, beYear: number, access: Access): Promise<OitItemView[]> {
  const fy = await findFiscalYear(db, actor.orgId, beYear);
  if (!access.readsBoard(fy.orgId)) throw forbidden();
  return db
    .select({ id: oitItems.id, code: oitItems.code, titleTh: oitItems.titleTh, titleEn: oitItems.titleEn, subIndicator: oitItems.subIndicator })
    .from(oitItems)
    .where(and(eq(oitItems.fiscalYearId, fy.id), eq(oitItems.orgId, actor.orgId)))
    .orderBy(asc(oitItems.position), asc(oitItems.code));
}

/** The board (fiscal year) of the card of the office's evidence link; null when the office has no such link. */
export async function evidenceHome(db: Db, orgId: string, evidenceId: string): Promise<string | null> {
  const [row] = await db
    .select({ fiscalYearId: cards.fiscalYearId })
    .from(evidenceLinks)
    .innerJoin(cards, eq(cards.id, evidenceLinks.cardId))
    .where(and(eq(evidenceLinks.id, evidenceId), eq(evidenceLinks.orgId, orgId)))
    .limit(1);
  return row?.fiscalYearId ?? null;
}
