// A parent body's roll-up (/rollup/2570, issue 19): every descendant office × every template
// measure — % done, overdue steps, evidence, OIT readiness — sortable, filterable by the
// attributes the parent set on its offices, a colour scale that also reads without colour
// (a symbol and the numbers in every cell), totals, the offices furthest behind, the trend, and
// CSV/JSON export. Only the rows in view are drawn (a fixed row height; the rest are two spacer
// rows), so 300 or 3,000 offices cost the same to draw.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { typed } from '../typed-client';
import { call, enc, type ApiError } from '../api';
import { fiscalYearLabel, pickText } from '../i18n';
import { lang, selectedYear } from '../state/ui';
import { formatDate } from '../../../worker/domain/thai-date';
import { tRollup } from '../messages/rollup';
import type { RollupApi } from '../../../worker/routes/rollup';
import type { RollupCell, RollupOffice, RollupTrend, RollupView } from '../../../worker/domain/contracts-rollup';
import '../components/rollup/rollup.css';

const rollup = typed<RollupApi>('/api/rollup');
const year = (beYear: number) => ({ param: { beYear: enc(beYear) } });
const rollupApi = {
  view: (beYear: number) => call(() => rollup[':beYear'].$get({ ...year(beYear), query: {} })),
  trend: (beYear: number) => call(() => rollup[':beYear'].trend.$get(year(beYear))),
};

/** Row height in px (rollup.css .rollup-row): the window of drawn rows is computed from it. */
const ROW_H = 44;
/** Rows drawn beyond the visible ones, above and below. */
const OVERSCAN = 8;

type Level = 'good' | 'some' | 'bad' | 'none';
const SYMBOL: Record<Level, string> = { good: '●', some: '▲', bad: '■', none: '–' };

function levelOf(c: RollupCell | null): Level {
  if (!c) return 'none';
  if (c.overdue > 0) return 'bad';
  if (c.behind > 0) return 'some';
  return 'good';
}

/** Sort keys: the office's name, a measure's index (its % done), all, OIT. */
type SortKey = { by: 'name' } | { by: 'measure'; index: number } | { by: 'all' } | { by: 'oit' } | { by: 'behind' };

function sortValue(o: RollupOffice, key: SortKey): number | string {
  switch (key.by) {
    case 'name':
      return pickText(o.nameTh, o.nameEn);
    case 'measure':
      return o.cells[key.index]?.percent ?? -1;
    case 'all':
      return o.sum.percent;
    case 'oit':
      return o.oit.percent;
    case 'behind':
      return o.sum.behind;
  }
}

function Cell({ cell, office, measure }: { cell: RollupCell | null; office: string; measure: string }) {
  const level = levelOf(cell);
  const title = cell
    ? tRollup('cell.title', { office, measure, done: cell.done, total: cell.total, percent: cell.percent, overdue: cell.overdue, evidence: cell.evidence })
    : tRollup('cell.none');
  return (
    <td class={`rollup-cell level-${level}`} title={title}>
      <span aria-hidden="true" class="rollup-symbol">
        {SYMBOL[level]}
      </span>{' '}
      {cell ? (
        <>
          <span class="rollup-percent">{cell.percent}%</span>
          {cell.overdue > 0 && <span class="rollup-overdue"> ({cell.overdue})</span>}
          <span class="visually-hidden">{title}</span>
        </>
      ) : (
        <span class="visually-hidden">{title}</span>
      )}
    </td>
  );
}

function Trend({ beYear }: { beYear: number }) {
  const [trend, setTrend] = useState<RollupTrend | null>(null);
  useEffect(() => {
    void rollupApi.trend(beYear).then((r) => r.ok && setTrend(r.data));
  }, [beYear]);
  if (!trend) return null;
  const pts = trend.points;
  if (pts.length === 0) return <p class="muted">{tRollup('trend.empty')}</p>;
  const w = 600;
  const h = 80;
  const x = (i: number) => (pts.length === 1 ? w / 2 : (i / (pts.length - 1)) * w);
  const y = (p: number) => h - (p / 100) * h;
  const label = tRollup('trend.label', { from: formatDate(pts[0]!.day, lang.value), to: formatDate(pts.at(-1)!.day, lang.value), first: pts[0]!.percent, last: pts.at(-1)!.percent });
  return (
    <figure class="rollup-trend">
      <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-label={label} preserveAspectRatio="none">
        <polyline fill="none" stroke="currentColor" stroke-width="2" points={pts.map((p, i) => `${x(i)},${y(p.percent)}`).join(' ')} />
      </svg>
      <figcaption class="muted">{label}</figcaption>
    </figure>
  );
}

