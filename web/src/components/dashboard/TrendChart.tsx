// Percent of steps complete over the fiscal year (replayed from the event log on the server),
// as a line. An SVG image with a spoken summary, and the figures in a table.
import type { SeriesPoint } from '../../../../worker/domain/progress';
import { FRAME, axisLabels, linePath, xPositions, yOf } from './geometry';
import { percentText, shortDate } from './format';
import { DataTable } from './DataTable';
import { tDashboard } from '../../messages/dashboard';

const PERCENT_TICKS = [0, 25, 50, 75, 100];

export function TrendChart({ series }: { series: SeriesPoint[] }) {
  const title = tDashboard('trendChart.trendPercentOfSteps');
  if (series.length === 0) {
    return (
      <section class="dash-panel" aria-labelledby="dash-trend" data-testid="trend-chart">
        <h2 id="dash-trend">{title}</h2>
        <p class="muted">{tDashboard('flowChart.noChangesRecordedYet')}</p>
      </section>
    );
  }
  const xs = xPositions(series.map((p) => p.at));
  const ys = series.map((p) => (p.percent === null ? null : yOf(p.percent, 100)));
  const first = series[0]!;
  const last = series[series.length - 1]!;
  const summary = tDashboard('trendChart.lineChartOfThe', { shortDate: shortDate(first.date), percentText: percentText(first.percent ?? 0), shortDate2: shortDate(last.date), percentText2: percentText(last.percent ?? 0) });
  return (
    <section class="dash-panel" aria-labelledby="dash-trend" data-testid="trend-chart">
      <h2 id="dash-trend">{title}</h2>
      <svg class="chart" viewBox={`0 0 ${FRAME.width} ${FRAME.height}`} role="img" aria-label={summary}>
        {PERCENT_TICKS.map((t) => (
          <g key={t}>
            <line class="grid" x1={FRAME.left} x2={FRAME.width - FRAME.right} y1={yOf(t, 100)} y2={yOf(t, 100)} />
            <text class="axis-label" x={FRAME.left - 8} y={yOf(t, 100) + 4} text-anchor="end">
              {t}%
            </text>
          </g>
        ))}
        {axisLabels(series).map(({ i, anchor }) => (
          <text key={i} class="axis-label" x={xs[i]} y={FRAME.height - FRAME.bottom + 22} text-anchor={anchor}>
            {shortDate(series[i]!.date)}
          </text>
        ))}
        <path class="trend-line" d={linePath(xs, ys)} data-testid="trend-line" />
        {series.map((p, i) =>
          p.percent === null ? null : (
            <circle key={p.at} class="trend-dot" cx={xs[i]} cy={ys[i]!} r="4.5">
              <title>{`${shortDate(p.date)}: ${percentText(p.percent)} (${p.done}/${p.total})`}</title>
            </circle>
          ),
        )}
      </svg>
      <DataTable
        title={title}
        corner={tDashboard('flowChart.date')}
        headers={[tDashboard('trendChart.done'), tDashboard('progressBars.total'), tDashboard('trendChart.percent')]}
        rows={series.map((p) => ({ key: p.at, label: shortDate(p.date), cells: [p.done, p.total, p.percent === null ? '–' : percentText(p.percent)] }))}
      />
    </section>
  );
}
