// Administrators: preview a report (compiled, not kept) and keep-and-send it now. The period is
// one of the fiscal year's that have started; only ended periods can be kept and sent.
import { useState } from 'preact/hooks';
import type { MeetingReportKind, PeriodChoice } from '../../../../worker/domain/report-types';
import { periodLabel } from './format';
import { busy, preview, runPreview, runSend } from './model';
import { ReportDocument } from './ReportDocument';
import { rt } from './strings';

export function ReportAdmin({ beYear, periods }: { beYear: number; periods: Record<MeetingReportKind, PeriodChoice[]> }) {
  const [kind, setKind] = useState<MeetingReportKind>('executive');
  const [periodKey, setPeriodKey] = useState('');
  const choices = periods[kind];
  const chosen = choices.find((p) => p.key === periodKey);
  const latestEnded = choices.find((p) => p.ended);
  const target = chosen ?? latestEnded;
  const canSend = target !== undefined && target.ended && busy.value === null;
  const shown = preview.value;

  return (
    <section class="rpt-admin no-print" data-testid="report-admin" aria-labelledby="rpt-admin-title">
      <h2 id="rpt-admin-title" class="rpt-h2">
        {rt('previewTitle')}
      </h2>
      <div class="rpt-form">
        <label class="rpt-field">
          <span>{rt('previewKind')}</span>
          <select
            class="select"
            data-testid="report-kind-select"
            value={kind}
            onChange={(e) => {
              setKind(e.currentTarget.value as MeetingReportKind);
              setPeriodKey('');
            }}
          >
            <option value="executive">{rt('kind.executive')}</option>
            <option value="staff">{rt('kind.staff')}</option>
          </select>
        </label>
        <label class="rpt-field">
          <span>{rt('previewPeriod')}</span>
          <select class="select" data-testid="report-period-select" value={periodKey} onChange={(e) => setPeriodKey(e.currentTarget.value)}>
            <option value="">
              {rt('latestEnded')}
              {latestEnded ? ` (${periodLabel(latestEnded)})` : ''}
            </option>
            {choices.map((p) => (
              <option key={p.key} value={p.key}>
                {p.ended ? periodLabel(p) : rt('notEnded', { period: periodLabel(p) })}
              </option>
            ))}
          </select>
        </label>
        <div class="rpt-actions">
          <button
            type="button"
            class="button button-secondary"
            data-testid="report-preview-button"
            disabled={busy.value !== null}
            onClick={() => void runPreview(beYear, kind, periodKey || undefined)}
          >
            {rt('previewRun')}
          </button>
          <button
            type="button"
            class="button button-primary"
            data-testid="report-send-button"
            disabled={!canSend}
            onClick={() => {
              if (!target || !confirm(rt('sendConfirm', { period: periodLabel(target) }))) return;
              void runSend(beYear, kind, periodKey || undefined);
            }}
          >
            {rt('sendRun')}
          </button>
        </div>
      </div>
      {shown && (
        <div class="rpt-preview" data-testid="report-preview">
          <button type="button" class="button button-link" onClick={() => (preview.value = null)}>
            {rt('previewClose')}
          </button>
          <ReportDocument content={shown} preview />
        </div>
      )}
    </section>
  );
}
