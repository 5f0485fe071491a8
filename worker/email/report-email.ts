// The monitoring report as an email: a pure function from the kept snapshot to subject, HTML
// and plain text. Thai, Buddhist Era, Thai digits when the office uses them.
import { CATEGORY_TH, REPORT_TITLE_TH, fiscalYearTh, num, percent, periodTh, signed, thaiDate, thaiMoment, type Style } from '../domain/report-format';
import type { ColumnRef, Progress, ReportContent } from '../domain/report-types';
import { reportCsv, reportFileName } from '../domain/report-csv';
import type { Recipient } from '../domain/report-delivery';
import { esc, heading, page, paragraph, safeLink, table, type Column } from './html';
import { composeMail, type ComposedMail, type Mailbox, type RenderedEmail } from './mime';
import { linkHost } from '../domain/user-text';

/** The report's message to each recipient: the email rendered once, the full data as a CSV attachment. */
export function reportMails(content: ReportContent, recipients: readonly Recipient[], from: Mailbox, now: number): ComposedMail[] {
  const email = reportEmail(content);
  const csv = { filename: reportFileName(content.kind, content.period.key), contentType: 'text/csv; charset=utf-8', text: reportCsv(content) };
  return recipients.map((to) => composeMail(from, { addr: to.email, name: to.name }, email, now, [csv]));
}

const GREETING = { executive: 'เรียน ผู้บริหารและผู้อำนวยการกลุ่ม', staff: 'เรียน บุคลากรทุกท่าน' } as const;
const status = (c: ColumnRef | null) => (c ? c.labelTh || CATEGORY_TH[c.category] : '-');
const step = (measure: number | null, stepNo: number, s: Style) => (measure === null ? num(stepNo, s) : `${num(measure, s)}.${num(stepNo, s)}`);

export function reportSubject(r: ReportContent): string {
  const what = r.kind === 'executive' ? 'รายงานความก้าวหน้ามาตรการ ITA เสนอผู้บริหาร' : 'รายงานความก้าวหน้ามาตรการ ITA แจ้งบุคลากร';
  return `${what} ${periodTh(r.period, r)} (${r.org.nameTh})`;
}

function summaryLine(r: ReportContent, s: Style): string {
  const t = r.totals;
  let line = `ดำเนินการเสร็จสิ้น ${num(t.done, s)} จาก ${num(t.total, s)} ขั้นตอน (ร้อยละ ${percent(t.percent, s).replace('%', '')}) กำลังดำเนินการ ${num(t.inProgress, s)} ขั้นตอน ยังไม่เริ่ม ${num(t.notStarted, s)} ขั้นตอน เลยกำหนด ${num(r.overdueCount, s)} ขั้นตอน`;
  if (r.change) {
    line += ` — เทียบกับรายงานครั้งก่อน (${r.change.previousPeriodKey}) ร้อยละความสำเร็จ ${signed(r.change.percentPoints, s)} จุด เสร็จสิ้นเพิ่มขึ้น ${signed(r.change.done, s)} ขั้นตอน งานเลยกำหนด ${signed(r.change.overdue, s)}`;
  } else {
    line += ' — ยังไม่มีรายงานครั้งก่อนให้เปรียบเทียบ';
  }
  return line;
}

const progressCells = (p: Progress, s: Style) => [num(p.total, s), num(p.done, s), num(p.inProgress, s), num(p.notStarted, s), percent(p.percent, s)];
const PROGRESS_COLUMNS: Column[] = [
  { label: 'ทั้งหมด', align: 'right' },
  { label: 'เสร็จสิ้น', align: 'right' },
  { label: 'กำลังดำเนินการ', align: 'right' },
  { label: 'ยังไม่เริ่ม', align: 'right' },
  { label: 'ร้อยละ', align: 'right' },
];

const more = (n: number, s: Style) => (n > 0 ? paragraph(esc(`และอีก ${num(n, s)} รายการ (ดูฉบับเต็มในระบบหรือไฟล์ที่แนบ)`), true) : '');

/**
 * Rows per list in the message body. A big board's lists belong in the attachment: the whole
 * message is one outbox row, and D1 keeps rows under 2 MB.
 */
export const EMAIL_LIST_LIMIT = 100;

