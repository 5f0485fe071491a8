// What ITA Board pushes to LINE groups (issue 17), composed only (no D1, no network), like email/:
// after each executives' report a Flex Message (period, % done, what changed, overdue steps, a
// button to the report); after each staff report its summary as text; the daily digest of an
// office group (overdue and soon-due steps, a button to the board filtered to the group). Each
// answer is a push's request body, kept as the outbox row's raw text. LINE's maxima are kept:
// one message per push here (at most 5 allowed), text and altText clipped to their limits.
import { clip, LINE_MAX_ALT_TEXT, LINE_MAX_TEXT } from '../domain/line';
import { digestIsEmpty, type Digest, type DigestItem, type DigestLink } from '../domain/report-digest';
import { flagsText, linkText } from '../domain/link-health';
import type { ReportContent } from '../domain/report-types';
import { formatDate, toThaiDigits } from '../domain/thai-date';
import { translator, type ArgsFor, type KeyParams } from '../domain/i18n';
import en from '../domain/messages/line.en';
import { th } from '../domain/messages/line.th';

/** The pushes' texts: in Thai, from the LINE dictionary (domain/messages/line.{th,en}.ts). */
const say = translator({ th, en }, 'th');
const sayEn = translator({ th, en }, 'en');

type LineKey = keyof typeof th & string;

/** Why a push was not delivered, as stored and shown: "Thai / English". */
export function lineFailure<K extends LineKey>(key: K, ...args: ArgsFor<KeyParams<typeof th, typeof en, K>>): string {
  return `${say(key, ...args)} / ${sayEn(key, ...args)}`;
}

export interface PushBody {
  to: string;
  messages: unknown[];
}

const sayLinks = linkText('th');

/** At most this many steps are listed in a message (the rest are counted). */
const LIST_MAX = 10;

const digits = (text: string, thai: boolean) => (thai ? toThaiDigits(text) : text);
const period = (c: ReportContent) => `${formatDate(c.period.firstDay, 'th', { thaiDigits: c.thaiDigits })} – ${formatDate(c.period.lastDay, 'th', { thaiDigits: c.thaiDigits })}`;
const stepLabel = (s: { measureNumber: number | null; stepNumber: number; title: string }) =>
  s.measureNumber === null ? say('step.label', { step: s.stepNumber, title: s.title }) : say('step.label-measure', { measure: s.measureNumber, step: s.stepNumber, title: s.title });
const signed = (n: number) => `${n >= 0 ? '+' : ''}${n}`;
const item = (step: string, when: string) => say('list.item', { step, when });
const more = (count: number) => say('list.more', { count });

function changeLine(c: ReportContent): string {
  if (!c.change) return say('change.first');
  return say('change.since', { points: signed(c.change.percentPoints), done: c.change.done, overdue: signed(c.change.overdue) });
}

const text = (t: string, extra: Record<string, unknown> = {}) => ({ type: 'text', text: clip(t, 2000), wrap: true, ...extra });

