// Request bodies of signing in and one's own account (routes/auth.ts, routes/me.ts), and of the
// administration: members and accounts, groups, columns, measures, fiscal years, the announcement
// import and the memo's letterhead (routes/admin.ts, accounts.ts, measures.ts, fiscal-years.ts,
// import.ts, memo.ts).
import { z } from 'zod';
import { ROLES } from '../contracts';
import type { GroupChoice } from '../announcement/plan';
import { isPlausibleBeYear } from '../fiscal-year';
import { EMBLEM_MAX_BYTES, MEMO_TEXT_MAX, type MemoSettings } from '../memo';
import { PASSWORD_MAX } from '../password-policy';
import { email, id, somethingToChange, titleText } from './common';

/** POST /api/auth/sign-in */
export const signInBody = z.strictObject({
  email,
  password: z.string().min(1).max(1024),
});
export type SignInRequest = z.infer<typeof signInBody>;

/** PUT /api/me/password */
export const passwordBody = z.strictObject({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(1).max(PASSWORD_MAX * 4),
});
export type ChangePasswordRequest = z.infer<typeof passwordBody>;

/** `:id` of one's own session (DELETE /api/me/sessions/:id). */
export const sessionParam = z.object({ id: z.string().regex(/^[0-9a-f]{64}$/) });

/** POST /api/admin/accounts/:id/temporary-password */
export const resetBody = z.strictObject({ temporaryPassword: z.string().min(1).max(PASSWORD_MAX * 4) });

// Names people read (accounts, groups, columns): visible, no bidirectional controls.
const name = titleText(200);
const nothingToChange = { message: 'name at least one field to change' };

/** POST /api/admin/users */
export const newUserBody = z.strictObject({
  email,
  displayName: name,
  password: z.string().min(1).max(PASSWORD_MAX * 4),
  role: z.enum(ROLES),
  groupId: id.nullable(),
});
export type NewUserRequest = z.infer<typeof newUserBody>;

/** PUT /api/admin/users/:id/role */
export const roleBody = z.strictObject({ role: z.enum(ROLES), groupId: id.nullable() });

/** POST /api/admin/groups */
export const groupBody = z.strictObject({ nameTh: name, nameEn: z.string().trim().max(200).default('') });

/** PATCH /api/admin/groups/:id. No defaults here: a field left out of a patch keeps its value (a default would overwrite it). */
export const groupPatch = z.strictObject({ nameTh: name, nameEn: z.string().trim().max(200) }).partial().refine(somethingToChange, nothingToChange);

/** PATCH /api/admin/columns/:id */
export const columnBody = z
  .strictObject({
    labelTh: name,
    labelEn: name,
    position: z.number().int().min(0).max(100),
    wipLimit: z.number().int().min(1).max(10_000).nullable(),
  })
  .partial()
  .refine(somethingToChange, nothingToChange);
export type ColumnPatch = z.infer<typeof columnBody>;

/** PUT /api/admin/columns/order */
export const columnOrderBody = z.strictObject({ beYear: z.number().int(), columnIds: z.array(id).min(1).max(20) });

/** PATCH /api/measures/:id */
export const measureLeadBody = z.strictObject({ leadGroupId: id });

/** PUT /api/fiscal-years/:beYear/archived */
export const archivedBody = z.strictObject({ archived: z.boolean() });

/** POST /api/fiscal-years/:beYear/rollover/preview and …/rollover/commit */
export const rolloverBody = z.strictObject({
  toBeYear: z.number().int().refine(isPlausibleBeYear, 'a Buddhist Era year such as 2568'),
  /** Required when the target is not the year after the source. */
  confirmNonAdjacent: z.boolean().optional(),
  /** Corrections to the proposed OIT crosswalk when the target year has a catalogue version of its own. */
  crosswalk: z.array(z.strictObject({ oldCode: z.string().min(1).max(16), newCode: z.string().min(1).max(16).nullable() })).max(300).optional(),
});

const importYear = z.number().int().refine(isPlausibleBeYear, 'a Buddhist Era year such as 2570');
const choice = z.union([z.strictObject({ groupId: z.string().min(1).max(64) }), z.strictObject({ create: z.literal(true) })]) satisfies z.ZodType<GroupChoice>;
const choices = z
  .record(z.string().min(1).max(500), choice)
  .refine((c) => Object.keys(c).length <= 200, 'at most 200 choices')
  .default({});
const announcementText = z.string().min(1).max(500_000);

/** POST /api/import/preview */
export const importPreviewBody = z.strictObject({ text: announcementText, beYear: importYear.nullable().optional(), choices });

/** POST /api/import/commit */
export const importCommitBody = z.strictObject({
  text: announcementText,
  beYear: importYear,
  choices,
  token: z.string().regex(/^[0-9a-f]{64}$/, 'the token of a preview'),
  confirmYear: z.boolean().optional(),
  confirmOffice: z.boolean().optional(),
});
export type ImportCommitRequest = z.input<typeof importCommitBody>;

const memoText = z.string().trim().max(MEMO_TEXT_MAX);

/** PUT /api/memo: the letterhead and signature of the printed memo (every field of MemoSettings, checked). */
export const memoBody = z.strictObject({
  department: memoText,
  docPrefix: memoText,
  addressee: memoText,
  signerName: memoText,
  signerPosition: memoText,
  thaiDigits: z.boolean(),
  /** Absent: keep the emblem; null: remove it; a data: URL: replace it. */
  emblem: z
    .string()
    .max(Math.ceil((EMBLEM_MAX_BYTES * 4) / 3) + 64)
    .nullable()
    .optional(),
}) satisfies z.ZodType<MemoSettings & { emblem?: string | null }>;

/** PUT /api/admin/done-rule: whether a step moved into done needs evidence (domain/done-rule.ts). */
/** The office's main website as typed (a domain or a site address); empty: none. Checked by domain/link-health.ts normaliseMainWebsite. */
export const mainWebsiteBody = z.strictObject({ mainWebsite: z.string().max(300) });

export const doneRuleBody = z.strictObject({ doneNeedsEvidence: z.boolean() });
export type DoneRuleRequest = z.infer<typeof doneRuleBody>;