function clip(r: ReportContent): ReportContent {
  const omitted = {
    moves: Math.max(0, r.moves.length - EMAIL_LIST_LIMIT) + r.omitted.moves,
    overdue: Math.max(0, r.overdue.length - EMAIL_LIST_LIMIT) + r.omitted.overdue,
    evidence: Math.max(0, r.evidence.length - EMAIL_LIST_LIMIT) + r.omitted.evidence,
  };
  return { ...r, moves: r.moves.slice(0, EMAIL_LIST_LIMIT), overdue: r.overdue.slice(0, EMAIL_LIST_LIMIT), evidence: r.evidence.slice(0, EMAIL_LIST_LIMIT), omitted };
}

export function reportEmail(full: ReportContent): RenderedEmail {
  const r = clip(full);
  const s: Style = r;
  const subject = reportSubject(r);
  const period = periodTh(r.period, s);
  const html = page(
    subject,
    [
      `<p style="margin:0;text-align:center;font-size:18px;font-weight:bold">${esc(r.org.nameTh)}</p>`,
      `<p style="margin:4px 0;text-align:center;font-size:16px">${esc(REPORT_TITLE_TH[r.kind])}</p>`,
      `<p style="margin:0 0 16px;text-align:center;font-size:15px">${esc(`${period} ${fiscalYearTh(r.fiscalYear.beYear, s)}`)}</p>`,
      paragraph(esc(GREETING[r.kind])),
      paragraph(esc(summaryLine(r, s))),
      heading('ความก้าวหน้ารายมาตรการ'),
      table(
        [{ label: 'มาตรการ' }, ...PROGRESS_COLUMNS, { label: 'เปลี่ยนแปลง (จุด)', align: 'right' }],
        r.measures.map((m) => [
          `${esc(num(m.number, s))}. ${esc(m.title)}`,
          ...progressCells(m.progress, s).map(esc),
          esc(m.percentChange === null ? '-' : signed(m.percentChange, s)),
        ]),
        'ไม่มีมาตรการในปีงบประมาณนี้',
      ),
      heading('ความก้าวหน้ารายกลุ่มงาน'),
      table([{ label: 'กลุ่มงาน' }, ...PROGRESS_COLUMNS], r.groups.map((g) => [esc(g.nameTh), ...progressCells(g.progress, s).map(esc)]), 'ไม่มีข้อมูล'),
      heading('การเปลี่ยนสถานะในช่วงที่รายงาน'),
      table(
        [{ label: 'วันเวลา' }, { label: 'ขั้นตอน' }, { label: 'จาก' }, { label: 'ไปที่' }, { label: 'ผู้ดำเนินการ' }],
        r.moves.map((m) => [esc(thaiMoment(m.at, s)), `${esc(step(m.measureNumber, m.stepNumber, s))} ${esc(m.title)}`, esc(status(m.from)), esc(status(m.to)), esc(m.actor ?? '-')]),
        'ไม่มีการเปลี่ยนสถานะในช่วงนี้',
      ),
      more(r.omitted.moves, s),
      heading('งานที่เลยกำหนด ณ สิ้นช่วงที่รายงาน'),
      table(
        [{ label: 'ขั้นตอน' }, { label: 'กำหนดเสร็จ' }, { label: 'เลยกำหนด (วัน)', align: 'right' }, { label: 'สถานะ' }, { label: 'กลุ่มงาน' }],
        r.overdue.map((o) => [
          `${esc(step(o.measureNumber, o.stepNumber, s))} ${esc(o.title)}`,
          esc(thaiDate(o.dueOn, s, 'short')),
          esc(num(o.daysOverdue, s)),
          esc(status(o.column)),
          esc(o.groupNameTh ?? '-'),
        ]),
        'ไม่มีงานที่เลยกำหนด',
      ),
      more(r.omitted.overdue, s),
      heading('หลักฐานที่เพิ่มในช่วงที่รายงาน'),
      table(
        [{ label: 'วันเวลา' }, { label: 'ขั้นตอน' }, { label: 'ลิงก์' }, { label: 'หมายเหตุ' }, { label: 'ผู้เพิ่ม' }],
        r.evidence.map((e) => [
          esc(thaiMoment(e.at, s)),
          `${esc(step(e.measureNumber, e.stepNumber, s))} ${esc(e.title)}`,
          safeLink(e.url) + (e.removed ? ' <em>(ถูกนำออกแล้ว)</em>' : ''),
          esc([e.oitCode, e.note].filter(Boolean).join(' · ') || '-'),
          esc(e.actor ?? '-'),
        ]),
        'ไม่มีหลักฐานที่เพิ่มในช่วงนี้',
      ),
      more(r.omitted.evidence, s),
      paragraph(
        esc(
          `จัดทำโดยระบบ ITA Board เมื่อ ${thaiMoment(r.compiledAt, s)} จากบันทึกเหตุการณ์ถึงลำดับที่ ${num(r.chain.periodEndSeq, s)} (หัวของห่วงโซ่ลำดับที่ ${num(r.chain.seq, s)} ${r.chain.hash.slice(0, 16)}…) ข้อมูลฉบับเต็มอยู่ในไฟล์ CSV ที่แนบมา`,
        ),
        true,
      ),
    ].join(''),
  );
  return { subject, html, text: reportText(r) };
}

