// What ITA Board pushes to LINE groups (issue 17), composed only (no D1, no network), like email/:
// after each executives' report a Flex Message (period, % done, what changed, overdue steps, a
// button to the report); after each staff report its summary as text; the daily digest of an
// office group (overdue and soon-due steps, a button to the board filtered to the group). Each
// answer is a push's request body, kept as the outbox row's raw text. LINE's maxima are kept:
// one message per push here (at most 5 allowed), text and altText clipped to their limits.
import { clip, LINE_MAX_ALT_TEXT, LINE_MAX_TEXT } from '../domain/line';
import type { Digest, DigestItem } from '../domain/report-digest';
import type { ReportContent } from '../domain/report-types';
import { formatDate, toThaiDigits } from '../domain/thai-date';

export interface PushBody {
  to: string;
  messages: unknown[];
}

/** At most this many steps are listed in a message (the rest are counted). */
const LIST_MAX = 10;

const digits = (text: string, thai: boolean) => (thai ? toThaiDigits(text) : text);
const period = (c: ReportContent) => `${formatDate(c.period.firstDay, 'th', { thaiDigits: c.thaiDigits })} – ${formatDate(c.period.lastDay, 'th', { thaiDigits: c.thaiDigits })}`;
const stepLabel = (s: { measureNumber: number | null; stepNumber: number; title: string }) => `${s.measureNumber === null ? '' : `มาตรการ ${s.measureNumber} `}ขั้นที่ ${s.stepNumber} ${s.title}`;

function changeLine(c: ReportContent): string {
  if (!c.change) return 'รายงานฉบับแรกของปีงบประมาณ';
  const pp = c.change.percentPoints;
  return `เทียบกับรายงานก่อน: ${pp >= 0 ? '+' : ''}${pp} จุด, เสร็จเพิ่ม ${c.change.done} ขั้น, ค้างเกินกำหนด ${c.change.overdue >= 0 ? '+' : ''}${c.change.overdue}`;
}

const text = (t: string, extra: Record<string, unknown> = {}) => ({ type: 'text', text: clip(t, 2000), wrap: true, ...extra });

/** The executives' report as a Flex Message bubble. */
export function executiveReportPush(c: ReportContent, to: string, reportUrl: string): PushBody {
  const d = (t: string) => digits(t, c.thaiDigits);
  const overdue = c.overdue.slice(0, LIST_MAX);
  const more = c.overdueCount - overdue.length;
  const altText = clip(d(`รายงานความก้าวหน้า ITA ${c.org.nameTh} ${period(c)}: เสร็จ ${c.totals.percent}% (${c.totals.done}/${c.totals.total} ขั้น) ค้างเกินกำหนด ${c.overdueCount} ขั้น`), LINE_MAX_ALT_TEXT);
  const bubble = {
    type: 'bubble',
    header: { type: 'box', layout: 'vertical', contents: [text(d(`รายงานผู้บริหาร ${c.fiscalYear.titleTh}`), { weight: 'bold', size: 'md' }), text(d(period(c)), { size: 'sm', color: '#555555' })] },
    body: {
      type: 'box',
      layout: 'vertical',
      spacing: 'sm',
      contents: [
        text(d(`ดำเนินการแล้ว ${c.totals.percent}% (${c.totals.done}/${c.totals.total} ขั้น)`), { weight: 'bold', size: 'xl' }),
        text(d(changeLine(c)), { size: 'sm' }),
        text(d(`ค้างเกินกำหนด ${c.overdueCount} ขั้น`), { weight: 'bold', size: 'sm', color: c.overdueCount > 0 ? '#B00020' : '#1B5E20' }),
        ...overdue.map((o) => text(d(`• ${stepLabel(o)} (เกิน ${o.daysOverdue} วัน)`), { size: 'xs' })),
        ...(more > 0 ? [text(d(`และอีก ${more} ขั้น`), { size: 'xs' })] : []),
      ],
    },
    footer: { type: 'box', layout: 'vertical', contents: [{ type: 'button', style: 'primary', action: { type: 'uri', label: 'เปิดรายงาน', uri: reportUrl } }] },
  };
  return { to, messages: [{ type: 'flex', altText, contents: bubble }] };
}

