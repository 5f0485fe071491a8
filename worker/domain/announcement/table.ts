// Finding the measures table in pasted text. Two shapes arrive:
//
// With tabs (copied from Word, or a PDF viewer that kept the table): rows are lines with
// tab-separated cells.
// - A header row starts with "ที่" (or "ลำดับ") and names its columns; columns are mapped by
//   header text, so a table whose columns are in another order, or that has extra columns
//   (ระยะเวลา, งบประมาณ), still reads correctly. The header repeats when the table continues on
//   another page, with small differences ("การกำกับติดตาม/ รายงานผล"); each header remaps.
// - A data row starts with a number cell ("๑", "1", "๑."). Rows before any header use the
//   usual order: ที่, มาตรการ, ขั้นตอน, ผู้รับผิดชอบ, การกำกับติดตาม.
// - A line that follows a row without a leading number continues it: a cell broke over lines.
//   If it starts with a tab and has a cell for every column, its cells are appended column by
//   column; a tabbed line otherwise continues the row's last cell, and any further cells continue
//   into the following columns, as if the line break were a space. A line without a tab extends
//   the row's responsible cell when it names a group (or completes a group's name wrapped over
//   lines), else its steps cell.
//
// Without tabs (a PDF viewer's copy that lost the table): each cell, and each wrapped line of a
// cell, arrives on its own line. The header's cells (on one line, or one per line) tell which
// columns exist and in what order; a line holding only the next row number starts a row; the
// lines after it are read by their shape: the measure's title, then numbered steps, a timeline
// (months, quarters), the line(s) naming groups, and the monitoring lines, until the next row
// number. See readShapeRow.
//
// In both shapes, page artefacts between rows ("- ๒ -", "หน้า ๒", a repeated header) are ignored.
import { isGroupLine, extendsGroupName, type GroupRef } from './group-match';
import { leadingMarker } from './numbered-list';
import { isTimelineLine } from './timeline';
import { collapseSpaces, parseNumberCell, toArabicDigits, withoutSpaces } from './thai-text';

export type Column = 'number' | 'title' | 'steps' | 'timeline' | 'responsible' | 'monitoring' | 'other';
type DataColumn = Exclude<Column, 'number' | 'other'>;

export interface TableRow {
  number: number;
  /** 0-based index of the line the row starts on. */
  line: number;
  title: string;
  steps: string;
  /** Empty when the table has no timeline column. */
  timeline: string;
  /** Names on separate lines stay on separate lines ("\n"): a line break separates names. */
  responsible: string;
  monitoring: string;
}

export interface TableScan {
  rows: TableRow[];
  /** Lines consumed by the table (headers, rows, continuations, page artefacts): not body text. */
  tableLines: Set<number>;
}

const DEFAULT_COLUMNS: Column[] = ['number', 'title', 'steps', 'responsible', 'monitoring'];

/** Order matters: "การกำกับติดตาม/รายงานผล" must not be taken for a title column, nor ระยะเวลาดำเนินการ for steps. */
const HEADER_PATTERNS: [Column, RegExp][] = [
  ['responsible', /รับผิดชอบ/],
  ['monitoring', /กำกับ|ติดตาม|รายงานผล/],
  ['timeline', /ระยะเวลา|ช่วงเวลา|กำหนดเวลา|ห้วงเวลา|กรอบเวลา/],
  ['other', /งบประมาณ|หมายเหตุ|ตัวชี้วัด|เป้าหมาย/],
  ['steps', /ขั้นตอน|วิธีดำเนินการ|วิธีการ|กิจกรรม/],
  ['title', /มาตรการ|แนวทาง|ประเด็น/],
];

