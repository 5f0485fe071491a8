// The executives' dashboard (/dashboard/2567): progress per measure and per group, the trend and
// the cumulative flow, overdue steps, and the O43 progress report (?view=o43). Every member of
// the office may read it; one API call brings everything.
import { useEffect } from 'preact/hooks';
import { fiscalYearLabel, pickText } from '../i18n';
import { selectedYear } from '../state/ui';
import { O43Report } from '../components/dashboard/O43Report';
import { Overview } from '../components/dashboard/Overview';
import { dashboard, dashboardError, dashboardLoading, largeType, loadDashboard, showTab, tab, tabFromLocation, type DashboardTab } from '../components/dashboard/model';
import '../components/dashboard/dashboard.css';
import '../components/dashboard/print.css';
import { tDashboard, type DashboardLabel } from '../messages/dashboard';

const TABS: { id: DashboardTab; label: DashboardLabel }[] = [
  { id: 'overview', label: 'page.tab.overview' },
  { id: 'o43', label: 'page.tab.o43' },
];

export function DashboardPage() {
  const year = selectedYear.value;
  useEffect(() => {
    if (year !== null) void loadDashboard(year);
  }, [year]);
  // Arriving from another page, the address (not the last visit) says which view to show.
  useEffect(() => {
    tab.value = tabFromLocation();
  }, []);

  const data = dashboard.value;
  const error = dashboardError.value;
  const current = data && data.fiscalYear.beYear === year ? data : null;
  return (
    <div class={`page-column dashboard${largeType.value ? ' dashboard-large' : ''}`} data-testid="dashboard">
      <div class="dash-top no-print">
        <h1 class="dash-title">
          {tDashboard('page.dashboard')}
          {year !== null && <span class="muted"> · {fiscalYearLabel(year)}</span>}
        </h1>
        <div class="dash-tabs" role="tablist" aria-label={tDashboard('page.views')}>
          {TABS.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              class="dash-tab"
              aria-selected={tab.value === t.id}
              data-testid={`dash-tab-${t.id}`}
              onClick={() => showTab(t.id)}
            >
              {tDashboard(t.label)}
            </button>
          ))}
        </div>
        <button
          type="button"
          class="button button-ghost"
          aria-pressed={largeType.value}
          data-testid="large-type"
          onClick={() => (largeType.value = !largeType.value)}
        >
          {tDashboard('page.largeTypeMeetingScreen')}
        </button>
      </div>
      {error && !current && (
        <div class="board-problem" role="alert">
          <p>{pickText(error.messageTh, error.messageEn)}</p>
          {year !== null && (
            <button type="button" class="button button-secondary" onClick={() => void loadDashboard(year)}>
              {tDashboard('page.tryAgain')}
            </button>
          )}
        </div>
      )}
      {!current && !error && (
        <p class="board-message" aria-busy="true">
          {tDashboard('page.loadingTheDashboard')}
        </p>
      )}
      {current && (
        <div role="tabpanel" aria-busy={dashboardLoading.value}>
          {tab.value === 'overview' ? <Overview data={current} /> : <O43Report fiscalYear={current.fiscalYear} />}
        </div>
      )}
    </div>
  );
}