function reportText(r: ReportContent): string {
  const s: Style = r;
  const rest = (n: number) => (n > 0 ? [`- และอีก ${num(n, s)} รายการ (ดูในไฟล์ที่แนบ)`] : []);
  const lines: string[] = [
    r.org.nameTh,
    REPORT_TITLE_TH[r.kind],
    `${periodTh(r.period, s)} ${fiscalYearTh(r.fiscalYear.beYear, s)}`,
    '',
    GREETING[r.kind],
    summaryLine(r, s),
    '',
    'ความก้าวหน้ารายมาตรการ',
    ...r.measures.map((m) => `- มาตรการที่ ${num(m.number, s)} ${m.title}: เสร็จสิ้น ${num(m.progress.done, s)}/${num(m.progress.total, s)} (${percent(m.progress.percent, s)})${m.percentChange === null ? '' : ` ${signed(m.percentChange, s)} จุด`}`),
    '',
    'ความก้าวหน้ารายกลุ่มงาน',
    ...r.groups.map((g) => `- ${g.nameTh}: เสร็จสิ้น ${num(g.progress.done, s)}/${num(g.progress.total, s)} (${percent(g.progress.percent, s)})`),
    '',
    'การเปลี่ยนสถานะในช่วงที่รายงาน',
    ...(r.moves.length ? r.moves.map((m) => `- ${thaiMoment(m.at, s)} ขั้นตอน ${step(m.measureNumber, m.stepNumber, s)} ${m.title}: ${status(m.from)} → ${status(m.to)} (${m.actor ?? '-'})`) : ['- ไม่มี']),
    ...rest(r.omitted.moves),
    '',
    'งานที่เลยกำหนด ณ สิ้นช่วงที่รายงาน',
    ...(r.overdue.length ? r.overdue.map((o) => `- ขั้นตอน ${step(o.measureNumber, o.stepNumber, s)} ${o.title}: กำหนด ${thaiDate(o.dueOn, s, 'short')} เลยมา ${num(o.daysOverdue, s)} วัน (${status(o.column)})`) : ['- ไม่มี']),
    ...rest(r.omitted.overdue),
    '',
    'หลักฐานที่เพิ่มในช่วงที่รายงาน',
    ...(r.evidence.length ? r.evidence.map((e) => `- ${thaiMoment(e.at, s)} ขั้นตอน ${step(e.measureNumber, e.stepNumber, s)} ${e.title}: ${e.url}${linkHost(e.url) ? ` (${linkHost(e.url)})` : ''}${e.removed ? ' (ถูกนำออกแล้ว)' : ''}`) : ['- ไม่มี']),
    ...rest(r.omitted.evidence),
    '',
    `จัดทำโดยระบบ ITA Board เมื่อ ${thaiMoment(r.compiledAt, s)} — บันทึกเหตุการณ์ถึงลำดับที่ ${num(r.chain.periodEndSeq, s)}; หัวของห่วงโซ่ ${num(r.chain.seq, s)} ${r.chain.hash}`,
  ];
  return lines.join('\n');
}
