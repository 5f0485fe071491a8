// Steps past their due date and not complete, oldest first.
import type { DashboardView } from '../../../../worker/domain/views';
import { pickText } from '../../i18n';
import { shortDate } from './format';
import { tDashboard } from '../../messages/dashboard';

export function OverdueList({ data }: { data: DashboardView }) {
  const columns = new Map(data.columns.map((c) => [c.id, c]));
  const groups = new Map(data.groups.map((g) => [g.id, g]));
  const title = tDashboard('overdueList.overdueSteps');
  return (
    <section class="dash-panel dash-overdue" aria-labelledby="dash-overdue" data-testid="overdue-list">
      <h2 id="dash-overdue">
        {title} <span class="count-badge">{data.overdue.length}</span>
      </h2>
      {data.overdue.length === 0 ? (
        <p class="muted">{tDashboard('overdueList.nothingIsOverdue')}</p>
      ) : (
        <div class="table-scroll">
          <table class="dash-table">
            <caption class="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{tDashboard('overdueList.measureStep')}</th>
                <th scope="col">{tDashboard('overdueList.step')}</th>
                <th scope="col">{tDashboard('overdueList.responsible')}</th>
                <th scope="col">{tDashboard('overdueList.status')}</th>
                <th scope="col">{tDashboard('overdueList.due')}</th>
                <th scope="col">{tDashboard('overdueList.lateBy')}</th>
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
                    <td>{group ? pickText(group.nameTh, group.nameEn) : '–'}</td>
                    <td>{column ? pickText(column.labelTh, column.labelEn) : '–'}</td>
                    <td class="nowrap">{shortDate(o.dueOn)}</td>
                    <td class="nowrap late">{tDashboard('overdueList.daysoverdueDays', { daysOverdue: o.daysOverdue })}</td>
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