export function RollupPage() {
  const beYear = selectedYear.value;
  const [view, setView] = useState<RollupView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [filters, setFilters] = useState<Record<string, string>>({});
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: { by: 'behind' }, desc: true });
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const scroller = useRef<HTMLDivElement>(null);

  const load = async () => {
    if (beYear === null) return;
    const r = await rollupApi.view(beYear);
    if (r.ok) {
      setView(r.data);
      setError(null);
    } else setError(r.error);
  };
  useEffect(() => {
    void load();
  }, [beYear]);
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, [view !== null]);

  const rows = useMemo(() => {
    if (!view) return [];
    const needle = search.trim().toLowerCase();
    const kept = view.offices.filter(
      (o) =>
        Object.entries(filters).every(([k, v]) => v === '' || o.attributes[k] === v) &&
        (needle === '' || o.nameTh.toLowerCase().includes(needle) || o.nameEn.toLowerCase().includes(needle) || o.slug.includes(needle)),
    );
    const dir = sort.desc ? -1 : 1;
    return kept.sort((a, b) => {
      const x = sortValue(a, sort.key);
      const y = sortValue(b, sort.key);
      const c = typeof x === 'string' ? x.localeCompare(String(y), 'th') : x - (y as number);
      return c * dir || a.nameTh.localeCompare(b.nameTh, 'th');
    });
  }, [view, filters, search, sort]);

  if (beYear === null) return null;
  const title = (
    <h1 class="dash-title">
      {tRollup('page.title')}
      <span class="muted"> · {fiscalYearLabel(beYear)}</span>
    </h1>
  );
  if (error) {
    return (
      <div class="page-column rollup-page" data-testid="rollup-page">
        {title}
        <div class="board-problem" role="alert">
          <p>{pickText(error.messageTh, error.messageEn)}</p>
          <button type="button" class="button button-secondary" onClick={() => void load()}>
            {tRollup('page.tryAgain')}
          </button>
        </div>
      </div>
    );
  }
  if (!view || view.beYear !== beYear) {
    return (
      <div class="page-column rollup-page" data-testid="rollup-page">
        {title}
        <p class="board-message" aria-busy="true">
          {tRollup('page.loading')}
        </p>
      </div>
    );
  }

  const names = new Map(view.offices.map((o) => [o.id, o]));
  const t = view.totals;
  const first = Math.max(0, Math.floor(scrollTop / ROW_H) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + height) / ROW_H) + OVERSCAN);
  const measureName = (i: number) => `${view.measures[i]!.number}. ${view.measures[i]!.title}`;
  const sortButton = (key: SortKey, label: string, name: string) => {
    const active = JSON.stringify(sort.key) === JSON.stringify(key);
    return (
      <button
        type="button"
        class="rollup-sort"
        aria-label={tRollup('col.sortBy', { name })}
        onClick={() => setSort({ key, desc: active ? !sort.desc : key.by !== 'name' })}
      >
        {label} {active ? (sort.desc ? '▼' : '▲') : ''}
      </button>
    );
  };
  const ariaSort = (key: SortKey) => (JSON.stringify(sort.key) === JSON.stringify(key) ? (sort.desc ? 'descending' : 'ascending') : undefined);
  const boardLink = (o: RollupOffice) => `/board/${beYear}?office=${enc(o.slug)}`;

  return (
    <div class="page-column rollup-page" data-testid="rollup-page">
      {title}
      <p class="muted">{tRollup('page.asOf', { day: formatDate(view.today, lang.value) })}</p>
      <p data-testid="rollup-totals">
        {tRollup('totals.summary', { percent: t.percent, done: t.done, total: t.total, overdue: t.overdue, offices: t.offices, adopted: t.adopted, oit: t.oitPercent })}
      </p>
      <p class="rollup-exports">
        <a class="button button-secondary" href={`/api/rollup/${beYear}?format=csv`} download>
          {tRollup('export.csv')}
        </a>{' '}
        <a class="button button-secondary" href={`/api/rollup/${beYear}`} download={`rollup-${beYear}.json`}>
          {tRollup('export.json')}
        </a>
      </p>
      {view.measures.length === 0 && <p class="board-message">{tRollup('page.noTemplate')}</p>}

      <section aria-labelledby="rollup-behind">
        <h2 id="rollup-behind">{tRollup('behind.title')}</h2>
        {view.mostBehind.length === 0 ? (
          <p class="muted">{tRollup('behind.none')}</p>
        ) : (
          <ol class="rollup-behind" data-testid="rollup-behind">
            {view.mostBehind.map((m) => {
              const o = names.get(m.officeId)!;
              return (
                <li key={m.officeId}>
                  <a href={boardLink(o)}>{pickText(o.nameTh, o.nameEn)}</a> — {tRollup('behind.item', { behind: m.behind, percent: m.percent })}
                </li>
              );
            })}
          </ol>
        )}
      </section>

      <section aria-labelledby="rollup-trend">
        <h2 id="rollup-trend">{tRollup('trend.title')}</h2>
        <Trend beYear={beYear} />
      </section>

      <div class="rollup-filters">
        <label>
          {tRollup('filter.search')}{' '}
          <input type="search" value={search} onInput={(e) => setSearch((e.target as HTMLInputElement).value)} data-testid="rollup-search" />
        </label>
        {view.attributeKeys.map((k) => {
          const values = [...new Set(view.offices.map((o) => o.attributes[k]).filter((v): v is string => !!v))].sort();
          return (
            <label key={k}>
              {tRollup('filter.label', { name: k })}{' '}
              <select value={filters[k] ?? ''} onChange={(e) => setFilters({ ...filters, [k]: (e.target as HTMLSelectElement).value })} data-testid={`rollup-filter-${k}`}>
                <option value="">{tRollup('filter.all')}</option>
                {values.map((v) => (
                  <option key={v} value={v}>
                    {v}
                  </option>
                ))}
              </select>
            </label>
          );
        })}
        <span class="muted" role="status" data-testid="rollup-shown">
          {tRollup('filter.shown', { shown: rows.length, total: view.offices.length })}
        </span>
      </div>

      <p class="rollup-legend" aria-label={tRollup('legend.title')}>
        <span class="level-good">{tRollup('legend.good')}</span> <span class="level-some">{tRollup('legend.some')}</span>{' '}
        <span class="level-bad">{tRollup('legend.bad')}</span> <span class="level-none">{tRollup('legend.none')}</span>
      </p>

      <div class="rollup-scroll" ref={scroller} onScroll={(e) => setScrollTop((e.target as HTMLDivElement).scrollTop)} tabIndex={0}>
        <table class="rollup-table" data-testid="rollup-table" aria-rowcount={rows.length + 2}>
          <thead>
            <tr>
              <th scope="col" aria-sort={ariaSort({ by: 'name' })}>
                {sortButton({ by: 'name' }, tRollup('col.office'), tRollup('col.office'))}
              </th>
              {view.measures.map((m, i) => (
                <th scope="col" key={m.id} title={measureName(i)} aria-sort={ariaSort({ by: 'measure', index: i })}>
                  {sortButton({ by: 'measure', index: i }, String(m.number), measureName(i))}
                </th>
              ))}
              <th scope="col" aria-sort={ariaSort({ by: 'all' })}>
                {sortButton({ by: 'all' }, tRollup('col.all'), tRollup('col.all'))}
              </th>
              <th scope="col" aria-sort={ariaSort({ by: 'oit' })}>
                {sortButton({ by: 'oit' }, tRollup('col.oit'), tRollup('col.oit'))}
              </th>
            </tr>
          </thead>
          <tbody>
            {first > 0 && <tr aria-hidden="true" style={{ height: `${first * ROW_H}px` }} />}
            {rows.slice(first, last).map((o, i) => {
              const name = pickText(o.nameTh, o.nameEn);
              return (
                <tr key={o.id} class="rollup-row" data-testid="rollup-row" aria-rowindex={first + i + 2}>
                  <th scope="row">
                    <a href={boardLink(o)} title={tRollup('open.board', { office: name })}>
                      {name}
                    </a>
                  </th>
                  {o.cells.map((c, j) => (
                    <Cell key={j} cell={c} office={name} measure={measureName(j)} />
                  ))}
                  <Cell cell={o.adopted ? o.sum : null} office={name} measure={tRollup('col.all')} />
                  <td class="rollup-cell">{o.oit.items > 0 ? `${o.oit.percent}%` : '–'}</td>
                </tr>
              );
            })}
            {last < rows.length && <tr aria-hidden="true" style={{ height: `${(rows.length - last) * ROW_H}px` }} />}
          </tbody>
          <tfoot>
            <tr data-testid="rollup-total-row">
              <th scope="row">{tRollup('totals.row')}</th>
              {t.measures.map((c, j) => (
                <Cell key={j} cell={c} office={tRollup('totals.row')} measure={measureName(j)} />
              ))}
              <Cell cell={t} office={tRollup('totals.row')} measure={tRollup('col.all')} />
              <td class="rollup-cell">{t.oitPercent}%</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}
