// Finding the measures table in pasted text: rows are lines with tab-separated cells.
//
// - A header row starts with "ที่" (or "ลำดับ") and names its columns; columns are mapped by
//   header text, so a table whose columns are in another order, or that has extra columns
//   (ระยะเวลา, งบประมาณ), still reads correctly. The header repeats when the table continues on
//   another page, with small differences ("การกำกับติดตาม/ รายงานผล"); each header remaps.
// - A data row starts with a number cell ("๑", "1", "๑."). Rows before any header use the
//   usual order: ที่, มาตรการ, ขั้นตอน, ผู้รับผิดชอบ, การกำกับติดตาม.
// - A line that follows a row directly (no blank line) without a leading number continues it:
//   a cell broke over lines. If it starts with a tab and has a cell for every column, its cells
//   are appended column by column; otherwise it continues the row's last cell, and any further
//   cells continue into the following columns, as if the line break were a space.
import { parseNumberCell, withoutSpaces } from './thai-text';

export type Column = 'number' | 'title' | 'steps' | 'responsible' | 'monitoring' | 'other';

export interface TableRow {
  number: number;
  /** 0-based index of the line the row starts on. */
  line: number;
  title: string;
  steps: string;
  responsible: string;
  monitoring: string;
}

export interface TableScan {
  rows: TableRow[];
  /** Lines consumed by the table (headers, rows, continuations): not body text. */
  tableLines: Set<number>;
}

const DEFAULT_COLUMNS: Column[] = ['number', 'title', 'steps', 'responsible', 'monitoring'];

/** Order matters: "การกำกับติดตาม/รายงานผล" must not be taken for a title column. */
const HEADER_PATTERNS: [Column, RegExp][] = [
  ['responsible', /รับผิดชอบ/],
  ['monitoring', /กำกับ|ติดตาม|รายงานผล/],
  ['steps', /ขั้นตอน|วิธีดำเนินการ|วิธีการ|กิจกรรม/],
  ['title', /มาตรการ|แนวทาง|ประเด็น/],
];

/** Lines that end a table even without a blank line before them: the signature block. */
const END_OF_TABLE = /^\s*(?:ประกาศ|สั่ง|ให้ไว้)\s*ณ\s*วันที่|^\s*\(|^\s*ลงชื่อ/;

function isHeader(cells: string[]): boolean {
  const first = withoutSpaces(cells[0] ?? '');
  if (!/^(?:ที่|ลำดับ)/.test(first)) return false;
  return cells.slice(1).some((c) => HEADER_PATTERNS.some(([, re]) => re.test(withoutSpaces(c))));
}

function mapHeader(cells: string[]): Column[] {
  const taken = new Set<Column>();
  return cells.map((cell, i) => {
    const text = withoutSpaces(cell);
    const found: Column | undefined =
      i === 0 ? 'number' : HEADER_PATTERNS.find(([col, re]) => !taken.has(col) && re.test(text))?.[0];
    if (!found) return 'other';
    taken.add(found);
    return found;
  });
}

interface OpenRow {
  number: number;
  line: number;
  cells: string[];
  columns: Column[];
}

function appendTo(cells: string[], index: number, text: string): void {
  const add = text.trim();
  if (!add) return;
  while (cells.length <= index) cells.push('');
  cells[index] = cells[index] ? `${cells[index]} ${add}` : add;
}

function closeRow(open: OpenRow): TableRow {
  const row: TableRow = { number: open.number, line: open.line, title: '', steps: '', responsible: '', monitoring: '' };
  open.cells.forEach((cell, i) => {
    const column = open.columns[i];
    if (column && column !== 'number' && column !== 'other') {
      row[column] = row[column] ? `${row[column]} ${cell.trim()}` : cell.trim();
    }
  });
  return row;
}

export function scanTables(lines: readonly string[]): TableScan {
  const rows: TableRow[] = [];
  const tableLines = new Set<number>();
  let columns: Column[] | null = null;
  let open: OpenRow | null = null;
  const flush = () => {
    if (open) rows.push(closeRow(open));
    open = null;
  };

  lines.forEach((line, index) => {
    if (line.includes('\t')) {
      const cells = line.split('\t');
      tableLines.add(index);
      if (isHeader(cells)) {
        flush();
        columns = mapHeader(cells);
        return;
      }
      const number = parseNumberCell(cells[0] ?? '');
      if (number !== null) {
        flush();
        open = { number, line: index, cells: cells.slice(), columns: columns ?? DEFAULT_COLUMNS };
        return;
      }
      if (!open) return; // a stray tabbed line outside any row: ignore it
      const row: OpenRow = open;
      if ((cells[0] ?? '').trim() === '' && cells.length >= row.columns.length) {
        cells.forEach((cell, i) => appendTo(row.cells, i, cell));
      } else {
        const last = Math.max(0, row.cells.length - 1);
        cells.forEach((cell, i) => appendTo(row.cells, last + i, cell));
      }
      return;
    }
    if (line.trim() === '') {
      flush();
      return;
    }
    if (open && !END_OF_TABLE.test(line)) {
      const row: OpenRow = open;
      appendTo(row.cells, Math.max(0, row.cells.length - 1), line);
      tableLines.add(index);
      return;
    }
    flush();
  });
  flush();
  return { rows, tableLines };
}
