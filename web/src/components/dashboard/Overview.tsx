// The dashboard's overview: headline figures, progress per measure and per group, the trend,
// the cumulative flow and the overdue steps.
import type { DashboardView } from '../../../../worker/domain/views';
import { local } from '../../i18n';
import { FlowChart } from './FlowChart';
import { OverdueList } from './OverdueList';
import { ProgressBars, type BarRow } from './ProgressBars';
import { TrendChart } from './TrendChart';
import { percentText, shortDate } from './format';

export function Overview({ data }: { data: DashboardView }) {
  const measureRows: BarRow[] = data.measures.map((m) => ({
    ...m,
    key: m.measureId,
    label: local(`มาตรการที่ ${m.number} ${m.title}`, `Measure ${m.number}: ${m.title}`),
  }));
  const groupRows: BarRow[] = data.groupProgress.map((g) => ({
    ...g,
    key: g.groupId,
    label: local(g.nameTh, g.nameEn),
    note: local(`รับผิดชอบหลัก ${g.led} จาก ${g.total} ขั้นตอน`, `leads ${g.led} of ${g.total} steps`),
  }));
  return (
    <>
      <dl class="dash-figures" data-testid="dash-figures">
        <div>
          <dt>{local('ความก้าวหน้ารวม', 'Overall progress')}</dt>
          <dd class="figure-big" data-testid="overall-percent">
            {percentText(data.overall.percent)}
          </dd>
          <dd class="muted">{local(`เสร็จสิ้น ${data.overall.done} จาก ${data.overall.total} ขั้นตอน`, `${data.overall.done} of ${data.overall.total} steps done`)}</dd>
        </div>
        <div>
          <dt>{local('กำลังดำเนินการ', 'In progress')}</dt>
          <dd class="figure-big">{data.overall.byCategory.doing + data.overall.byCategory.review}</dd>
          <dd class="muted">{local(`รอรายงานผล ${data.overall.byCategory.review}`, `${data.overall.byCategory.review} awaiting report`)}</dd>
        </div>
        <div>
          <dt>{local('เลยกำหนด', 'Overdue')}</dt>
          <dd class={`figure-big${data.overdue.length > 0 ? ' late' : ''}`}>{data.overdue.length}</dd>
          <dd class="muted">{local(`ข้อมูล ณ ${shortDate(data.today)}`, `as of ${shortDate(data.today)}`)}</dd>
        </div>
      </dl>
      <div class="dash-grid">
        <ProgressBars id="dash-measures" testId="measure-progress" title={local('ความก้าวหน้ารายมาตรการ', 'Progress by measure')} rows={measureRows} />
        <ProgressBars id="dash-groups" testId="group-progress" title={local('ความก้าวหน้ารายกลุ่มงาน', 'Progress by group')} rows={groupRows} />
        <TrendChart series={data.series} />
        <FlowChart series={data.series} columns={data.columns} />
      </div>
      <OverdueList data={data} />
    </>
  );
}
