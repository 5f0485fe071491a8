// Request bodies of parent bodies and templates (routes/tree.ts, routes/templates.ts; issue 19).
import { z } from 'zod';
import { isPlausibleBeYear } from '../fiscal-year';
import { id, plainText, titleText } from './common';

/** POST /api/session/office: open another organisation (one's own, or a descendant one oversees). */
export const openOfficeBody = z.strictObject({ orgId: id });

/** POST /api/parent/invitations: invite an organisation by its slug (its address name). */
export const inviteBody = z.strictObject({ slug: z.string().trim().toLowerCase().min(1).max(100) });

const attributeKey = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N}_ -]+$/u, 'letters, digits, spaces, - and _ / ตัวอักษร ตัวเลข เว้นวรรค - และ _');

/** PUT /api/parent/offices/:id/attributes: the whole set (a key left out is removed). */
export const attributesBody = z.strictObject({
  attributes: z.record(attributeKey, plainText(100)).refine((a) => Object.keys(a).length <= 20, 'at most 20 attributes / ไม่เกิน 20 รายการ'),
});

const beYear = z.number().int().refine(isPlausibleBeYear, 'a Buddhist Era year (e.g. 2570) / ปี พ.ศ. เช่น 2570');

/** POST /api/parent/templates/import/preview and /import: an announcement into a template's working copy. */
export const templateImportBody = z.strictObject({
  beYear,
  title: titleText(300).optional(),
  text: z.string().min(1).max(500_000),
});

/** Where an office maps one responsible name of a template when adopting it. */
export const groupMapping = z.strictObject({ leadGroupId: id.nullable(), groupIds: z.array(id).max(50).default([]) });

/** POST /api/office/templates/:id/adopt */
export const adoptBody = z.strictObject({ groupMap: z.record(z.string().max(500), groupMapping).default({}) });

/** POST /api/office/templates/:id/changes: a decision on each offered difference. */
export const decideChangesBody = z.strictObject({
  decisions: z
    .array(z.strictObject({ itemId: id, decision: z.enum(['accepted', 'declined']) }))
    .min(1)
    .max(500),
});
