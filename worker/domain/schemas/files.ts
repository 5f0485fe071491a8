// The text fields of an evidence file upload (POST /api/cards/:id/files, multipart/form-data): the
// file itself is one more field, checked by its bytes (domain/file-type.ts), not by this schema.
import { z } from 'zod';
import { plainText } from './common';

export const fileUploadFields = z.strictObject({
  note: plainText(1000).default(''),
  /** The OIT item the file answers; empty or absent: none. */
  oitCode: z
    .string()
    .trim()
    .max(20)
    .optional()
    .transform((v) => (v ? v : null)),
});
export type FileUploadFields = z.infer<typeof fileUploadFields>;

/** `/files/:office/:id/:name` */
export const fileParams = z.object({ office: z.string().min(1).max(100), id: z.string().min(1).max(64), name: z.string().min(1).max(400) });
