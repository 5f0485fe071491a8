// The monitoring report as an email: a pure function from the kept snapshot to subject, HTML
// and plain text. Thai, Buddhist Era, Thai digits when the office uses them.
import { CATEGORY_TH, REPORT_TITLE_TH, fiscalYearTh, num, percent, periodTh, signed, thaiDate, thaiMoment, type Style } from '../domain/report-format';
import type { ColumnRef, Progress, ReportContent } from '../domain/report-types';
import { reportCsv, reportFileName } from '../domain/report-csv';
import type { Recipient } from '../domain/report-delivery';
import { button, esc, heading, page, paragraph, safeLink, table, type Column } from './html';
import { composeMail, type ComposedMail, type Mailbox, type RenderedEmail } from './mime';
import { linkHost } from '../domain/user-text';
import { linkText } from '../domain/link-health';
import { flaggedLinksHtml, flaggedLinksText } from './digest-email';
import { translator } from '../domain/i18n';
import { th } from '../domain/messages/report.th';
import en from '../domain/messages/report.en';

/** The report's strings (domain/messages/report.*): emails go out in Thai. */
const say = translator({ th, en }, 'th');
const sayLinks = linkText('th');

/** The heading of the flagged links before the OIT deadline (executives' reports only). */
function oitLinksTitle(r: ReportContent, s: Style): string {
  const o = r.oitLinks!;
  return sayLinks('report.heading', { deadline: thaiDate(o.deadline, s, 'short'), days: num(o.days, s), n: num(o.links.length, s) });
}

/** The report's message to each recipient: the email rendered once, the full data as a CSV attachment. */
export function reportMails(content: ReportContent, recipients: readonly Recipient[], from: Mailbox, now: number, link?: string): ComposedMail[] {
  const email = reportEmail(content, link);
  const csv = { filename: reportFileName(content.kind, content.period.key), contentType: 'text/csv; charset=utf-8', text: reportCsv(content) };
  return recipients.map((to) => composeMail(from, { addr: to.email, name: to.name }, email, now, [csv]));
}

const status = (c: ColumnRef | null) => (c ? c.labelTh || CATEGORY_TH[c.category] : '-');
const step = (measure: number | null, stepNo: number, s: Style) => (measure === null ? num(stepNo, s) : `${num(measure, s)}.${num(stepNo, s)}`);

export function reportSubject(r: ReportContent): string {
  return say(`email.subject.${r.kind}`, { period: periodTh(r.period, r), office: r.org.nameTh });
}

function summaryLine(r: ReportContent, s: Style): string {
  const t = r.totals;
  const line = say('summaryLine', {
    done: num(t.done, s),
    total: num(t.total, s),
    percent: percent(t.percent, s).replace('%', ''),
    inProgress: num(t.inProgress, s),
    notStarted: num(t.notStarted, s),
    overdue: num(r.overdueCount, s),
  });
  const change = r.change
    ? say('email.change', { period: r.change.previousPeriodKey, points: signed(r.change.percentPoints, s), done: signed(r.change.done, s), overdue: signed(r.change.overdue, s) })
    : say('email.noPrevious');
  return line + change;
}

const progressCells = (p: Progress, s: Style) => [num(p.total, s), num(p.done, s), num(p.inProgress, s), num(p.notStarted, s), percent(p.percent, s)];
const PROGRESS_COLUMNS: Column[] = (['total', 'colDone', 'colDoing', 'colTodo', 'colPercent'] as const).map((key) => ({ label: say(key), align: 'right' }));

const more = (n: number, s: Style) => (n > 0 ? paragraph(esc(say('email.more', { n: num(n, s) })), true) : '');

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

