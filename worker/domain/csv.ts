// CSV for people who open it in a spreadsheet: RFC 4180 quoting, CRLF line ends, and a UTF-8
// byte-order mark so Excel reads Thai as Thai. A cell that a spreadsheet would take for a formula
// (it begins with =, +, -, @, a tab or a carriage return) gets a leading apostrophe: text typed
// by users must never run as a formula on an official's computer (CSV injection).

export const UTF8_BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export type CsvValue = string | number | boolean | null | undefined;

function neutralised(value: CsvValue): string {
  const text = value === null || value === undefined ? '' : String(value);
  // Numbers we write ourselves are safe; a negative number would read as text after the
  // apostrophe, but none of our columns hold one. Strings are always checked.
  return typeof value === 'string' && FORMULA_START.test(text) ? `'${text}` : text;
}

const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** One cell, neutralised against formulas and quoted when it must be. */
export function csvCell(value: CsvValue): string {
  const text = neutralised(value);
  return NEEDS_QUOTES.test(text) || text !== text.trim() ? quoted(text) : text;
}

/** One cell, neutralised and always quoted (the report attachments: every cell reads as text). */
export function quotedCsvCell(value: CsvValue): string {
  return quoted(neutralised(value));
}

export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(',');
}

/** A whole document: BOM, header row, data rows, CRLF after every record. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return UTF8_BOM + [csvRow(header), ...rows.map(csvRow)].map((line) => `${line}\r\n`).join('');
}

/**
 * Reads tab-separated text such as shared/reference/oit-items-2567.tsv: blank lines and lines
 * starting with '#' are skipped; cells are trimmed. Returns each remaining line with its
 * 1-based line number, so callers can point at the line a warning is about.
 */
export function readTsv(text: string): { line: number; cells: string[] }[] {
  const out: { line: number; cells: string[] }[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  lines.forEach((raw, i) => {
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) return;
    out.push({ line: i + 1, cells: raw.split('\t').map((c) => c.trim()) });
  });
  return out;
}
