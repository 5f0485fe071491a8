// Request bodies of the OIT submission (routes/submission.ts): one item's fields, saved whole.
import { z } from 'zod';
import { CODE_PATTERN, normaliseCode } from '../readiness';
import { beYearParam } from '../params';
import { isoDate, plainText, webLink } from './common';

/** `:beYear/submission/:code`: the item's code as the catalogue writes it (O12). */
export const submissionParam = beYearParam.extend({
  code: z
    .string()
    .max(32)
    .transform(normaliseCode)
    .refine((s) => CODE_PATTERN.test(s), 'letters and digits such as O12'),
});

const person = z.strictObject({
  name: plainText(200),
  position: plainText(200),
  date: isoDate.nullable(),
});

/**
 * PUT /api/oit/:beYear/submission/:code. `version`: the item's version as the page read it (0 when
 * nothing was saved yet); `explanation: null` goes back to the one prefilled from the evidence
 * notes. The page's address must be http(s), without user info or control characters.
 */
export const submissionBody = z.strictObject({
  version: z.number().int().min(0),
  pageUrl: webLink.nullable(),
  explanation: plainText(5000).nullable(),
  publishedInfo: plainText(2000),
  requester: person,
  approver: person,
  poster: person,
});
export type SubmissionBody = z.infer<typeof submissionBody>;
