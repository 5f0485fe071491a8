// Request bodies of the OIT catalogue versions (routes/catalogues.ts).
import { z } from 'zod';
import { beYear } from '../params';
import { plainText, titleText } from './common';

/** POST /api/catalogues/preview and POST /api/catalogues: the list as pasted (TSV or `O1 title` lines). */
export const catalogueBody = z.strictObject({
  name: titleText(120),
  /** Where the list came from: free text or an address. */
  source: plainText(500).default(''),
  text: z.string().min(1).max(60_000),
});
export type CatalogueRequest = z.infer<typeof catalogueBody>;

/** POST /api/catalogues/preview: only the text is needed to read it. */
export const catalogueTextBody = z.strictObject({ text: z.string().min(1).max(60_000) });

/** `:id` of a version. */
export const catalogueParam = z.object({ id: z.string().min(1).max(64) });

/** POST /api/catalogues/:id/plan */
export const cataloguePlanBody = z.strictObject({ beYear });

const code = z.string().min(1).max(16);

/** POST /api/catalogues/:id/apply: the crosswalk as the administrator confirmed or corrected it. */
export const catalogueApplyBody = z.strictObject({
  beYear,
  crosswalk: z.array(z.strictObject({ oldCode: code, newCode: code.nullable() })).max(300).default([]),
  /** Evidence of codes left without a new code stays, listed as not in the catalogue. */
  confirmUnmapped: z.boolean().default(false),
});
export type CatalogueApplyRequest = z.infer<typeof catalogueApplyBody>;