/** Lines that end a table even without a blank line before them: the closing and the signature block. */
const END_OF_TABLE = /^\s*(?:ประกาศ|สั่ง|ให้ไว้)\s*ณ\s*วันที่|^\s*\(\s*(?:นาย|นาง|นางสาว|ว่าที่|ดร\.|ผศ\.|รศ\.)|^\s*ลงชื่อ|^\s*(?:ทั้งนี้|จึงประกาศ)(?:\s|$)/;

/** "- ๒ -", "หน้า ๒", "หน้า ๒ จาก ๕", "หน้า 2/5": printed on each page, not part of the text. */
export function isPageArtefact(line: string): boolean {
  const t = toArabicDigits(line).trim();
  return /^[-–]\s*[0-9]{1,3}\s*[-–]$/.test(t) || /^หน้า(?:ที่)?\s*[0-9]{1,3}(?:\s*(?:\/|จาก)\s*[0-9]{1,3})?$/.test(t);
}

function isHeaderStart(cell: string): boolean {
  return /^(?:ที่|ลำดับ(?:ที่)?)$/.test(withoutSpaces(cell));
}

function isHeader(cells: string[]): boolean {
  const first = withoutSpaces(cells[0] ?? '');
  if (!/^(?:ที่|ลำดับ)/.test(first)) return false;
  return cells.slice(1).some((c) => HEADER_PATTERNS.some(([col, re]) => col !== 'other' && re.test(withoutSpaces(c))));
}

function headerColumn(text: string, taken: ReadonlySet<Column>): Column | undefined {
  const t = withoutSpaces(text);
  return HEADER_PATTERNS.find(([col, re]) => (col === 'other' || !taken.has(col)) && re.test(t))?.[0];
}

function mapHeader(cells: string[]): Column[] {
  const taken = new Set<Column>();
  return cells.map((cell, i) => {
    const found = i === 0 ? 'number' : headerColumn(cell, taken);
    if (!found) return 'other';
    taken.add(found);
    return found;
  });
}

/**
 * A header without tabs starting at line `i`: "ที่ มาตรการ/แนวทาง ขั้นตอน/วิธีดำเนินการ …" on one
 * line, or "ที่" alone followed by one line per header cell (a cell may wrap: "การกำกับติดตาม/" then
 * "รายงานผล"). Returns the columns and the index after the header, or null.
 */
function shapeHeaderAt(lines: readonly string[], i: number): { columns: Column[]; end: number } | null {
  const line = collapseSpaces(lines[i] ?? '');
  if (line.includes('\t')) return null;
  const one = /^(?:ที่|ลำดับ(?:ที่)?)\s+(.+)$/.exec(line);
  if (one) {
    const found: { column: Column; at: number }[] = [];
    const taken = new Set<Column>();
    for (const [column, re] of HEADER_PATTERNS) {
      const m = new RegExp(re.source, 'g').exec(one[1]!);
      if (m && !taken.has(column)) {
        found.push({ column, at: m.index });
        taken.add(column);
      }
    }
    const named = found.filter((f) => f.column !== 'other');
    if (named.length < 3 || !taken.has('steps')) return null;
    return { columns: ['number', ...found.sort((p, q) => p.at - q.at).map((f) => f.column)], end: i + 1 };
  }
  if (!isHeaderStart(line)) return null;
  const columns: Column[] = ['number'];
  const taken = new Set<Column>();
  let j = i + 1;
  for (; j < lines.length && j <= i + 16; j++) {
    const cell = collapseSpaces(lines[j]!);
    if (cell === '') continue;
    if (parseNumberCell(cell) !== null || cell.length > 40) break;
    const column = headerColumn(cell, taken);
    if (column && !(column === 'other' && columns.length > 1 && /^[/]/.test(cell))) {
      columns.push(column);
      taken.add(column);
    } else if (columns.length === 1) {
      return null; // "ที่" followed by something that is no header cell
    } // else: the previous header cell wrapped onto this line
  }
  const named = columns.filter((c) => c !== 'number' && c !== 'other');
  if (named.length < 3 || !taken.has('steps')) return null;
  return { columns, end: j };
}

interface OpenRow {
  number: number;
  line: number;
  cells: string[];
  columns: Column[];
}

function appendTo(cells: string[], index: number, text: string, separator = ' '): void {
  const add = text.trim();
  if (!add) return;
  while (cells.length <= index) cells.push('');
  cells[index] = cells[index] ? `${cells[index]}${separator}${add}` : add;
}

const emptyParts = (): Record<DataColumn, string[]> => ({ title: [], steps: [], timeline: [], responsible: [], monitoring: [] });

/** A row from its cells' texts per column, read with tabs or by shape: one group per line, the rest joined by spaces. */
function tableRow(number: number, line: number, parts: Record<DataColumn, string[]>): TableRow {
  return {
    number,
    line,
    title: parts.title.join(' '),
    steps: parts.steps.join(' '),
    timeline: parts.timeline.join(' '),
    responsible: parts.responsible.join('\n'),
    monitoring: parts.monitoring.join(' '),
  };
}

function closeRow(open: OpenRow): TableRow {
  const parts = emptyParts();
  open.cells.forEach((cell, i) => {
    const column = open.columns[i];
    if (column && column !== 'number' && column !== 'other' && cell.trim()) parts[column].push(cell.trim());
  });
  return tableRow(open.number, open.line, parts);
}

/** Words of a timeline that names no date. */
const TIMELINE_WORDS = /^(?:ภายใน|ตลอด|ไตรมาส|ตามความเหมาะสม|ต่อเนื่อง|ปีงบ|ทุกเดือน|ระยะเวลา)/;

/** A row being read by its shape (no tabs): lines collected per column. */
interface ShapeRow {
  number: number;
  line: number;
  columns: DataColumn[];
  parts: Record<DataColumn, string[]>;
  /** Index into `columns` of the column being read. */
  at: number;
  /** The last step / monitoring number seen in the current column (a restart opens the next numbered column). */
  lastMarker: number | null;
}

function newShapeRow(number: number, line: number, columns: Column[]): ShapeRow {
  const data = columns.filter((c): c is DataColumn => c !== 'number' && c !== 'other');
  return { number, line, columns: data, parts: emptyParts(), at: 0, lastMarker: null };
}

/**
 * Which column a line of a tab-less row belongs to. It stays in the current column unless it
 * opens a later one: numbered lines open steps or monitoring (a number that restarts, e.g. "1."
 * after "3.", leaves the steps for the monitoring), a line naming a group opens the responsible
 * column, a timeline line the timeline column. The responsible and timeline cells are short:
 * a line that does not belong to them moves on to the next column.
 */
function placeShapeLine(row: ShapeRow, line: string, groups: readonly GroupRef[]): void {
  const current = row.columns[row.at]!;
  const marker = leadingMarker(line);
  const group = isGroupLine(line, groups);
  const time = isTimelineLine(line);
  const restart = marker !== null && row.lastMarker !== null && marker <= row.lastMarker;
  const opens = (column: DataColumn): boolean => {
    switch (column) {
      case 'steps':
        return marker !== null && current !== 'steps';
      case 'monitoring':
        return marker !== null && current !== 'monitoring' && (current !== 'steps' || restart);
      case 'responsible':
        return group && !(current === 'responsible');
      case 'timeline':
        return time && current !== 'timeline';
      default:
        return false;
    }
  };
  let next = -1;
  for (let j = row.at + 1; j < row.columns.length; j++) {
    if (opens(row.columns[j]!)) {
      next = j;
      break;
    }
  }
  if (next === -1 && row.at + 1 < row.columns.length) {
    const stays =
      current === 'responsible'
        ? group || extendsGroupName(row.parts.responsible.join('\n'), line, groups)
        : current === 'timeline'
          ? time || collapseSpaces(line).length <= 12
          : true;
    if (!stays) next = row.at + 1;
  }
  if (next !== -1) {
    row.at = next;
    row.lastMarker = null;
  }
  const column = row.columns[row.at]!;
  if (column === 'responsible' && row.parts.responsible.length > 0 && !group && extendsGroupName(row.parts.responsible.join('\n'), line, groups)) {
    // A group's name wrapped over lines: one name, not two.
    const parts = row.parts.responsible;
    parts[parts.length - 1] = `${parts[parts.length - 1]} ${line.trim()}`;
  } else {
    row.parts[column].push(line.trim());
  }
  if (marker !== null && (column === 'steps' || column === 'monitoring')) row.lastMarker = marker;
}

function closeShapeRow(row: ShapeRow): TableRow {
  const { parts } = row;
  // An unnumbered single step reads like a second title line: the title is the first line.
  if (parts.steps.length === 0 && parts.title.length > 1 && row.columns.includes('steps')) {
    parts.steps = parts.title.splice(1);
  }
  // A timeline that names no date ("ตามความเหมาะสม") looks like a step's last line: take it as the
  // timeline when that cell is empty and the line reads like one (the caller warns it has no date).
  const last = parts.steps[parts.steps.length - 1];
  if (row.columns.includes('timeline') && parts.timeline.length === 0 && parts.steps.length > 1 && last !== undefined) {
    if (last.length <= 30 && leadingMarker(last) === null && TIMELINE_WORDS.test(last)) parts.timeline.push(parts.steps.pop()!);
  }
  return tableRow(row.number, row.line, parts);
}

/** Whether a row number line at this point starts the next row ("๓", or "๓." once the row is past its responsible cell). */
function startsShapeRow(line: string, open: ShapeRow | null, expected: number | null): number | null {
  const t = collapseSpaces(line);
  const n = parseNumberCell(t);
  if (n === null) return null;
  const bare = /^[0-9๐-๙]{1,4}$/.test(t);
  if (open === null) return bare || expected === null ? n : n === expected ? n : null;
  if (n !== expected) return null;
  if (bare) return n;
  const responsibleAt = open.columns.indexOf('responsible');
  return responsibleAt !== -1 && open.at >= responsibleAt ? n : null;
}

export function scanTables(lines: readonly string[], groups: readonly GroupRef[] = []): TableScan {
  const rows: TableRow[] = [];
  const tableLines = new Set<number>();
  let columns: Column[] | null = null;
  let open: OpenRow | null = null;
  /** Set while reading a table that arrived without tabs. */
  let shape: { columns: Column[]; row: ShapeRow | null } | null = null;
  const flush = () => {
    if (open) rows.push(closeRow(open));
    open = null;
  };
  const flushShape = () => {
    if (shape?.row) rows.push(closeShapeRow(shape.row));
    if (shape) shape.row = null;
  };

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;

    if (shape && !line.includes('\t')) {
      if (line.trim() === '' || isPageArtefact(line)) {
        if (line.trim() !== '') tableLines.add(index);
        continue;
      }
      if (END_OF_TABLE.test(line)) {
        flushShape();
        shape = null;
        continue;
      }
      const header = shapeHeaderAt(lines, index);
      if (header) {
        // The header repeated on a new page.
        for (let k = index; k < header.end; k++) tableLines.add(k);
        shape.columns = header.columns;
        index = header.end - 1;
        continue;
      }
      const expected = shape.row ? shape.row.number + 1 : rows.length > 0 ? rows[rows.length - 1]!.number + 1 : null;
      const number = startsShapeRow(line, shape.row, expected);
      tableLines.add(index);
      if (number !== null) {
        flushShape();
        shape.row = newShapeRow(number, index, shape.columns);
        continue;
      }
      if (shape.row) placeShapeLine(shape.row, line, groups);
      continue;
    }
    if (shape) {
      // A tabbed line: the table has tabs after all.
      flushShape();
      shape = null;
    }

    if (line.includes('\t')) {
      const cells = line.split('\t');
      tableLines.add(index);
      if (isHeader(cells)) {
        flush();
        columns = mapHeader(cells);
        continue;
      }
      const number = parseNumberCell(cells[0] ?? '');
      if (number !== null) {
        flush();
        open = { number, line: index, cells: cells.slice(), columns: columns ?? DEFAULT_COLUMNS };
        continue;
      }
      if (!open) continue; // a stray tabbed line outside any row: ignore it
      const row: OpenRow = open;
      if ((cells[0] ?? '').trim() === '' && cells.length >= row.columns.length) {
        cells.forEach((cell, i) => appendTo(row.cells, i, cell, row.columns[i] === 'responsible' ? '\n' : ' '));
      } else {
        const last = Math.max(0, row.cells.length - 1);
        cells.forEach((cell, i) => appendTo(row.cells, last + i, cell));
      }
      continue;
    }
    if (isPageArtefact(line)) {
      tableLines.add(index);
      continue;
    }
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (open || columns) {
      // The header repeated on a new page without its tabs ("ที่ มาตรการ ขั้นตอน …"): skip it.
      const header = shapeHeaderAt(lines, index);
      if (header) {
        for (let k = index; k < header.end; k++) tableLines.add(k);
        index = header.end - 1;
        continue;
      }
    }
    if (open && !END_OF_TABLE.test(line)) {
      const row: OpenRow = open;
      const responsibleAt = row.columns.indexOf('responsible');
      const stepsAt = row.columns.indexOf('steps');
      const responsibleCell = row.cells[responsibleAt] ?? '';
      if (responsibleAt !== -1 && row.cells.length > responsibleAt && isGroupLine(line, groups)) {
        appendTo(row.cells, responsibleAt, line, '\n');
      } else if (responsibleAt !== -1 && responsibleCell.trim() !== '' && extendsGroupName(responsibleCell, line, groups)) {
        appendTo(row.cells, responsibleAt, line, ' ');
      } else if (stepsAt !== -1 && row.cells.length > stepsAt + 1) {
        appendTo(row.cells, stepsAt, line);
      } else {
        appendTo(row.cells, Math.max(0, row.cells.length - 1), line);
      }
      tableLines.add(index);
      continue;
    }
    flush();
    if (!open && !columns) {
      const header = shapeHeaderAt(lines, index);
      if (header) {
        for (let k = index; k < header.end; k++) tableLines.add(k);
        shape = { columns: header.columns, row: null };
        index = header.end - 1;
      }
    }
  }
  flush();
  flushShape();
  return { rows, tableLines };
}