/** The executives' report as a Flex Message bubble. */
export function executiveReportPush(c: ReportContent, to: string, reportUrl: string): PushBody {
  const d = (t: string) => digits(t, c.thaiDigits);
  const overdue = c.overdue.slice(0, LIST_MAX);
  const rest = c.overdueCount - overdue.length;
  const altText = clip(d(say('executive.alt', { org: c.org.nameTh, period: period(c), percent: c.totals.percent, done: c.totals.done, total: c.totals.total, overdue: c.overdueCount })), LINE_MAX_ALT_TEXT);
  const bubble = {
    type: 'bubble',
    header: { type: 'box', layout: 'vertical', contents: [text(d(say('executive.title', { year: c.fiscalYear.titleTh })), { weight: 'bold', size: 'md' }), text(d(period(c)), { size: 'sm', color: '#555555' })] },
    body: {
      type: 'box',
      layout: 'vertical',
      spacing: 'sm',
      contents: [
        text(d(say('totals.done', { percent: c.totals.percent, done: c.totals.done, total: c.totals.total })), { weight: 'bold', size: 'xl' }),
        text(d(changeLine(c)), { size: 'sm' }),
        text(d(say('totals.overdue', { count: c.overdueCount })), { weight: 'bold', size: 'sm', color: c.overdueCount > 0 ? '#B00020' : '#1B5E20' }),
        ...overdue.map((o) => text(d(item(stepLabel(o), say('when.overdue', { days: o.daysOverdue }))), { size: 'xs' })),
        ...(rest > 0 ? [text(d(more(rest)), { size: 'xs' })] : []),
      ],
    },
    footer: { type: 'box', layout: 'vertical', contents: [{ type: 'button', style: 'primary', action: { type: 'uri', label: say('executive.open'), uri: reportUrl } }] },
  };
  return { to, messages: [{ type: 'flex', altText, contents: bubble }] };
}

/** The staff report's summary as text, with its link. */
export function staffReportPush(c: ReportContent, to: string, reportUrl: string): PushBody {
  const lines = [
    say('staff.title', { org: c.org.nameTh }),
    period(c),
    say('staff.totals', { percent: c.totals.percent, done: c.totals.done, total: c.totals.total, inProgress: c.totals.inProgress, overdue: c.overdueCount }),
    changeLine(c),
    say('staff.link', { url: reportUrl }),
  ];
  return { to, messages: [{ type: 'text', text: clip(digits(lines.join('\n'), c.thaiDigits), LINE_MAX_TEXT) }] };
}

/** The digest of one office group; null when it has nothing overdue or due soon (nothing is sent). */
export function digestPush(g: Digest, to: string, boardUrl: string): PushBody | null {
  if (digestIsEmpty(g)) return null;
  const d = (t: string) => digits(t, g.thaiDigits);
  const list = <I extends DigestItem | DigestLink>(items: I[], what: (i: I) => string) => [
    ...items.slice(0, LIST_MAX).map((i) => text(d(item(stepLabel(i), what(i))), { size: 'xs' })),
    ...(items.length > LIST_MAX ? [text(d(more(items.length - LIST_MAX)), { size: 'xs' })] : []),
  ];
  const who = g.groupNameTh ?? g.orgNameTh;
  const altText = clip(d(say('digest.alt', { who, overdue: g.overdue.length, soon: g.dueSoon.length })), LINE_MAX_ALT_TEXT);
  const bubble = {
    type: 'bubble',
    header: { type: 'box', layout: 'vertical', contents: [text(d(say('digest.title', { who })), { weight: 'bold' }), text(d(formatDate(g.date, 'th', { thaiDigits: g.thaiDigits })), { size: 'sm', color: '#555555' })] },
    body: {
      type: 'box',
      layout: 'vertical',
      spacing: 'sm',
      contents: [
        ...(g.overdue.length ? [text(d(say('totals.overdue', { count: g.overdue.length })), { weight: 'bold', size: 'sm', color: '#B00020' }), ...list(g.overdue, (i) => say('when.overdue', { days: i.days }))] : []),
        ...(g.dueSoon.length ? [text(d(say('digest.soon', { count: g.dueSoon.length })), { weight: 'bold', size: 'sm' }), ...list(g.dueSoon, (i) => (i.days === 0 ? say('when.today') : say('when.in', { days: i.days })))] : []),
        ...(g.flaggedLinks.length ? [text(d(sayLinks('digest.heading', { n: g.flaggedLinks.length })), { weight: 'bold', size: 'sm', color: '#B00020' }), ...list(g.flaggedLinks, (l) => `${l.url} [${flagsText(l.flags)}]`)] : []),
      ],
    },
    footer: { type: 'box', layout: 'vertical', contents: [{ type: 'button', style: 'primary', action: { type: 'uri', label: say('digest.open'), uri: boardUrl } }] },
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
