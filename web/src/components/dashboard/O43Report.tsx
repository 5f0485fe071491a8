// The progress report published as evidence for OIT item O43 ("การดำเนินการตามมาตรการส่งเสริม
// คุณธรรมและความโปร่งใสภายในหน่วยงาน"): choose a period, read it on screen, print it on A4 in the
// layout of a Thai official report (office, title, period in Buddhist Era, a table per measure
// with each step's status and evidence, and a signature block).
import { useEffect, useState } from 'preact/hooks';
import type { FiscalYearView } from '../../../../worker/domain/contracts';
import type { O43ReportView } from '../../../../worker/domain/views';
import type { ApiError } from '../../api';
import { pickText } from '../../i18n';
import { dashboardApi } from './api';
import { DocEvidence } from './DocEvidence';
import { digits, formatLongDate, isoDateOf, percentText } from './format';
import { Feedback } from '../Feedback';
import { BeDateInput } from '../dates/BeDateInput';
import { MemoFrame } from '../memo/Memo';
import { tDashboard } from '../../messages/dashboard';

/**
 * The year's own range for a year that is over (the report of 2567 ends on 30 Sep 2567, whatever
 * happened on the board later); from the year's start to today while the year runs.
 */
export function defaultPeriod(fy: Pick<FiscalYearView, 'startsOn' | 'endsOn'>, today: string): { from: string; to: string } {
  if (today > fy.endsOn) return { from: fy.startsOn, to: fy.endsOn };
  return { from: fy.startsOn, to: today < fy.startsOn ? fy.startsOn : today };
}

/** BE years a period may be chosen in: the year before the fiscal year up to this year. */
function periodYears(fy: FiscalYearView, today: string): number[] {
  const last = Math.max(fy.beYear, Number(today.slice(0, 4)) + 543);
  return Array.from({ length: last - fy.beYear + 2 }, (_, i) => fy.beYear - 1 + i);
}

/** The six-month round (1 Oct – 31 Mar) the OIT asks for, and the whole year. */
function presets(fy: FiscalYearView) {
  const endYear = Number(fy.endsOn.slice(0, 4));
  return [
    { key: 'half', label: tDashboard('o43Report.sixMonthsOctMar'), from: fy.startsOn, to: `${endYear}-03-31` },
    { key: 'year', label: tDashboard('o43Report.wholeFiscalYear'), from: fy.startsOn, to: fy.endsOn },
  ];
}

export function O43Report({ fiscalYear }: { fiscalYear: FiscalYearView }) {
  const today = isoDateOf(Date.now());
  const [period, setPeriod] = useState(() => defaultPeriod(fiscalYear, today));
  const [incomplete, setIncomplete] = useState<{ from: boolean; to: boolean }>({ from: false, to: false });
  const [report, setReport] = useState<O43ReportView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function load(from = period.from, to = period.to) {
    setBusy(true);
    const r = await dashboardApi.o43(fiscalYear.beYear, from, to);
    setBusy(false);
    if (r.ok) {
      setReport(r.data);
      setError(null);
    } else setError(r.error);
  }

  useEffect(() => {
    const p = defaultPeriod(fiscalYear, isoDateOf(Date.now()));
    setPeriod(p);
    setIncomplete({ from: false, to: false });
    void load(p.from, p.to);
  }, [fiscalYear.beYear]);

  return (
    <div class="o43" data-testid="o43">
      <form
        class="o43-form no-print"
        onSubmit={(e) => {
          e.preventDefault();
          void load();
        }}
      >
        {(['from', 'to'] as const).map((end) => (
          <BeDateInput
            key={end}
            id={`o43-${end}`}
            testId={`o43-${end}`}
            legend={end === 'from' ? tDashboard('o43Report.from') : tDashboard('o43Report.to')}
            value={period[end]}
            years={periodYears(fiscalYear, today)}
            required
            onChange={(r) => {
              setIncomplete((was) => ({ ...was, [end]: !r.ok || r.iso === null }));
              if (r.ok && r.iso) setPeriod((was) => ({ ...was, [end]: r.iso! }));
            }}
          />
        ))}
        <div class="o43-actions">
          {presets(fiscalYear).map((p) => (
            <button
              key={p.key}
              type="button"
              class="button button-ghost"
              onClick={() => {
                setPeriod({ from: p.from, to: p.to });
                setIncomplete({ from: false, to: false });
                void load(p.from, p.to);
              }}
            >
              {p.label}
            </button>
          ))}
          <button type="submit" class="button button-primary" disabled={busy || incomplete.from || incomplete.to} data-testid="o43-load">
            {tDashboard('o43Report.compileReport')}
          </button>
          <button type="button" class="button button-secondary" disabled={!report} onClick={() => window.print()} data-testid="o43-print">
            {tDashboard('o43Report.printA4')}
          </button>
        </div>
      </form>
      <Feedback error={error} />
      {report && <O43Document report={report} />}
    </div>
  );
}