/** The staff report's summary as text, with its link. */
export function staffReportPush(c: ReportContent, to: string, reportUrl: string): PushBody {
  const lines = [
    `รายงานความก้าวหน้า ITA สำหรับบุคลากร ${c.org.nameTh}`,
    period(c),
    `ดำเนินการแล้ว ${c.totals.percent}% (${c.totals.done}/${c.totals.total} ขั้น) กำลังดำเนินการ ${c.totals.inProgress} ขั้น ค้างเกินกำหนด ${c.overdueCount} ขั้น`,
    changeLine(c),
    `ดูรายงาน: ${reportUrl}`,
  ];
  return { to, messages: [{ type: 'text', text: clip(digits(lines.join('\n'), c.thaiDigits), LINE_MAX_TEXT) }] };
}

/** The digest of one office group; null when it has nothing overdue or due soon (nothing is sent). */
export function digestPush(g: Digest, to: string, boardUrl: string): PushBody | null {
  if (g.overdue.length === 0 && g.dueSoon.length === 0) return null;
  const d = (t: string) => digits(t, g.thaiDigits);
  const list = (items: DigestItem[], what: (i: DigestItem) => string) => [
    ...items.slice(0, LIST_MAX).map((i) => text(d(`• ${stepLabel(i)} (${what(i)})`), { size: 'xs' })),
    ...(items.length > LIST_MAX ? [text(d(`และอีก ${items.length - LIST_MAX} ขั้น`), { size: 'xs' })] : []),
  ];
  const who = g.groupNameTh ?? g.orgNameTh;
  const altText = clip(d(`${who}: ค้างเกินกำหนด ${g.overdue.length} ขั้น ใกล้ครบกำหนด ${g.dueSoon.length} ขั้น`), LINE_MAX_ALT_TEXT);
  const bubble = {
    type: 'bubble',
    header: { type: 'box', layout: 'vertical', contents: [text(d(`งานของ${who}`), { weight: 'bold' }), text(d(formatDate(g.date, 'th', { thaiDigits: g.thaiDigits })), { size: 'sm', color: '#555555' })] },
    body: {
      type: 'box',
      layout: 'vertical',
      spacing: 'sm',
      contents: [
        ...(g.overdue.length ? [text(d(`ค้างเกินกำหนด ${g.overdue.length} ขั้น`), { weight: 'bold', size: 'sm', color: '#B00020' }), ...list(g.overdue, (i) => `เกิน ${i.days} วัน`)] : []),
        ...(g.dueSoon.length ? [text(d(`ใกล้ครบกำหนด ${g.dueSoon.length} ขั้น`), { weight: 'bold', size: 'sm' }), ...list(g.dueSoon, (i) => (i.days === 0 ? 'ครบกำหนดวันนี้' : `อีก ${i.days} วัน`))] : []),
      ],
    },
    footer: { type: 'box', layout: 'vertical', contents: [{ type: 'button', style: 'primary', action: { type: 'uri', label: 'เปิดกระดานของกลุ่ม', uri: boardUrl } }] },
  };
  return { to, messages: [{ type: 'flex', altText, contents: bubble }] };
}

/** What administrators see of a push in the outbox list: its altText, or its text's beginning. */
export function pushSummary(body: PushBody): string {
  const first = body.messages[0] as { altText?: string; text?: string } | undefined;
  return clip(first?.altText ?? first?.text ?? '', 200);
}

/** A link under the app's absolute base (APP_URL, with or without a trailing slash). */
export const appLink = (appUrl: string, path: string) => `${appUrl.replace(/\/+$/, '')}${path}`;
