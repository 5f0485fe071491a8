// Reading a catalogue version as an administrator brings it: the TSV of the reference file (a
// header row naming the columns, or code, Thai title, sub-indicator, English title), or a list
// pasted from an agency's OIT page, one item a line: `O1 โครงสร้าง`, `O1. โครงสร้าง`,
// `O1: โครงสร้าง`, `O๑<tab>โครงสร้าง`, `o 1   โครงสร้าง`. Blank lines and `#` lines are skipped.
// Unlike the year's item import (readiness.ts, which skips a bad row with a warning), a version
// is all or nothing: every line that cannot be read is an error naming its line, and nothing is
// written while there is one.
import { readTsv } from './csv';
import { errorMessages } from './errors';
import { toArabicDigits } from './announcement/thai-text';
import { CODE_PATTERN, MAX_CATALOGUE_ITEMS, normaliseCode, type CatalogueRow, type CatalogueWarning } from './readiness';

const MAX_TITLE = 500;

export interface CatalogueLineError extends CatalogueWarning {
  /** The line as typed (at most 120 characters). */
  text: string;
}

const HEADER_NAMES: Record<string, keyof CatalogueRow> = { code: 'code', title_th: 'titleTh', sub_indicator: 'subIndicator', title_en: 'titleEn' };

/** A code at the start of a line (letters, then digits, Arabic or Thai), and what separates it from the title. */
const LEADING_CODE = /^([A-Za-z]{1,3})\s?([0-9๐-๙]{1,3}(?:[.-][0-9๐-๙]{1,3})?)(?=$|[\s.:：)\-–])[\s]*[.:：)\-–]?\s*/;

function rowOfLine(raw: string): CatalogueRow | null {
  const line = raw.trim();
  const m = LEADING_CODE.exec(line);
  if (!m) return null;
  const [titleTh = '', subIndicator = '', titleEn = ''] = line.slice(m[0].length).split('\t').map((c) => c.trim());
  return { code: toArabicDigits(`${m[1]}${m[2]}`).toUpperCase(), titleTh: titleTh.replace(/\s+/g, ' '), subIndicator, titleEn };
}

/** The items of the text and every line's problem (while there is one, nothing is to be written). */
export function parseCatalogueList(text: string): { items: CatalogueRow[]; errors: CatalogueLineError[] } {
  const rows = readTsv(text);
  const errors: CatalogueLineError[] = [];
  let order: (keyof CatalogueRow)[] | null = null;
  if (rows[0] && rows[0].cells[0]?.toLowerCase() === 'code') {
    order = rows.shift()!.cells.map((name) => HEADER_NAMES[name.toLowerCase()] ?? ('' as keyof CatalogueRow));
  }
  const items: CatalogueRow[] = [];
  const firstLine = new Map<string, number>();
  for (const { line, cells } of rows) {
    const raw = cells.join('\t');
    let row: CatalogueRow | null;
    if (order) {
      row = { code: '', titleTh: '', subIndicator: '', titleEn: '' };
      for (const [i, field] of order.entries()) if (field && cells[i] !== undefined) row[field] = cells[i]!;
      row.code = toArabicDigits(normaliseCode(row.code));
    } else {
      row = rowOfLine(raw);
    }
    const fail = (m: { messageTh: string; messageEn: string }) =>
      errors.push({ line, code: row?.code ?? '', messageTh: m.messageTh, messageEn: m.messageEn, text: raw.slice(0, 120) });
    if (!row || !CODE_PATTERN.test(row.code)) fail(errorMessages('catalogue.bad_line'));
    else if (!row.titleTh) fail(errorMessages('catalogue.no_title'));
    else if ([row.titleTh, row.titleEn, row.subIndicator].some((s) => s.length > MAX_TITLE)) fail(errorMessages('catalogue.too_long', { max: MAX_TITLE }));
    else if (firstLine.has(row.code)) fail(errorMessages('catalogue.repeated_line', { first: firstLine.get(row.code)! }));
    else if (items.length >= MAX_CATALOGUE_ITEMS) fail(errorMessages('catalogue.too_many', { max: MAX_CATALOGUE_ITEMS }));
    else {
      firstLine.set(row.code, line);
      items.push(row);
    }
  }
  if (items.length === 0 && errors.length === 0) {
    const m = errorMessages('nothing_to_import.oit');
    errors.push({ line: 0, code: '', messageTh: m.messageTh, messageEn: m.messageEn, text: '' });
  }
  return { items, errors };
}
