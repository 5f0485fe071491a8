// Steps past their due date and not complete, oldest first.
import type { DashboardView } from '../../../../worker/domain/views';
import { local } from '../../i18n';
import { shortDate } from './format';

export function OverdueList({ data }: { data: DashboardView }) {
  const columns = new Map(data.columns.map((c) => [c.id, c]));
  const groups = new Map(data.groups.map((g) => [g.id, g]));
  const title = local('งานที่เลยกำหนด', 'Overdue steps');
  return (
    <section class="dash-panel dash-overdue" aria-labelledby="dash-overdue" data-testid="overdue-list">
      <h2 id="dash-overdue">
        {title} <span class="count-badge">{data.overdue.length}</span>
      </h2>
      {data.overdue.length === 0 ? (
        <p class="muted">{local('ไม่มีงานที่เลยกำหนด', 'Nothing is overdue')}</p>
      ) : (
        <div class="table-scroll">
          <table class="dash-table">
            <caption class="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{local('มาตรการ/ขั้นตอน', 'Measure/step')}</th>
                <th scope="col">{local('ขั้นตอน', 'Step')}</th>
                <th scope="col">{local('ผู้รับผิดชอบ', 'Responsible')}</th>
                <th scope="col">{local('สถานะ', 'Status')}</th>
                <th scope="col">{local('กำหนด', 'Due')}</th>
                <th scope="col">{local('เลยกำหนด', 'Late by')}</th>
              </tr>
            </thead>
            <tbody>
              {data.overdue.map((o) => {
                const column = columns.get(o.columnId);
                const group = o.leadGroupId ? groups.get(o.leadGroupId) : undefined;
                return (
                  <tr key={o.cardId} data-testid="overdue-row">
                    <td class="nowrap">
                      {o.measureNumber ?? '–'}.{o.stepNumber}
                    </td>
                    <td>{o.title}</td>
                    <td>{group ? local(group.nameTh, group.nameEn) : '–'}</td>
                    <td>{column ? local(column.labelTh, column.labelEn) : '–'}</td>
                    <td class="nowrap">{shortDate(o.dueOn)}</td>
                    <td class="nowrap late">{local(`${o.daysOverdue} วัน`, `${o.daysOverdue} days`)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
