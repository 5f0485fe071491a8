// A report as CSV for a spreadsheet: a UTF-8 byte-order mark (without it Excel reads Thai as
// mojibake), CRLF records, every cell quoted. Text that a spreadsheet would run as a formula
// (starting with =, +, -, @, tab or CR) gets a leading apostrophe: card titles, notes and links
// are typed by users and must never execute on an official's computer. Numbers we computed stay
// numbers, in Arabic digits, so the sheet can sum them; dates are Buddhist Era text.
import { CATEGORY_TH, REPORT_TITLE_TH, fiscalYearTh, periodTh, thaiDate, thaiMoment, type Style } from './report-format';
import type { ColumnRef, Progress, ReportContent } from './report-types';
import { UTF8_BOM, quotedCsvCell, type CsvValue } from './csv';
import { translator, type PlainKey } from './i18n';
import { th } from './messages/report.th';
import en from './messages/report.en';

/** The report's strings (messages/report.*): the CSV is written in Thai. */
const say = translator({ th, en }, 'th');
const labels = (...keys: PlainKey<typeof th>[]): Cell[] => keys.map((key) => say(key));

type Cell = CsvValue;

/** Report attachments quote every cell; neutralising formulas is csv.ts's one rule. */
export function csvLines(rows: readonly (readonly Cell[])[]): string {
  return rows.map((r) => r.map(quotedCsvCell).join(',')).join('\r\n') + '\r\n';
}

const arabic: Style = { thaiDigits: false };
const status = (c: ColumnRef | null) => (c ? c.labelTh || CATEGORY_TH[c.category] : '');
const progressCells = (p: Progress): Cell[] => [p.total, p.done, p.inProgress, p.notStarted, p.percent];
const progressHeader = labels('csv.stepsTotal', 'colDone', 'csv.inProgress', 'colTodo', 'csv.percentDone');

/** The whole report as one CSV document, sections separated by a blank line. */
export function reportCsv(r: ReportContent): string {
  const rows: Cell[][] = [
    [REPORT_TITLE_TH[r.kind]],
    [say('csv.office'), r.org.nameTh],
    [say('csv.fiscalYear'), fiscalYearTh(r.fiscalYear.beYear, arabic)],
    [say('csv.period'), periodTh(r.period, arabic), r.period.firstDay, r.period.lastDay],
    [say('csv.compiledAt'), thaiMoment(r.compiledAt, arabic)],
    [say('csv.logUpTo'), r.chain.periodEndSeq, say('csv.chainHead'), r.chain.seq, r.chain.hash],
    [],
    labels('summary'),
    [...progressHeader, ...labels('csv.overdue', 'csv.percentChange', 'csv.moreDone', 'csv.comparedWith')],
    [...progressCells(r.totals), r.overdueCount, r.change?.percentPoints, r.change?.done, r.change?.previousPeriodKey],
    [],
    labels('measures'),
    [...labels('csv.measureNo', 'measure', 'csv.responsible'), ...progressHeader, say('csv.percentChange')],
    ...r.measures.map((m) => [m.number, m.title, m.responsibleText, ...progressCells(m.progress), m.percentChange]),
    [],
    labels('groups'),
    [say('group'), ...progressHeader],
    ...r.groups.map((g) => [g.nameTh, ...progressCells(g.progress)]),
    [],
    labels('moves'),
    labels('when', 'csv.measureNo', 'csv.stepNo', 'step', 'from', 'to', 'who'),
    ...r.moves.map((m) => [thaiMoment(m.at, arabic), m.measureNumber, m.stepNumber, m.title, status(m.from), status(m.to), m.actor]),
    ...omittedRow(r.omitted.moves),
    [],
    labels('overdue'),
    labels('csv.measureNo', 'csv.stepNo', 'step', 'due', 'daysLate', 'status', 'csv.leadGroup'),
    ...r.overdue.map((o) => [o.measureNumber, o.stepNumber, o.title, thaiDate(o.dueOn, arabic, 'short'), o.daysOverdue, status(o.column), o.groupNameTh]),
    ...omittedRow(r.omitted.overdue),
    [],
    labels('evidence'),
    labels('when', 'csv.measureNo', 'csv.stepNo', 'step', 'link', 'note', 'csv.oitItem', 'addedBy', 'csv.stateNote'),
    ...r.evidence.map((e) => [thaiMoment(e.at, arabic), e.measureNumber, e.stepNumber, e.title, e.url, e.note, e.oitCode, e.actor, e.removed ? say('removed') : '']),
    ...omittedRow(r.omitted.evidence),
  ];
  return UTF8_BOM + csvLines(rows);
}

function omittedRow(n: number): Cell[][] {
  return n > 0 ? [[say('csv.more', { n })]] : [];
}

/** An ASCII file name for the attachment and the download. */
export function reportFileName(kind: string, periodKey: string): string {
  return `ita-report-${kind}-${periodKey}.csv`.replace(/[^A-Za-z0-9._-]/g, '_');
}
