// Request schemas of the board's own routes beside GET /api/boards/:beYear (routes/board-search.ts).
import { z } from 'zod';
import { SEARCH_MAX } from '../search-text';

/** GET /api/boards/:beYear/search?q= : what was typed (normalised for matching by domain/search-text.ts). */
export const boardSearchQuery = z.object({
  q: z
    .string({ error: 'พิมพ์คำค้น / type something to search for' })
    .trim()
    .min(1, 'พิมพ์คำค้นอย่างน้อยหนึ่งตัวอักษร / type at least one character to search for')
    .max(SEARCH_MAX, `คำค้นยาวได้ไม่เกิน ${SEARCH_MAX} ตัวอักษร / a search is at most ${SEARCH_MAX} characters`),
});
export type BoardSearchQuery = z.infer<typeof boardSearchQuery>;
