// Request bodies of the OIT readiness page: the catalogue's items, its TSV import and the year's
// submission deadline (routes/oit.ts), and the public page's settings and paths (routes/public.ts).
import { z } from 'zod';
import { CODE_PATTERN, normaliseCode } from '../readiness';
import { beYear, beYearParam, beYearText } from '../params';
import { isoDate, plainText, titleText } from './common';

/** `:beYear/items/:id` */
export const itemParam = beYearParam.extend({ id: z.string().min(1).max(64) });
const code = z
  .string()
  .transform(normaliseCode)
  .refine((s) => CODE_PATTERN.test(s), 'letters and digits such as O12');
// A required title must be visible; none may carry bidirectional controls (schemas/common.ts).
const title = (min: number) => (min > 0 ? titleText(500) : plainText(500));
const position = z.number().int().min(0).max(10_000);

/** POST /api/oit/:beYear/items */
export const itemBody = z.strictObject({
  code,
  titleTh: title(1),
  titleEn: title(0).default(''),
  subIndicator: title(0).default(''),
  position: position.default(0),
});
/** An item as the db layer writes it (defaults filled in). */
export type OitItemInput = z.infer<typeof itemBody>;

/** PATCH /api/oit/:beYear/items/:id */
export const itemPatch = z
  .strictObject({ code, titleTh: title(1), titleEn: title(0), subIndicator: title(0), position })
  .partial()
  .refine((p) => Object.keys(p).length > 0, 'nothing to change');

/** POST /api/oit/:beYear/items/import/preview and …/commit: the catalogue as tab-separated text. */
export const catalogueImportBody = z.strictObject({ text: z.string().min(1).max(60_000) });

/** PATCH /api/oit/:beYear/deadline */
export const deadlineBody = z.strictObject({ submissionDeadline: isoDate.nullable() });

/** PATCH /api/public/settings */
export const publicSettingsBody = z.strictObject({ beYear, published: z.boolean() });

/** `:slug` of an office's public page. */
export const slugParam = z.object({ slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/) });
/** `:slug/:file`: a year, as JSON (bare or .json) or CSV. */
export const fileParam = slugParam.extend({ file: z.string().regex(/^\d{4}(\.(json|csv))?$/) });
/** `:slug/:beYear/schema` */
export const schemaParam = slugParam.extend({ beYear: beYearText });
