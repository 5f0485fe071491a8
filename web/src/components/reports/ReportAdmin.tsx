// Administrators: the fiscal year's report schedule (a cadence per audience, changed from the
// next period), preview a report (compiled, not kept) and keep-and-send it now. The period is
// one of the fiscal year's that have started under its schedule; only ended ones can be sent.
import { useState } from 'preact/hooks';
import type { MeetingReportKind, PeriodChoice, ScheduleAudienceView } from '../../../../worker/domain/report-types';
import { call, clients } from '../../api';
import { pushApiError, pushNotice } from '../../state/notices';
import { day, periodLabel } from './format';
import { archive, busy, loadArchive, preview, runPreview, runSend } from './model';
import { ReportDocument } from './ReportDocument';
import { tReports } from '../../messages/reports';

const CADENCES = ['twice-monthly', 'monthly', 'quarterly', 'half-yearly'] as const;
type Cadence = (typeof CADENCES)[number];

/** A button of the page's forms (secondary unless `primary`). */
function Action({ testId, primary, disabled, onClick, children }: { testId: string; primary?: boolean; disabled: boolean; onClick: () => void; children: string }) {
  return (
    <button type="button" class={`button ${primary ? 'button-primary' : 'button-secondary'}`} data-testid={testId} disabled={disabled} onClick={onClick}>
      {children}
    </button>
  );
}

function ScheduleRow({ beYear, row, readOnly }: { beYear: number; row: ScheduleAudienceView; readOnly: boolean }) {
  const [chosen, setChosen] = useState<Cadence>(row.pending?.cadence ?? row.cadence);
  const [saving, setSaving] = useState(false);
  const changed = chosen !== (row.pending?.cadence ?? row.cadence);
  async function save() {
    setSaving(true);
    const r = await call(() => clients.reports.schedule.$put({ json: { beYear, audience: row.audience, cadence: chosen } }));
    setSaving(false);
    if (!r.ok) return void pushApiError(r.error);
    const date = r.data.effectiveFrom;
    pushNotice('info', tReports.both('scheduleSaved', { date }));
    await loadArchive(beYear);
  }
  return (
    <div data-testid={`schedule-${row.audience}`}>
      <div class="rpt-form">
        <label class="rpt-field">
          <span>{tReports(`kind.${row.audience}`)}</span>
          <select
            class="select"
            data-testid={`schedule-${row.audience}-select`}
            value={chosen}
            disabled={readOnly || saving}
            onChange={(e) => setChosen(e.currentTarget.value as Cadence)}
          >
            {CADENCES.map((c) => (
              <option key={c} value={c}>
                {tReports(`cadence.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <div class="rpt-actions">
          <Action testId={`schedule-${row.audience}-save`} disabled={readOnly || saving || !changed} onClick={() => void save()}>
            {tReports('scheduleSave')}
          </Action>
        </div>
      </div>
      <p class="muted rpt-help" data-testid={`schedule-${row.audience}-state`}>
        {row.pending
          ? tReports('schedulePending', { cadence: tReports(`cadence.${row.pending.cadence}`), date: day(row.pending.effectiveFrom) })
          : !row.stored
            ? tReports('scheduleDefault')
            : ''}
      </p>
    </div>
  );
}

/** Each audience's cadence in this fiscal year; a change applies from the next period. */
function ScheduleControl({ beYear }: { beYear: number }) {
  const current = archive.value;
  if (!current?.schedule || current.fiscalYear.beYear !== beYear) return null;
  const readOnly = current.fiscalYear.archived === true;
  return (
    <section class="rpt-admin no-print" data-testid="report-schedule" aria-labelledby="rpt-schedule-title">
      <h2 id="rpt-schedule-title" class="rpt-h2">
        {tReports('scheduleTitle')}
      </h2>
      <p class="muted rpt-help">{readOnly ? tReports('scheduleArchived') : tReports('scheduleIntro')}</p>
      {current.schedule.map((row) => (
        <ScheduleRow key={`${beYear}-${row.audience}-${row.cadence}-${row.pending?.cadence ?? ''}`} beYear={beYear} row={row} readOnly={readOnly} />
      ))}
    </section>
  );
}

export function ReportAdmin({ beYear, periods }: { beYear: number; periods: Record<MeetingReportKind, PeriodChoice[]> }) {
  const [kind, setKind] = useState<MeetingReportKind>('executive');
  const [periodKey, setPeriodKey] = useState('');
  const choices = periods[kind];
  const chosen = choices.find((p) => p.key === periodKey);
  const latestEnded = choices.find((p) => p.ended);
  const target = chosen ?? latestEnded;
  // An archived year is read-only: its reports can be previewed, not kept or sent.
  const archived = archive.value?.fiscalYear.archived === true;
  const canSend = target !== undefined && target.ended && busy.value === null && !archived;
  const shown = preview.value;

  return (
    <>
    <ScheduleControl beYear={beYear} />
    <section class="rpt-admin no-print" data-testid="report-admin" aria-labelledby="rpt-admin-title">
      <h2 id="rpt-admin-title" class="rpt-h2">
        {tReports('previewTitle')}
      </h2>
      <div class="rpt-form">
        <label class="rpt-field">
          <span>{tReports('previewKind')}</span>
          <select
            class="select"
            data-testid="report-kind-select"
            value={kind}
            onChange={(e) => {
              setKind(e.currentTarget.value as MeetingReportKind);
              setPeriodKey('');
            }}
          >
            <option value="executive">{tReports('kind.executive')}</option>
            <option value="staff">{tReports('kind.staff')}</option>
          </select>
        </label>
        <label class="rpt-field">
          <span>{tReports('previewPeriod')}</span>
          <select class="select" data-testid="report-period-select" value={periodKey} onChange={(e) => setPeriodKey(e.currentTarget.value)}>
            <option value="">
              {tReports('latestEnded')}
              {latestEnded ? ` (${periodLabel(latestEnded)})` : ''}
            </option>
            {choices.map((p) => (
              <option key={p.key} value={p.key}>
                {p.ended ? periodLabel(p) : tReports('notEnded', { period: periodLabel(p) })}
              </option>
            ))}
          </select>
        </label>
        <div class="rpt-actions">
          <Action testId="report-preview-button" disabled={busy.value !== null} onClick={() => void runPreview(beYear, kind, periodKey || undefined)}>
            {tReports('previewRun')}
          </Action>
          <Action
            testId="report-send-button"
            primary
            disabled={!canSend}
            onClick={() => {
              if (!target || !confirm(tReports('sendConfirm', { period: periodLabel(target) }))) return;
              void runSend(beYear, kind, periodKey || undefined);
            }}
          >
            {tReports('sendRun')}
          </Action>
        </div>
      </div>
      {shown && (
        <div class="rpt-preview" data-testid="report-preview">
          <button type="button" class="button button-link" onClick={() => (preview.value = null)}>
            {tReports('previewClose')}
          </button>
          <ReportDocument content={shown} preview />
        </div>
      )}
    </section>
    </>
  );
}
