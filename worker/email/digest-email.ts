// The directors' daily digest as an email: one message listing every overdue and soon-due step.
import { CATEGORY_TH, REPORT_TITLE_TH, num, thaiDate, type Style } from '../domain/report-format';
import type { Digest, DigestItem, DigestLink } from '../domain/report-digest';
import { flagsText, linkText } from '../domain/link-health';
import { DUE_SOON_DAYS } from '../domain/report-digest';
import { button, esc, heading, page, paragraph, table } from './html';
import { composeMail, type ComposedMail, type Mailbox, type RenderedEmail } from './mime';
import { translator } from '../domain/i18n';
import { th } from '../domain/messages/report.th';
import en from '../domain/messages/report.en';

/** The digest's strings (domain/messages/report.*): emails go out in Thai. */
const say = translator({ th, en }, 'th');

/** A digest's message to its one recipient. */
export function digestMail(d: Digest, from: Mailbox, to: Mailbox, now: number, link?: string): ComposedMail {
  return composeMail(from, to, digestEmail(d, link), now);
}

const sayLinks = linkText('th');
/** At most this many flagged links are listed (the rest are counted). */
const LINKS_MAX = 20;

const step = (i: DigestItem | DigestLink, s: Style) => (i.measureNumber === null ? num(i.stepNumber, s) : `${num(i.measureNumber, s)}.${num(i.stepNumber, s)}`);
const status = (i: DigestItem) => (i.column ? i.column.labelTh || CATEGORY_TH[i.column.category] : '-');

/** `link`: the board filtered to the digest's group (APP_URL), drawn as a button; none without it. */
export function digestEmail(d: Digest, link?: string): RenderedEmail {
  const s: Style = d;
  const date = thaiDate(d.date, s);
  const who = d.groupNameTh ?? say('digest.allGroups');
  const subject = say('digest.subject', { title: REPORT_TITLE_TH.digest, who, date, overdue: num(d.overdue.length, s), soon: num(d.dueSoon.length, s) });
  const title = say('digest.heading', { title: REPORT_TITLE_TH.digest, who, date });
  const overdueHeading = say('digest.overdue', { n: num(d.overdue.length, s) });
  const soonHeading = say('digest.dueSoon', { days: num(DUE_SOON_DAYS, s), n: num(d.dueSoon.length, s) });
  const rows = (items: DigestItem[], daysLabel: (i: DigestItem) => string) =>
    items.map((i) => [`${esc(step(i, s))} ${esc(i.title)}`, esc(thaiDate(i.dueOn, s, 'short')), esc(daysLabel(i)), esc(status(i)), esc(i.groupNameTh ?? '-')]);
  const cols = (days: string) => [{ label: say('step') }, { label: say('due') }, { label: days, align: 'right' as const }, { label: say('status') }, { label: say('group') }];
  const overdueDays = (i: DigestItem) => num(i.days, s);
  const leftDays = (i: DigestItem) => (i.days === 0 ? say('digest.today') : num(i.days, s));
  const html = page(
    subject,
    [
      `<p style="margin:0;font-size:16px;font-weight:bold">${esc(d.orgNameTh)}</p>`,
      `<p style="margin:4px 0 12px;font-size:15px">${esc(title)}</p>`,
      link ? button(link, say('email.openBoard')) : '',
      heading(overdueHeading),
      table(cols(say('digest.daysLate')), rows(d.overdue, overdueDays), say('email.noOverdue')),
      heading(soonHeading),
      table(cols(say('digest.daysLeft')), rows(d.dueSoon, leftDays), say('digest.noDueSoon')),
      ...linksHtml(d, s),
      paragraph(esc(say('digest.footer')), true),
    ].join(''),
  );
  const line = (i: DigestItem, days: string) => say('digest.line', { step: step(i, s), title: i.title, due: thaiDate(i.dueOn, s, 'short'), days, status: status(i) });
  const none = [say('email.text.none')];
  const text = [
    d.orgNameTh,
    title,
    '',
    overdueHeading,
    ...(d.overdue.length ? d.overdue.map((i) => line(i, say('digest.lateDays', { n: num(i.days, s) }))) : none),
    '',
    soonHeading,
    ...(d.dueSoon.length ? d.dueSoon.map((i) => line(i, i.days === 0 ? say('digest.today') : say('digest.leftDays', { n: num(i.days, s) }))) : none),
    ...linksText(d, s),
    ...(link ? ['', `${say('email.openBoard')}: ${link}`] : []),
  ].join('\n');
  return { subject, html, text };
}

/** The flagged evidence links of the group's steps (dead first), when there are any. */
function linksHtml(d: Digest, s: Style): string[] {
  return flaggedLinksHtml(d.flaggedLinks, sayLinks('digest.heading', { n: num(d.flaggedLinks.length, s) }), s);
}

function linksText(d: Digest, s: Style): string[] {
  return flaggedLinksText(d.flaggedLinks, sayLinks('digest.heading', { n: num(d.flaggedLinks.length, s) }), s);
}

/** Flagged evidence links under a heading (the digest; the executives' report before the OIT deadline). */
export function flaggedLinksHtml(links: readonly DigestLink[], title: string, s: Style): string[] {
  if (links.length === 0) return [];
  const shown = links.slice(0, LINKS_MAX);
  const rows = shown.map((l) => [`${esc(step(l, s))} ${esc(l.title)}`, esc(l.url), esc(flagsText(l.flags))]);
  const rest = links.length - shown.length;
  return [
    heading(title),
    table([{ label: say('step') }, { label: sayLinks('digest.linkColumn') }, { label: sayLinks('digest.flagsColumn') }], rows, ''),
    ...(rest > 0 ? [paragraph(esc(sayLinks('digest.more', { n: num(rest, s) })), true)] : []),
  ];
}

/** The same, as lines of the plain-text part. */
export function flaggedLinksText(links: readonly DigestLink[], title: string, s: Style): string[] {
  if (links.length === 0) return [];
  const shown = links.slice(0, LINKS_MAX);
  const rest = links.length - shown.length;
  return [
    '',
    title,
    ...shown.map((l) => sayLinks('digest.line', { step: step(l, s), title: l.title, url: l.url, flags: flagsText(l.flags) })),
    ...(rest > 0 ? [sayLinks('digest.more', { n: num(rest, s) })] : []),
  ];
}
