// The office's public progress page (no sign-in), for offices that opted in: each measure, its
// steps with their state and the evidence published, in Thai with an English switch; printable;
// with the open data (CSV, JSON and the CSV's column documentation) one click away.
import { effect } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import type { PublicView } from '../../../../worker/domain/views';
import { call, clients, type ApiError } from '../../api';
import { pickText } from '../../i18n';
import { lang, selectedYear } from '../../state/ui';
import { LangSwitch } from '../LangSwitch';
import { DocEvidence } from '../dashboard/DocEvidence';
import { categoryLabel, formatLongDate, isoDateOf, percentText, shortDate } from '../dashboard/format';
import type { PublicRoute } from './route';
import '../dashboard/charts.css';
import '../dashboard/print.css';
import './public.css';
import { tPublic } from '../../messages/public';

const enc = encodeURIComponent;

export function PublicPage({ route }: { route: PublicRoute }) {
  const [years, setYears] = useState<number[]>([]);
  const [year, setYear] = useState<number | null>(route.beYear);
  const [view, setView] = useState<PublicView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const path = (y: number | null) => `/p/${route.slug}${y === null ? '' : `/${y}`}`;

  useEffect(() => {
    void (async () => {
      const r = await call(() => clients.public[':slug'].$get({ param: { slug: enc(route.slug) } }));
      if (!r.ok) return setError(r.error);
      setYears(r.data.years);
      if (year === null && r.data.years.length > 0) setYear(r.data.years[r.data.years.length - 1]!);
    })();
  }, [route.slug]);

  useEffect(() => {
    if (year === null) return;
    if (location.pathname !== path(year)) history.replaceState(null, '', path(year));
    void (async () => {
      const r = await call(() => clients.public[':slug'][':file'].$get({ param: { slug: enc(route.slug), file: String(year) } }));
      if (r.ok) {
        setView(r.data);
        setError(null);
      } else setError(r.error);
    })();
  }, [year]);

  // A signed-in visitor's app still starts behind this page, picks a fiscal year and writes it
  // into the address (/board/2567); whenever it does, this page puts its own address back.
  useEffect(
    () =>
      effect(() => {
        void selectedYear.value;
        queueMicrotask(() => {
          if (!location.pathname.startsWith(`/p/${route.slug}`)) history.replaceState(null, '', path(year));
        });
      }),
    [year],
  );

  useEffect(() => {
    document.title = view ? `${pickText(view.office.nameTh, view.office.nameEn || view.office.nameTh)} · ITA` : 'ITA Board';
  }, [view, lang.value]);

  if (error) {
    return (
      <main id="main" class="public-page" data-testid="public-page">
        <div class="public-top no-print">
          <LangSwitch />
        </div>
        <p class="board-message" role="alert" data-testid="public-missing">
          {error.status === 404 ? tPublic('publicPage.thisOfficeHasNot') : pickText(error.messageTh, error.messageEn)}
        </p>
      </main>
    );
  }
  if (!view) {
    return (
      <main id="main" class="public-page" aria-busy="true">
        <p class="board-message">{tPublic('publicPage.loading')}</p>
      </main>
    );
  }
  const base = `/api/public/${enc(route.slug)}/${view.fiscalYear.beYear}`;
  return (
    <main id="main" class="public-page" data-testid="public-page">
      <div class="public-top no-print">
        {years.length > 1 && (
          <nav class="public-years" aria-label={tPublic('publicPage.fiscalYears')}>
            {years.map((y) => (
              <a
                key={y}
                href={path(y)}
                aria-current={y === year ? 'page' : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  setYear(y);
                }}
              >
                {y}
              </a>
            ))}
          </nav>
        )}
        <LangSwitch />
        <button type="button" class="button button-secondary" onClick={() => window.print()}>
          {tPublic('publicPage.print')}
        </button>
      </div>
      <article class="print-document public-document">
        <header class="doc-head">
          <p class="doc-office" data-testid="public-office">
            {pickText(view.office.nameTh, view.office.nameEn || view.office.nameTh)}
          </p>
          <h1 class="doc-title">
            {tPublic('publicPage.progressOfTheMeasures')}
          </h1>
          <p>
            {tPublic('publicPage.fiscalYearBeyearBe', { beYear: view.fiscalYear.beYear })} (
            {formatLongDate(view.fiscalYear.startsOn)} – {formatLongDate(view.fiscalYear.endsOn)})
          </p>
          <p class="muted">{tPublic('publicPage.asOfFormatlongdate', { formatLongDate: formatLongDate(isoDateOf(Date.parse(view.generatedAt))) })}</p>
        </header>
        <section class="public-summary" aria-label={tPublic('publicPage.summary')}>
          <p class="figure-big" data-testid="public-percent">
            {percentText(view.summary.percent)}
          </p>
          <p>{tPublic('publicPage.doneOfStepsSteps', { done: view.summary.done, steps: view.summary.steps })}</p>
        </section>
        {view.measures.map((m) => (
          <section key={m.number} class="doc-measure" data-testid="public-measure" aria-labelledby={`pm-${m.number}`}>
            <h2 id={`pm-${m.number}`}>{tPublic('publicPage.measureNumberTitle', { number: m.number, title: m.title })}</h2>
            <p class="doc-responsible">
              {tPublic('publicPage.responsible')}
              {pickText(m.responsibleTh || '–', m.responsibleEn || m.responsibleTh || '–')}
              {m.allGroups ? tPublic('publicPage.andAllGroups') : ''}
              {' · '}
              {tPublic('publicPage.doneTotalStepsDone', { done: m.done, total: m.total, percentText: percentText(m.percent) })}
            </p>
            <table class="doc-table">
              <thead>
                <tr>
                  <th scope="col" class="col-no">{tPublic('publicPage.step')}</th>
                  <th scope="col">{tPublic('publicPage.stepMethod')}</th>
                  <th scope="col" class="col-status">{tPublic('publicPage.status')}</th>
                  <th scope="col" class="col-evidence">{tPublic('publicPage.publishedEvidence')}</th>
                </tr>
              </thead>
              <tbody>
                {m.steps.map((s) => (
                  <tr key={s.number} data-testid="public-step">
                    <td class="col-no" data-label={tPublic('publicPage.step')}>{s.number}</td>
                    <td class="col-title">
                      {s.title}
                      {s.dueOn && <span class="public-due">{tPublic('publicPage.dueShortdate', { shortDate: shortDate(s.dueOn) })}</span>}
                    </td>
                    <td class="col-status" data-label={tPublic('publicPage.status')}>
                      <span class={`public-status status-${s.status.category}`} title={categoryLabel(s.status.category)}>
                        {pickText(s.status.labelTh, s.status.labelEn)}
                      </span>
                    </td>
                    <td class="col-evidence" data-label={tPublic('publicPage.publishedEvidence')}>
                      <DocEvidence evidence={s.evidence} print={false} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </article>
      <section class="public-open-data no-print" aria-labelledby="open-data">
        <h2 id="open-data">{tPublic('publicPage.openData')}</h2>
        <p>{tPublic('publicPage.downloadThisDataTo')}</p>
        <ul>
          <li>
            <a href={`${base}.csv`} download data-testid="public-csv">
              CSV (UTF-8)
            </a>
          </li>
          <li>
            <a href={`${base}.json`} download data-testid="public-json">
              JSON
            </a>
          </li>
          <li>
            <a href={`${base}/schema`} data-testid="public-schema">
              {tPublic('publicPage.columnDocumentationTableSchema')}
            </a>
          </li>
        </ul>
      </section>
    </main>
  );
}
