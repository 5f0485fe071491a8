// A report as CSV for a spreadsheet: a UTF-8 byte-order mark (without it Excel reads Thai as
// mojibake), CRLF records, every cell quoted. Text that a spreadsheet would run as a formula
// (starting with =, +, -, @, tab or CR) gets a leading apostrophe: card titles, notes and links
// are typed by users and must never execute on an official's computer. Numbers we computed stay
// numbers, in Arabic digits, so the sheet can sum them; dates are Buddhist Era text.
import { CATEGORY_TH, REPORT_TITLE_TH, fiscalYearTh, periodTh, thaiDate, thaiMoment, type Style } from './report-format';
import type { ColumnRef, Progress, ReportContent } from './report-types';
import { UTF8_BOM, quotedCsvCell, type CsvValue } from './csv';

type Cell = CsvValue;

/** Report attachments quote every cell; neutralising formulas is csv.ts's one rule. */
export function csvLines(rows: readonly (readonly Cell[])[]): string {
  return rows.map((r) => r.map(quotedCsvCell).join(',')).join('\r\n') + '\r\n';
}

const arabic: Style = { thaiDigits: false };
const status = (c: ColumnRef | null) => (c ? c.labelTh || CATEGORY_TH[c.category] : '');
const progressCells = (p: Progress): Cell[] => [p.total, p.done, p.inProgress, p.notStarted, p.percent];
const progressHeader = ['ขั้นตอนทั้งหมด', 'เสร็จสิ้น', 'กำลังดำเนินการ/รอรายงานผล', 'ยังไม่เริ่ม', 'ร้อยละความสำเร็จ'];

/** The whole report as one CSV document, sections separated by a blank line. */
export function reportCsv(r: ReportContent): string {
  const rows: Cell[][] = [
    [REPORT_TITLE_TH[r.kind]],
    ['หน่วยงาน', r.org.nameTh],
    ['ปีงบประมาณ', fiscalYearTh(r.fiscalYear.beYear, arabic)],
    ['ช่วงเวลาที่รายงาน', periodTh(r.period, arabic), r.period.firstDay, r.period.lastDay],
    ['จัดทำเมื่อ', thaiMoment(r.compiledAt, arabic)],
    ['บันทึกเหตุการณ์ถึงลำดับที่', r.chain.periodEndSeq, 'หัวของห่วงโซ่เมื่อจัดทำ', r.chain.seq, r.chain.hash],
    [],
    ['สรุปภาพรวม'],
    [...progressHeader, 'งานที่เลยกำหนด', 'เปลี่ยนแปลงร้อยละ (จุด)', 'เสร็จสิ้นเพิ่มขึ้น', 'เทียบกับรายงาน'],
    [...progressCells(r.totals), r.overdueCount, r.change?.percentPoints, r.change?.done, r.change?.previousPeriodKey],
    [],
    ['ความก้าวหน้ารายมาตรการ'],
    ['มาตรการที่', 'มาตรการ', 'ผู้รับผิดชอบ', ...progressHeader, 'เปลี่ยนแปลงร้อยละ (จุด)'],
    ...r.measures.map((m) => [m.number, m.title, m.responsibleText, ...progressCells(m.progress), m.percentChange]),
    [],
    ['ความก้าวหน้ารายกลุ่มงาน'],
    ['กลุ่มงาน', ...progressHeader],
    ...r.groups.map((g) => [g.nameTh, ...progressCells(g.progress)]),
    [],
    ['การเปลี่ยนสถานะในช่วงที่รายงาน'],
    ['วันเวลา', 'มาตรการที่', 'ขั้นตอนที่', 'ขั้นตอน', 'จาก', 'ไปที่', 'ผู้ดำเนินการ'],
    ...r.moves.map((m) => [thaiMoment(m.at, arabic), m.measureNumber, m.stepNumber, m.title, status(m.from), status(m.to), m.actor]),
    ...omittedRow(r.omitted.moves),
    [],
    ['งานที่เลยกำหนด ณ สิ้นช่วงที่รายงาน'],
    ['มาตรการที่', 'ขั้นตอนที่', 'ขั้นตอน', 'กำหนดเสร็จ', 'เลยกำหนด (วัน)', 'สถานะ', 'กลุ่มงานผู้รับผิดชอบ'],
    ...r.overdue.map((o) => [o.measureNumber, o.stepNumber, o.title, thaiDate(o.dueOn, arabic, 'short'), o.daysOverdue, status(o.column), o.groupNameTh]),
    ...omittedRow(r.omitted.overdue),
    [],
    ['หลักฐานที่เพิ่มในช่วงที่รายงาน'],
    ['วันเวลา', 'มาตรการที่', 'ขั้นตอนที่', 'ขั้นตอน', 'ลิงก์', 'หมายเหตุ', 'ข้อ OIT', 'ผู้เพิ่ม', 'หมายเหตุสถานะ'],
    ...r.evidence.map((e) => [thaiMoment(e.at, arabic), e.measureNumber, e.stepNumber, e.title, e.url, e.note, e.oitCode, e.actor, e.removed ? 'ถูกนำออกแล้ว' : '']),
    ...omittedRow(r.omitted.evidence),
  ];
  return UTF8_BOM + csvLines(rows);
}

function omittedRow(n: number): Cell[][] {
  return n > 0 ? [[`และอีก ${n} รายการ (ดูในระบบ)`]] : [];
}

/** An ASCII file name for the attachment and the download. */
export function reportFileName(kind: string, periodKey: string): string {
  return `ita-report-${kind}-${periodKey}.csv`.replace(/[^A-Za-z0-9._-]/g, '_');
}