function O43Document({ report }: { report: O43ReportView }) {
  const th = report.office.thaiDigits;
  const n = (v: number | string) => digits(v, th);
  const columns = new Map(report.columns.map((c) => [c.id, c]));
  const groups = new Map(report.groups.map((g) => [g.id, g]));
  const s = report.summary;
  const subject = tDashboard('o43Report.reportOnTheMeasures', { beYear: report.fiscalYear.beYear });
  return (
    <MemoFrame subject={subject} date={isoDateOf(Date.now())}>
      <article class="o43-document print-document" data-testid="o43-document" aria-label={tDashboard('o43Report.progressReportO43')}>
        <header class="doc-head">
          <p class="doc-office">{pickText(report.office.nameTh, report.office.nameEn || report.office.nameTh)}</p>
          <h1 class="doc-title">
            {tDashboard('o43Report.reportOnTheMeasures2')}
          </h1>
          <p>{tDashboard('o43Report.fiscalYear', { beYear: n(report.fiscalYear.beYear) })}</p>
          <p data-testid="o43-period">
            {tDashboard('o43Report.period', { from: formatLongDate(report.from, th), to: formatLongDate(report.to, th) })}
          </p>
        </header>
        <p class="doc-summary">
          {tDashboard('o43Report.summary', {
            total: n(s.total),
            doneAtEnd: n(s.doneAtEnd),
            // Thai digits (when set) apply to Thai only; the English template adds the % itself.
            percent: percentText(s.percentAtEnd, th).replace('%', ''),
            completedInPeriod: n(s.completedInPeriod),
            evidenceInPeriod: n(s.evidenceInPeriod),
          })}
        </p>
        {report.measures.map((m) => {
          const lead = m.leadGroupId ? groups.get(m.leadGroupId) : undefined;
          return (
            <section key={m.number} class="doc-measure" data-testid="o43-measure">
              <h2>
                {tDashboard('o43Report.measure', { number: n(m.number), title: m.title })}
              </h2>
              <p class="doc-responsible">
                {tDashboard('o43Report.responsible')}
                {lead ? pickText(lead.nameTh, lead.nameEn || lead.nameTh) : '–'}
                {m.allGroups ? tDashboard('o43Report.andAllGroups') : ''}
                {' · '}
                {tDashboard('o43Report.stepsDone', { done: n(m.done), total: n(m.total) })}
              </p>
              <table class="doc-table">
                <thead>
                  <tr>
                    <th scope="col" class="col-no">{tDashboard('o43Report.step')}</th>
                    <th scope="col">{tDashboard('o43Report.stepMethod')}</th>
                    <th scope="col" class="col-status">{tDashboard('o43Report.status')}</th>
                    <th scope="col" class="col-evidence">{tDashboard('o43Report.evidencePublication')}</th>
                  </tr>
                </thead>
                <tbody>
                  {m.steps.map((step) => {
                    const column = step.columnId ? columns.get(step.columnId) : undefined;
                    return (
                      <tr key={step.stepNumber}>
                        <td class="col-no" data-label={tDashboard('o43Report.step')}>
                          {n(step.stepNumber)}
                        </td>
                        <td class="col-title">{step.title}</td>
                        <td class="col-status" data-label={tDashboard('o43Report.status')}>
                          {column ? pickText(column.labelTh, column.labelEn) : tDashboard('o43Report.notYetOnThe')}
                          {step.movedInPeriod && <span class="doc-changed">{tDashboard('o43Report.progressedThisPeriod')}</span>}
                        </td>
                        <td class="col-evidence" data-label={tDashboard('o43Report.evidencePublication')}>
                          <DocEvidence evidence={step.evidence} print />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </section>
          );
        })}
        <footer class="doc-signatures">
          {[tDashboard('o43Report.reportedBy'), tDashboard('o43Report.approvedBy')].map((role) => (
            <div key={role} class="doc-signature">
              <p>{tDashboard('o43Report.signed')}............................................{role}</p>
              <p>(............................................)</p>
              <p>{tDashboard('o43Report.position')}............................................</p>
              <p>{tDashboard('flowChart.date')}........../........../..........</p>
            </div>
          ))}
        </footer>
      </article>
    </MemoFrame>
  );
}
