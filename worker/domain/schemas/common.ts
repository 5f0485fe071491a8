// Pieces of the request schemas that many routes share (declared once). The request schemas
// themselves live beside this file, one module per group of routes; the answers they get are typed
// in ../contracts.ts, ../contracts-card.ts, ../views.ts and ../report-types.ts. The web app imports
// these modules only as types (a rule in tests/static/import-rules.ts keeps zod out of its bundle).
import { z } from 'zod';
import { isIsoDate } from '../fiscal-year';
import { hasBidiControl, isTrustworthyWebUrl, visiblePart } from '../user-text';

/** An id in a path or a body. */
export const id = z.string().min(1).max(64);

/** `:id` in a path. */
export const idParam = z.object({ id });

/** A real calendar date written YYYY-MM-DD. */
export const isoDate = z.string().refine(isIsoDate, 'a real date written YYYY-MM-DD');

/** An email address as typed: trimmed and lower-cased. */
export const email = z.string().trim().toLowerCase().email().max(254);

const text = (max: number) => z.string().trim().max(max);
export { text as trimmedText };

/**
 * Shared validators for text people type (domain/user-text.ts says why): a title shows something
 * once invisible characters are removed and carries no bidirectional controls; a note or other
 * free text carries no bidirectional controls; a link is http(s) without user info.
 */
export const titleText = (max: number) =>
  text(max)
    .min(1)
    .refine((v) => visiblePart(v).length > 0, 'ต้องมีตัวอักษรที่มองเห็นได้ / must contain visible characters, not only invisible ones')
    .refine((v) => !hasBidiControl(v), 'ห้ามมีอักขระควบคุมทิศทางข้อความ / must not contain bidirectional control characters');
export const plainText = (max: number) =>
  text(max).refine((v) => !hasBidiControl(v), 'ห้ามมีอักขระควบคุมทิศทางข้อความ / must not contain bidirectional control characters');
export const webLink = z
  .string()
  .trim()
  .min(1)
  .max(2000)
  .refine(isTrustworthyWebUrl, 'ต้องเป็นที่อยู่ http(s) ที่ไม่มีชื่อผู้ใช้หรืออักขระควบคุม / an http(s) address without user info or control characters');

/** A partial update must change something: an empty one is a mistake, not a no-op. */
export const somethingToChange = <T extends object>(o: T) => Object.keys(o).length > 0;
