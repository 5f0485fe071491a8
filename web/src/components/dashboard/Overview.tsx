// The dashboard's overview: headline figures, progress per measure and per group, the trend,
// the cumulative flow and the overdue steps.
import type { DashboardView } from '../../../../worker/domain/views';
import { pickText } from '../../i18n';
import { FlowChart } from './FlowChart';
import { OverdueList } from './OverdueList';
import { ProgressBars, type BarRow } from './ProgressBars';
import { TrendChart } from './TrendChart';
import { percentText, shortDate } from './format';
import { tDashboard } from '../../messages/dashboard';

export function Overview({ data }: { data: DashboardView }) {
  const measureRows: BarRow[] = data.measures.map((m) => ({
    ...m,
    key: m.measureId,
    label: tDashboard('overview.measureNumberTitle', { number: m.number, title: m.title }),
  }));
  const groupRows: BarRow[] = data.groupProgress.map((g) => ({
    ...g,
    key: g.groupId,
    label: pickText(g.nameTh, g.nameEn),
    note: tDashboard('overview.leadsLedOfTotal', { led: g.led, total: g.total }),
  }));
  return (
    <>
      <dl class="dash-figures" data-testid="dash-figures">
        <div>
          <dt>{tDashboard('overview.overallProgress')}</dt>
          <dd class="figure-big" data-testid="overall-percent">
            {percentText(data.overall.percent)}
          </dd>
          <dd class="muted">{tDashboard('overview.doneOfTotalSteps', { done: data.overall.done, total: data.overall.total })}</dd>
        </div>
        <div>
          <dt>{tDashboard('overview.inProgress')}</dt>
          <dd class="figure-big">{data.overall.byCategory.doing + data.overall.byCategory.review}</dd>
          <dd class="muted">{tDashboard('overview.reviewAwaitingReport', { review: data.overall.byCategory.review })}</dd>
        </div>
        <div>
          <dt>{tDashboard('overview.overdue')}</dt>
          <dd class={`figure-big${data.overdue.length > 0 ? ' late' : ''}`}>{data.overdue.length}</dd>
          <dd class="muted">{tDashboard('overview.asOfShortdate', { shortDate: shortDate(data.today) })}</dd>
        </div>
      </dl>
      <div class="dash-grid">
        <ProgressBars id="dash-measures" testId="measure-progress" title={tDashboard('overview.progressByMeasure')} rows={measureRows} />
        <ProgressBars id="dash-groups" testId="group-progress" title={tDashboard('overview.progressByGroup')} rows={groupRows} />
        <TrendChart series={data.series} />
        <FlowChart series={data.series} columns={data.columns} />
      </div>
      <OverdueList data={data} />
    </>
  );
}
