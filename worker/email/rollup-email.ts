// The monthly roll-up report of a parent body (issue 19), as an email: its totals, the offices
// furthest behind, and a table of every office; and as a LINE text push. Strings from
// domain/messages/rollup.*; everything a user typed (office names) escaped.
import { translator } from '../domain/i18n';
import { th } from '../domain/messages/rollup.th';
import en from '../domain/messages/rollup.en';
import { clip, LINE_MAX_TEXT } from '../domain/line';
import type { RollupView } from '../domain/contracts-rollup';
import { esc, button, heading, page, paragraph, table } from './html';
import type { RenderedEmail } from './mime';
import type { PushBody } from '../line/messages';

const say = translator({ th, en }, 'th');

function lines(view: RollupView, month: string) {
  const t = view.totals;
  const names = new Map(view.offices.map((o) => [o.id, o.nameTh]));
  return {
    subject: say('report.subject', { parent: view.parent.nameTh, month }),
    title: say('report.title', { parent: view.parent.nameTh }),
    period: say('report.period', { year: view.beYear, day: view.today }),
    totals: say('report.totals', { percent: t.percent, done: t.done, total: t.total, overdue: t.overdue, offices: t.offices, adopted: t.adopted }),
    behind: view.mostBehind.map((m) => say('report.behind-item', { office: names.get(m.officeId) ?? '', behind: m.behind, percent: m.percent })),
  };
}

export function rollupEmail(view: RollupView, month: string, link: string | undefined): RenderedEmail {
  const l = lines(view, month);
  const rows = view.offices.map((o) => [esc(o.nameTh), esc(`${o.sum.percent}%`), esc(o.sum.overdue), esc(o.sum.behind), esc(o.sum.evidence), esc(o.oit.items > 0 ? `${o.oit.percent}%` : '—')]);
  const body =
    heading(l.title) +
    paragraph(esc(l.period), true) +
    paragraph(esc(l.totals)) +
    heading(say('report.behind')) +
    (l.behind.length > 0 ? l.behind.map((b) => paragraph(esc(b))).join('') : paragraph(esc(say('report.none-behind')), true)) +
    table(
      [{ label: say('csv.office') }, { label: say('csv.percent'), align: 'right' }, { label: say('csv.overdue'), align: 'right' }, { label: say('csv.behind'), align: 'right' }, { label: say('csv.evidence'), align: 'right' }, { label: say('csv.oit'), align: 'right' }],
      rows,
      say('report.none-behind'),
    ) +
    (link ? button(link, say('report.open', { url: '' }).replace(/[:\s]+$/, '')) : '');
  const text = [l.title, l.period, l.totals, '', say('report.behind'), ...(l.behind.length > 0 ? l.behind : [say('report.none-behind')]), ...(link ? ['', say('report.open', { url: link })] : [])].join('\n');
  return { subject: l.subject, html: page(l.subject, body), text };
}

export function rollupPush(view: RollupView, month: string, to: string, link: string): PushBody {
  const l = lines(view, month);
  const text = [l.title, l.period, l.totals, say('report.behind'), ...l.behind.slice(0, 5), say('report.open', { url: link })].join('\n');
  return { to, messages: [{ type: 'text', text: clip(text, LINE_MAX_TEXT) }] };
}
