// A kept report opened from the archive: back, print (A4, see styles/reports.css) and the CSV.
import { useEffect } from 'preact/hooks';
import { pickText } from '../../i18n';
import { reportsApi } from './api';
import { closeReport, loadOpened, opened, openedError } from './model';
import { ReportDocument } from './ReportDocument';
import { tReports } from '../../messages/reports';

export function ReportViewer({ reportId }: { reportId: string }) {
  useEffect(() => {
    void loadOpened(reportId);
  }, [reportId]);
  const report = opened.value?.id === reportId ? opened.value : null;
  const error = openedError.value;
  return (
    <div class="rpt-viewer">
      <div class="rpt-toolbar no-print">
        <button type="button" class="button button-ghost" data-testid="report-back" onClick={closeReport}>
          {tReports('back')}
        </button>
        <button type="button" class="button button-secondary" data-testid="report-print" disabled={!report} onClick={() => print()}>
          {tReports('print')}
        </button>
        <a class="button button-secondary" data-testid="report-csv" href={reportsApi.csvUrl(reportId)} download>
          {tReports('csv')}
        </a>
      </div>
      {report ? (
        <ReportDocument content={report.content} />
      ) : error ? (
        <p class="board-problem" role="alert">
          {tReports('error')} {pickText(error.messageTh, error.messageEn)}
        </p>
      ) : (
        <p class="board-message" aria-busy="true">
          {tReports('loading')}
        </p>
      )}
    </div>
  );
}
