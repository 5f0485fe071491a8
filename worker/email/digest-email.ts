// The directors' daily digest as an email: one message listing every overdue and soon-due step.
import { CATEGORY_TH, REPORT_TITLE_TH, num, thaiDate, type Style } from '../domain/report-format';
import type { Digest, DigestItem } from '../domain/report-digest';
import { DUE_SOON_DAYS } from '../domain/report-digest';
import { esc, heading, page, paragraph, table } from './html';
import { composeMail, type ComposedMail, type Mailbox, type RenderedEmail } from './mime';

/** A digest's message to its one recipient. */
export function digestMail(d: Digest, from: Mailbox, to: Mailbox, now: number): ComposedMail {
  return composeMail(from, to, digestEmail(d), now);
}

const step = (i: DigestItem, s: Style) => (i.measureNumber === null ? num(i.stepNumber, s) : `${num(i.measureNumber, s)}.${num(i.stepNumber, s)}`);
const status = (i: DigestItem) => (i.column ? i.column.labelTh || CATEGORY_TH[i.column.category] : '-');

export function digestEmail(d: Digest): RenderedEmail {
  const s: Style = d;
  const date = thaiDate(d.date, s);
  const who = d.groupNameTh ?? 'ทุกกลุ่มงาน';
  const subject = `${REPORT_TITLE_TH.digest} ${who} ประจำวันที่ ${date} (เลยกำหนด ${num(d.overdue.length, s)}, ใกล้ครบกำหนด ${num(d.dueSoon.length, s)})`;
  const rows = (items: DigestItem[], daysLabel: (i: DigestItem) => string) =>
    items.map((i) => [`${esc(step(i, s))} ${esc(i.title)}`, esc(thaiDate(i.dueOn, s, 'short')), esc(daysLabel(i)), esc(status(i)), esc(i.groupNameTh ?? '-')]);
  const cols = (days: string) => [{ label: 'ขั้นตอน' }, { label: 'กำหนดเสร็จ' }, { label: days, align: 'right' as const }, { label: 'สถานะ' }, { label: 'กลุ่มงาน' }];
  const overdueDays = (i: DigestItem) => num(i.days, s);
  const leftDays = (i: DigestItem) => (i.days === 0 ? 'วันนี้' : num(i.days, s));
  const html = page(
    subject,
    [
      `<p style="margin:0;font-size:16px;font-weight:bold">${esc(d.orgNameTh)}</p>`,
      `<p style="margin:4px 0 12px;font-size:15px">${esc(`${REPORT_TITLE_TH.digest} — ${who} — ${date}`)}</p>`,
      heading(`เลยกำหนด (${num(d.overdue.length, s)})`),
      table(cols('เลยมา (วัน)'), rows(d.overdue, overdueDays), 'ไม่มีงานที่เลยกำหนด'),
      heading(`ครบกำหนดภายใน ${num(DUE_SOON_DAYS, s)} วัน (${num(d.dueSoon.length, s)})`),
      table(cols('เหลือ (วัน)'), rows(d.dueSoon, leftDays), 'ไม่มีงานที่ใกล้ครบกำหนด'),
      paragraph(esc('อีเมลฉบับนี้ส่งโดยระบบ ITA Board วันละหนึ่งฉบับ เฉพาะวันที่มีงานเลยกำหนดหรือใกล้ครบกำหนด'), true),
    ].join(''),
  );
  const line = (i: DigestItem, days: string) => `- ขั้นตอน ${step(i, s)} ${i.title}: กำหนด ${thaiDate(i.dueOn, s, 'short')} (${days}) ${status(i)}`;
  const text = [
    d.orgNameTh,
    `${REPORT_TITLE_TH.digest} — ${who} — ${date}`,
    '',
    `เลยกำหนด (${num(d.overdue.length, s)})`,
    ...(d.overdue.length ? d.overdue.map((i) => line(i, `เลยมา ${num(i.days, s)} วัน`)) : ['- ไม่มี']),
    '',
    `ครบกำหนดภายใน ${num(DUE_SOON_DAYS, s)} วัน (${num(d.dueSoon.length, s)})`,
    ...(d.dueSoon.length ? d.dueSoon.map((i) => line(i, i.days === 0 ? 'วันนี้' : `เหลือ ${num(i.days, s)} วัน`)) : ['- ไม่มี']),
  ].join('\n');
  return { subject, html, text };
}
