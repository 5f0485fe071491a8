// One monitoring report as a document, laid out like a Thai official report so that it prints
// on A4 as it is: the office, the title, the period in Buddhist Era, the tables, and space for
// the signatures. Everything users typed is JSX text (escaped); only web links are links.
import type { ColumnRef, Progress, ReportContent } from '../../../../worker/domain/report-types';
import { fiscalYearLabel, pickText } from '../../i18n';
import { day, num, pct, periodLabel, signed, when, type Style } from './format';
import { tReports } from '../../messages/reports';
import { safeHref } from '../../safe-url';
import { LinkHost } from '../LinkHost';
import { LinkFlags } from '../LinkFlags';
import { tLinks } from '../../messages/links';
import type { ComponentChildren } from 'preact';
import { MemoFrame } from '../memo/Memo';
import { isoDateOf } from '../dashboard/format';

const columnName = (c: ColumnRef | null) => (c ? pickText(c.labelTh, c.labelEn) : '-');
const stepNo = (measure: number | null, step: number, s: Style) => (measure === null ? num(step, s) : `${num(measure, s)}.${num(step, s)}`);

function ProgressCells({ p, s }: { p: Progress; s: Style }) {
  return (
    <>
      <td class="rpt-num">{num(p.total, s)}</td>
      <td class="rpt-num">{num(p.done, s)}</td>
      <td class="rpt-num">{num(p.inProgress, s)}</td>
      <td class="rpt-num">{num(p.notStarted, s)}</td>
      <td class="rpt-num">{pct(p.percent, s)}</td>
    </>
  );
}

const progressHeads = () => [tReports('total'), tReports('colDone'), tReports('colDoing'), tReports('colTodo'), tReports('colPercent')];

/** A link as the report shows it: clickable only when it is a web address, its real host beside it. */
function LinkCell({ url, children }: { url: string; children?: ComponentChildren }) {
  const href = safeHref(url);
  return (
    <td class="rpt-link">
      {href ? (
        <a href={href} target="_blank" rel="noopener noreferrer">
          {url}
        </a>
      ) : (
        url
      )}
      <LinkHost url={url} />
      {children}
    </td>
  );
}

