// Request bodies of the board's cards: moving and editing a card (routes/cards.ts), its evidence
// links and comments (routes/card-details.ts).
import { z } from 'zod';
import { id, isoDate, plainText, titleText, trimmedText, webLink } from './common';

/** `:id` of a card in a path. */
export const cardParam = z.object({ id });
const version = z.number().int().min(1);

/** POST /api/cards/:id/move */
export const moveCardBody = z.strictObject({
  toColumnId: id,
  /** The card it now follows in the target column (null: first). */
  afterCardId: id.nullable(),
  /** The card it now precedes (null: last). Used when afterCardId is null. */
  beforeCardId: id.nullable(),
  version,
});
export type MoveCardRequest = z.infer<typeof moveCardBody>;

const checklistItem = z.strictObject({ id, text: titleText(300), done: z.boolean() });

/** PATCH /api/cards/:id: the fields to change, guarded by the card's version. */
export const editCardBody = z
  .strictObject({
    version,
    title: titleText(500),
    details: trimmedText(20_000),
    dueOn: isoDate.nullable(),
    leadGroupId: id.nullable(),
    groupIds: z.array(id).max(50).transform((ids) => [...new Set(ids)]),
    allGroups: z.boolean(),
    checklist: z
      .array(checklistItem)
      .max(50)
      .refine((items) => new Set(items.map((i) => i.id)).size === items.length, 'checklist item ids must be unique'),
  })
  .partial()
  .required({ version: true });
export type EditCardRequest = z.infer<typeof editCardBody>;

/** POST /api/cards/:id/evidence */
export const evidenceBody = z.strictObject({
  url: webLink,
  note: plainText(1000),
  oitCode: z.string().trim().min(1).max(20).nullable(),
});
export type AddEvidenceRequest = z.infer<typeof evidenceBody>;

/** PATCH /api/evidence/:id: name at least one. */
export const publicationBody = z
  .strictObject({ linkPublished: z.boolean(), notePublished: z.boolean() })
  .partial()
  .refine((o) => Object.keys(o).length > 0, { message: 'name linkPublished or notePublished' });
export type EvidencePublicationRequest = z.infer<typeof publicationBody>;

/** POST /api/cards/:id/comments */
export const commentBody = z.strictObject({ body: z.string().trim().min(1).max(5000) });
export type AddCommentRequest = z.infer<typeof commentBody>;