/** `link`: the report's page in the app (APP_URL), drawn as a button; none without it. */
export function reportEmail(full: ReportContent, link?: string): RenderedEmail {
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
      paragraph(esc(say(`email.greeting.${r.kind}`))),
      paragraph(esc(summaryLine(r, s))),
      link ? button(link, say('email.openReport')) : '',
      heading(say('measures')),
      table(
        [{ label: say('measure') }, ...PROGRESS_COLUMNS, { label: say('colChange'), align: 'right' }],
        r.measures.map((m) => [
          `${esc(num(m.number, s))}. ${esc(m.title)}`,
          ...progressCells(m.progress, s).map(esc),
          esc(m.percentChange === null ? '-' : signed(m.percentChange, s)),
        ]),
        say('email.noMeasures'),
      ),
      heading(say('groups')),
      table([{ label: say('group') }, ...PROGRESS_COLUMNS], r.groups.map((g) => [esc(g.nameTh), ...progressCells(g.progress, s).map(esc)]), say('email.noData')),
      heading(say('moves')),
      table(
        [{ label: say('when') }, { label: say('step') }, { label: say('from') }, { label: say('to') }, { label: say('who') }],
        r.moves.map((m) => [esc(thaiMoment(m.at, s)), `${esc(step(m.measureNumber, m.stepNumber, s))} ${esc(m.title)}`, esc(status(m.from)), esc(status(m.to)), esc(m.actor ?? '-')]),
        say('email.noMoves'),
      ),
      more(r.omitted.moves, s),
      heading(say('overdue')),
      table(
        [{ label: say('step') }, { label: say('due') }, { label: say('daysLate'), align: 'right' }, { label: say('status') }, { label: say('group') }],
        r.overdue.map((o) => [
          `${esc(step(o.measureNumber, o.stepNumber, s))} ${esc(o.title)}`,
          esc(thaiDate(o.dueOn, s, 'short')),
          esc(num(o.daysOverdue, s)),
          esc(status(o.column)),
          esc(o.groupNameTh ?? '-'),
        ]),
        say('email.noOverdue'),
      ),
      more(r.omitted.overdue, s),
      heading(say('evidence')),
      table(
        [{ label: say('when') }, { label: say('step') }, { label: say('link') }, { label: say('note') }, { label: say('addedBy') }],
        r.evidence.map((e) => [
          esc(thaiMoment(e.at, s)),
          `${esc(step(e.measureNumber, e.stepNumber, s))} ${esc(e.title)}`,
          safeLink(e.url) + (e.removed ? ` <em>(${esc(say('removed'))})</em>` : ''),
          esc([e.oitCode, e.note].filter(Boolean).join(' · ') || '-'),
          esc(e.actor ?? '-'),
        ]),
        say('email.noEvidence'),
      ),
      more(r.omitted.evidence, s),
      ...(r.oitLinks ? flaggedLinksHtml(r.oitLinks.links, oitLinksTitle(r, s), s) : []),
      paragraph(
        esc(say('email.footer', { when: thaiMoment(r.compiledAt, s), seq: num(r.chain.periodEndSeq, s), head: num(r.chain.seq, s), hash: r.chain.hash.slice(0, 16) })),
        true,
      ),
    ].join(''),
  );
  return { subject, html, text: link ? `${reportText(r)}\n\n${say('email.openReport')}: ${link}` : reportText(r) };
}

function reportText(r: ReportContent): string {
  const s: Style = r;
  const rest = (n: number) => (n > 0 ? [say('email.text.more', { n: num(n, s) })] : []);
  const none = [say('email.text.none')];
  const done = (p: Progress) => ({ done: num(p.done, s), total: num(p.total, s), percent: percent(p.percent, s) });
  const lines: string[] = [
    r.org.nameTh,
    REPORT_TITLE_TH[r.kind],
    `${periodTh(r.period, s)} ${fiscalYearTh(r.fiscalYear.beYear, s)}`,
    '',
    say(`email.greeting.${r.kind}`),
    summaryLine(r, s),
    '',
    say('measures'),
    ...r.measures.map((m) =>
      say('email.text.measure', {
        number: num(m.number, s),
        title: m.title,
        ...done(m.progress),
        change: m.percentChange === null ? '' : say('email.text.points', { points: signed(m.percentChange, s) }),
      }),
    ),
    '',
    say('groups'),
    ...r.groups.map((g) => say('email.text.group', { name: g.nameTh, ...done(g.progress) })),
    '',
    say('moves'),
    ...(r.moves.length
      ? r.moves.map((m) =>
          say('email.text.move', { when: thaiMoment(m.at, s), step: step(m.measureNumber, m.stepNumber, s), title: m.title, from: status(m.from), to: status(m.to), who: m.actor ?? '-' }),
        )
      : none),
    ...rest(r.omitted.moves),
    '',
    say('overdue'),
    ...(r.overdue.length
      ? r.overdue.map((o) =>
          say('email.text.overdue', { step: step(o.measureNumber, o.stepNumber, s), title: o.title, due: thaiDate(o.dueOn, s, 'short'), days: num(o.daysOverdue, s), status: status(o.column) }),
        )
      : none),
    ...rest(r.omitted.overdue),
    '',
    say('evidence'),
    ...(r.evidence.length
      ? r.evidence.map((e) =>
          say('email.text.evidence', {
            when: thaiMoment(e.at, s),
            step: step(e.measureNumber, e.stepNumber, s),
            title: e.title,
            url: e.url,
            host: linkHost(e.url) ? ` (${linkHost(e.url)})` : '',
            removed: e.removed ? ` (${say('removed')})` : '',
          }),
        )
      : none),
    ...rest(r.omitted.evidence),
    ...(r.oitLinks ? flaggedLinksText(r.oitLinks.links, oitLinksTitle(r, s), s) : []),
    '',
    say('email.text.footer', { when: thaiMoment(r.compiledAt, s), seq: num(r.chain.periodEndSeq, s), head: num(r.chain.seq, s), hash: r.chain.hash }),
  ];
  return lines.join('\n');
}
