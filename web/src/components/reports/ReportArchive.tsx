// The kept reports of the fiscal year, one list per meeting, newest first. Each is a real link
// (/reports/2567?report=<id>): it opens in a new tab too; a plain click stays in the app.
import type { MeetingReportKind, ReportSummary } from '../../../../worker/domain/report-types';
import { selectedYear } from '../../state/ui';
import { pct, periodLabel, when } from './format';
import { openReport } from './model';
import { tReports } from '../../messages/reports';

const KINDS: MeetingReportKind[] = ['executive', 'staff'];

const asPeriod = (r: ReportSummary) => {
  const bangkokDay = (ms: number) => new Date(ms + 7 * 3600_000).toISOString().slice(0, 10);
  return { kind: r.kind, key: r.periodKey, firstDay: bangkokDay(r.periodStart), lastDay: bangkokDay(r.periodEnd - 1) };
};

export function ReportArchive({ reports }: { reports: ReportSummary[] }) {
  return (
    <section class="rpt-archive" data-testid="report-archive" aria-labelledby="rpt-archive-title">
      <h2 id="rpt-archive-title" class="rpt-h2">
        {tReports('archive')}
      </h2>
      {reports.length === 0 && <p class="muted">{tReports('none')}</p>}
      <div class="rpt-archive-kinds">
        {KINDS.map((kind) => {
          const list = reports.filter((r) => r.kind === kind);
          if (list.length === 0) return null;
          return (
            <div class="rpt-archive-kind" key={kind}>
              <h3>{tReports(`kind.${kind}`)}</h3>
              <ul class="rpt-archive-list">
                {list.map((r) => {
                  const period = periodLabel(asPeriod(r));
                  return (
                    <li key={r.id}>
                      <a
                        href={`/reports/${selectedYear.value ?? ''}?report=${encodeURIComponent(r.id)}`}
                        class="rpt-archive-link"
                        data-testid="report-link"
                        data-period={r.periodKey}
                        onClick={(e) => {
                          if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
                          e.preventDefault();
                          openReport(r.id);
                        }}
                      >
                        <span class="rpt-archive-period">{period}</span>
                        <span class="rpt-archive-meta">
                          {tReports('done', { percent: pct(r.totals.percent) })} · {tReports('compiledAt', { when: when(r.createdAt) })}
                        </span>
                      </a>
                    </li>
                  );
                })}
              </ul>
            </div>
          );
        })}
      </div>
    </section>
  );
}
