// Monitoring reports (/reports/2567): the archive of kept reports of the fiscal year, each one
// viewable, printable on A4 and downloadable as CSV (?report=<id>); for administrators, preview
// and send now, recipients and report kinds, and the outgoing email.
import { useEffect } from 'preact/hooks';
import { fiscalYearLabel, pickText } from '../i18n';
import { me } from '../state/session';
import { selectedYear } from '../state/ui';
import { OutboxPanel } from '../components/reports/OutboxPanel';
import { MemoSettingsPanel } from '../components/memo/MemoSettingsPanel';
import { RecipientsPanel } from '../components/reports/RecipientsPanel';
import { ReportAdmin } from '../components/reports/ReportAdmin';
import { ReportArchive } from '../components/reports/ReportArchive';
import { ReportViewer } from '../components/reports/ReportViewer';
import { archive, archiveError, loadArchive, openId, resetReports, startReports } from '../components/reports/model';
import { tReports } from '../messages/reports';
import '../styles/reports.css';

export function ReportsPage() {
  const year = selectedYear.value;
  useEffect(() => {
    startReports();
    return resetReports;
  }, []);
  useEffect(() => {
    if (year !== null) void loadArchive(year);
  }, [year]);

  const reportId = openId.value;
  if (reportId) {
    return (
      <div class="rpt-page" data-testid="reports-page">
        <ReportViewer reportId={reportId} />
      </div>
    );
  }

  const data = archive.value;
  const current = data && data.fiscalYear.beYear === year ? data : null;
  const error = archiveError.value;
  const isAdmin = me.value?.role === 'admin';
  return (
    <div class="rpt-page" data-testid="reports-page">
      <header class="rpt-page-head">
        <h1 class="rpt-h1">
          {tReports('title')}
          {year !== null && <span class="muted"> · {fiscalYearLabel(year)}</span>}
        </h1>
        <p class="muted rpt-help">{tReports('intro')}</p>
      </header>
      {error && !current && (
        <p class="board-problem" role="alert">
          {tReports('error')} {pickText(error.messageTh, error.messageEn)}
        </p>
      )}
      {!current && !error && (
        <p class="board-message" aria-busy="true">
          {tReports('loading')}
        </p>
      )}
      {current && <ReportArchive reports={current.reports} />}
      {current && isAdmin && year !== null && (
        <>
          <ReportAdmin beYear={year} periods={current.periods} />
          <RecipientsPanel />
          <MemoSettingsPanel />
          <OutboxPanel />
        </>
      )}
    </div>
  );
}