/** Executives' reports compiled in the 30 days before the year's OIT deadline: every flagged evidence link, dead ones first. */
function OitLinks({ r, s }: { r: ReportContent; s: Style }) {
  const o = r.oitLinks;
  if (!o) return null;
  return (
    <section class="rpt-section" data-testid="report-oit-links">
      <h3>{tLinks('report.heading', { deadline: day(o.deadline, s), days: num(o.days, s), n: num(o.links.length, s) })}</h3>
      {o.links.length === 0 ? (
        <p class="rpt-empty">{tReports('nothing')}</p>
      ) : (
        <table class="rpt-table">
          <thead>
            <tr>
              <th scope="col">{tReports('step')}</th>
              <th scope="col">{tLinks('digest.linkColumn')}</th>
              <th scope="col">{tLinks('digest.flagsColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {o.links.map((l, i) => (
              <tr key={i} data-flags={l.flags.join(' ')}>
                <td>
                  {stepNo(l.measureNumber, l.stepNumber, s)} {l.title}
                </td>
                <LinkCell url={l.url} />
                <td>
                  <LinkFlags health={{ flags: l.flags, status: null, error: null, checkedAt: null, finalUrl: null }} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function More({ n, s }: { n: number; s: Style }) {
  return n > 0 ? <p class="rpt-more">{tReports('more', { n: num(n, s) })}</p> : null;
}

export function ReportDocument({ content: r, preview = false }: { content: ReportContent; preview?: boolean }) {
  const s: Style = { thaiDigits: r.thaiDigits };
  const t = r.totals;
  return (
    <MemoFrame subject={`${tReports(`title.${r.kind}`)} ${periodLabel(r.period, s)}`} date={isoDateOf(r.compiledAt)}>
      <article class="rpt-document" data-testid="report-document" data-period={r.period.key} data-kind={r.kind}>
        {preview && (
          <p class="rpt-preview-banner" role="status">
            {tReports('previewBanner')}
          </p>
        )}
        <header class="rpt-head">
          <p class="rpt-office">{pickText(r.org.nameTh, r.org.nameEn || r.org.nameTh)}</p>
          <h2 class="rpt-title">{tReports(`title.${r.kind}`)}</h2>
          <p class="rpt-period" data-testid="report-period">
            {periodLabel(r.period, s)} · {fiscalYearLabel(r.fiscalYear.beYear).replace(/\d+/g, (d) => num(Number(d), s))}
          </p>
        </header>

        <section class="rpt-section">
          <h3>{tReports('summary')}</h3>
          <p class="rpt-para" data-testid="report-summary">
            {tReports('summaryLine', {
              done: num(t.done, s),
              total: num(t.total, s),
              percent: pct(t.percent, s),
              inProgress: num(t.inProgress, s),
              notStarted: num(t.notStarted, s),
              overdue: num(r.overdueCount, s),
            })}
          </p>
          <p class="rpt-para" data-testid="report-change">
            {r.change
              ? tReports('changeLine', { period: r.change.previousPeriodKey, points: signed(r.change.percentPoints, s), done: signed(r.change.done, s), overdue: signed(r.change.overdue, s) })
              : tReports('noPrevious')}
          </p>
        </section>

        <section class="rpt-section">
          <h3>{tReports('measures')}</h3>
          <table class="rpt-table" data-testid="report-measures">
            <thead>
              <tr>
                <th scope="col">{tReports('measure')}</th>
                {progressHeads().map((h) => (
                  <th scope="col" key={h}>
                    {h}
                  </th>
                ))}
                <th scope="col">{tReports('colChange')}</th>
              </tr>
            </thead>
            <tbody>
              {r.measures.map((m) => (
                <tr key={m.measureId}>
                  <th scope="row" class="rpt-rowhead">
                    {num(m.number, s)}. {m.title}
                  </th>
                  <ProgressCells p={m.progress} s={s} />
                  <td class="rpt-num">{m.percentChange === null ? '-' : signed(m.percentChange, s)}</td>
                </tr>
              ))}
              <tr class="rpt-total">
                <th scope="row">{tReports('total')}</th>
                <ProgressCells p={t} s={s} />
                <td class="rpt-num">{r.change ? signed(r.change.percentPoints, s) : '-'}</td>
              </tr>
            </tbody>
          </table>
        </section>

        <section class="rpt-section">
          <h3>{tReports('groups')}</h3>
          <table class="rpt-table" data-testid="report-groups">
            <thead>
              <tr>
                <th scope="col">{tReports('group')}</th>
                {progressHeads().map((h) => (
                  <th scope="col" key={h}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {r.groups.map((g) => (
                <tr key={g.groupId ?? 'none'}>
                  <th scope="row" class="rpt-rowhead">
                    {pickText(g.nameTh, g.nameEn)}
                  </th>
                  <ProgressCells p={g.progress} s={s} />
                </tr>
              ))}
            </tbody>
          </table>
        </section>

        <section class="rpt-section">
          <h3>{tReports('moves')}</h3>
          {r.moves.length === 0 ? (
            <p class="rpt-empty">{tReports('nothing')}</p>
          ) : (
            <table class="rpt-table" data-testid="report-moves">
              <thead>
                <tr>
                  <th scope="col">{tReports('when')}</th>
                  <th scope="col">{tReports('step')}</th>
                  <th scope="col">{tReports('from')}</th>
                  <th scope="col">{tReports('to')}</th>
                  <th scope="col">{tReports('who')}</th>
                </tr>
              </thead>
              <tbody>
                {r.moves.map((m, i) => (
                  <tr key={i}>
                    <td class="rpt-nowrap">{when(m.at, s)}</td>
                    <td>
                      {stepNo(m.measureNumber, m.stepNumber, s)} {m.title}
                    </td>
                    <td>{columnName(m.from)}</td>
                    <td>{columnName(m.to)}</td>
                    <td>{m.actor ?? '-'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <More n={r.omitted.moves} s={s} />
        </section>

        <section class="rpt-section">
          <h3>{tReports('overdue')}</h3>
          {r.overdue.length === 0 ? (
            <p class="rpt-empty">{tReports('nothing')}</p>
          ) : (
            <table class="rpt-table" data-testid="report-overdue">
              <thead>
                <tr>
                  <th scope="col">{tReports('step')}</th>
                  <th scope="col">{tReports('due')}</th>
                  <th scope="col">{tReports('daysLate')}</th>
                  <th scope="col">{tReports('status')}</th>
                  <th scope="col">{tReports('group')}</th>
                </tr>
              </thead>
              <tbody>
                {r.overdue.map((o) => (
                  <tr key={o.cardId}>
                    <td>
                      {stepNo(o.measureNumber, o.stepNumber, s)} {o.title}
                    </td>
                    <td class="rpt-nowrap">{day(o.dueOn, s)}</td>
                    <td class="rpt-num">{num(o.daysOverdue, s)}</td>
                    <td class="rpt-nowrap">{columnName(o.column)}</td>
                    <td>{o.groupNameTh ?? '-'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <More n={r.omitted.overdue} s={s} />
        </section>

        <section class="rpt-section">
          <h3>{tReports('evidence')}</h3>
          {r.evidence.length === 0 ? (
            <p class="rpt-empty">{tReports('nothing')}</p>
          ) : (
            <table class="rpt-table" data-testid="report-evidence">
              <thead>
                <tr>
                  <th scope="col">{tReports('when')}</th>
                  <th scope="col">{tReports('step')}</th>
                  <th scope="col">{tReports('link')}</th>
                  <th scope="col">{tReports('note')}</th>
                  <th scope="col">{tReports('addedBy')}</th>
                </tr>
              </thead>
              <tbody>
                {r.evidence.map((e, i) => (
                  <tr key={i} class={e.removed ? 'rpt-removed' : undefined}>
                    <td class="rpt-nowrap">{when(e.at, s)}</td>
                    <td>
                      {stepNo(e.measureNumber, e.stepNumber, s)} {e.title}
                    </td>
                    <LinkCell url={e.url}>{e.removed && <span class="rpt-removed-note"> ({tReports('removed')})</span>}</LinkCell>
                    <td>{[e.oitCode, e.note].filter(Boolean).join(' · ') || '-'}</td>
                    <td>{e.actor ?? '-'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <More n={r.omitted.evidence} s={s} />
        </section>

        <OitLinks r={r} s={s} />

        <footer class="rpt-foot">
          <p class="rpt-meta">
            {tReports('compiledAt', { when: when(r.compiledAt, s) })} ·{' '}
            {tReports('chain', { seq: num(r.chain.periodEndSeq, s), head: num(r.chain.seq, s), hash: r.chain.hash.slice(0, 12) })}
          </p>
          <div class="rpt-signatures" data-testid="report-signatures">
            {(['reporter', 'supervisor'] as const).map((role) => (
              <div class="rpt-signature" key={role}>
                <p>
                  {tReports('signed')} <span class="rpt-dots">........................................</span> {tReports(role)}
                </p>
                <p>
                  (<span class="rpt-dots">........................................</span>)
                </p>
                <p>
                  {tReports('position')} <span class="rpt-dots">........................................</span>
                </p>
              </div>
            ))}
          </div>
        </footer>
      </article>
    </MemoFrame>
  );
}
