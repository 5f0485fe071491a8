// Request parameters that many routes share, as zod schemas (declared once).
import { z } from 'zod';

/** A fiscal year as the API names it in a JSON body: its Buddhist Era year (2567 = 1 Oct 2023 – 30 Sep 2024). */
export const beYear = z.number().int().min(2500).max(2700);

/** The same year written as text (a path or a query string), read as a number. */
export const beYearText = z.coerce.number().int().min(2500).max(2700);

/** `:beYear` in a path. */
export const beYearParam = z.object({ beYear: beYearText });

/** `?since=` of a board's changes: the seq the client has applied. */
export const sinceQuery = z.strictObject({ since: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER) });
