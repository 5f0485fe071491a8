// The progress report published as evidence for OIT item O43 ("การดำเนินการตามมาตรการส่งเสริม
// คุณธรรมและความโปร่งใสภายในหน่วยงาน"): choose a period, read it on screen, print it on A4 in the
// layout of a Thai official report (office, title, period in Buddhist Era, a table per measure
// with each step's status and evidence, and a signature block).
import { useEffect, useState } from 'preact/hooks';
import type { FiscalYearView } from '../../../../worker/domain/contracts';
import type { O43ReportView } from '../../../../worker/domain/views';
import type { ApiError } from '../../api';
import { local } from '../../i18n';
import { dashboardApi } from './api';
import { DocEvidence } from './DocEvidence';
import { digits, formatLongDate, isoDateOf, percentText } from './format';
import { Feedback } from '../Feedback';
import { BeDateInput } from '../dates/BeDateInput';
import { MemoFrame } from '../memo/Memo';

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
    { key: 'half', label: local('รอบ 6 เดือน (ต.ค.–มี.ค.)', 'Six months (Oct–Mar)'), from: fy.startsOn, to: `${endYear}-03-31` },
    { key: 'year', label: local('ทั้งปีงบประมาณ', 'Whole fiscal year'), from: fy.startsOn, to: fy.endsOn },
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
            legend={end === 'from' ? local('ตั้งแต่วันที่', 'From') : local('ถึงวันที่', 'To')}
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
            {local('สร้างรายงาน', 'Compile report')}
          </button>
          <button type="button" class="button button-secondary" disabled={!report} onClick={() => window.print()} data-testid="o43-print">
            {local('พิมพ์ (A4)', 'Print (A4)')}
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
  const subject = local(
    `รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ${report.fiscalYear.beYear}`,
    `Report on the measures to promote integrity and transparency, fiscal year ${report.fiscalYear.beYear} BE`,
  );
  return (
    <MemoFrame subject={subject} date={isoDateOf(Date.now())}>
      <article class="o43-document print-document" data-testid="o43-document" aria-label={local('รายงานผลการดำเนินการ (O43)', 'Progress report (O43)')}>
        <header class="doc-head">
          <p class="doc-office">{local(report.office.nameTh, report.office.nameEn || report.office.nameTh)}</p>
          <h1 class="doc-title">
            {local(
              'รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน',
              'Report on the measures to promote integrity and transparency within the agency',
            )}
          </h1>
          <p>{local(`ประจำปีงบประมาณ พ.ศ. ${n(report.fiscalYear.beYear)}`, `Fiscal year ${report.fiscalYear.beYear} BE`)}</p>
          <p data-testid="o43-period">
            {local(
              `ระหว่างวันที่ ${formatLongDate(report.from, th)} ถึงวันที่ ${formatLongDate(report.to, th)}`,
              `From ${formatLongDate(report.from)} to ${formatLongDate(report.to)}`,
            )}
          </p>
        </header>
        <p class="doc-summary">
          {local(
            `ณ วันสิ้นสุดรอบรายงาน มีขั้นตอนตามมาตรการทั้งหมด ${n(s.total)} ขั้นตอน ดำเนินการแล้วเสร็จ ${n(s.doneAtEnd)} ขั้นตอน คิดเป็นร้อยละ ${percentText(s.percentAtEnd, th).replace('%', '')} โดยแล้วเสร็จในรอบรายงานนี้ ${n(s.completedInPeriod)} ขั้นตอน และเผยแพร่หลักฐานเพิ่ม ${n(s.evidenceInPeriod)} รายการ`,
            `At the end of the period, ${s.doneAtEnd} of ${s.total} steps were complete (${percentText(s.percentAtEnd)}); ${s.completedInPeriod} were completed during the period and ${s.evidenceInPeriod} evidence links were published.`,
          )}
        </p>
        {report.measures.map((m) => {
          const lead = m.leadGroupId ? groups.get(m.leadGroupId) : undefined;
          return (
            <section key={m.number} class="doc-measure" data-testid="o43-measure">
              <h2>
                {local(`มาตรการที่ ${n(m.number)} ${m.title}`, `Measure ${m.number}: ${m.title}`)}
              </h2>
              <p class="doc-responsible">
                {local('ผู้รับผิดชอบ: ', 'Responsible: ')}
                {lead ? local(lead.nameTh, lead.nameEn || lead.nameTh) : '–'}
                {m.allGroups ? local(' และทุกกลุ่มงาน', ' and all groups') : ''}
                {' · '}
                {local(`เสร็จสิ้น ${n(m.done)}/${n(m.total)} ขั้นตอน`, `${m.done}/${m.total} steps done`)}
              </p>
              <table class="doc-table">
                <thead>
                  <tr>
                    <th scope="col" class="col-no">{local('ขั้นตอนที่', 'Step')}</th>
                    <th scope="col">{local('ขั้นตอน/วิธีดำเนินการ', 'Step / method')}</th>
                    <th scope="col" class="col-status">{local('ผลการดำเนินการ', 'Status')}</th>
                    <th scope="col" class="col-evidence">{local('หลักฐาน/การเผยแพร่', 'Evidence / publication')}</th>
                  </tr>
                </thead>
                <tbody>
                  {m.steps.map((step) => {
                    const column = step.columnId ? columns.get(step.columnId) : undefined;
                    return (
                      <tr key={step.stepNumber}>
                        <td class="col-no" data-label={local('ขั้นตอนที่', 'Step')}>
                          {n(step.stepNumber)}
                        </td>
                        <td class="col-title">{step.title}</td>
                        <td class="col-status" data-label={local('ผลการดำเนินการ', 'Status')}>
                          {column ? local(column.labelTh, column.labelEn) : local('ยังไม่ได้ดำเนินการ', 'Not yet on the board')}
                          {step.movedInPeriod && <span class="doc-changed">{local(' (มีความคืบหน้าในรอบนี้)', ' (progressed this period)')}</span>}
                        </td>
                        <td class="col-evidence" data-label={local('หลักฐาน/การเผยแพร่', 'Evidence / publication')}>
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
          {[local('ผู้รายงาน', 'Reported by'), local('ผู้รับรอง', 'Approved by')].map((role) => (
            <div key={role} class="doc-signature">
              <p>{local('(ลงชื่อ)', '(Signed)')}............................................{role}</p>
              <p>(............................................)</p>
              <p>{local('ตำแหน่ง', 'Position')}............................................</p>
              <p>{local('วันที่', 'Date')}........../........../..........</p>
            </div>
          ))}
        </footer>
      </article>
    </MemoFrame>
  );
}
