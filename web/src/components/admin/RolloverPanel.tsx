// Setting up the next fiscal year (administrators), two ways: copy a previous year's measures,
// steps, columns and OIT list without their progress (preview first, nothing is written until
// the commit), or import the new year's announcement.
import { useEffect, useState } from 'preact/hooks';
import type { RolloverPreview } from '../../../../worker/domain/views';

/** "3 years on" / "2 years back" (the same words as the server's warning). */
const shiftTh = (years: number) => (years >= 0 ? `เลื่อนไป ${years} ปี` : `เลื่อนย้อนกลับ ${-years} ปี`);
const shiftEn = (years: number) => (years >= 0 ? `move ${years} year${years === 1 ? '' : 's'} on` : `move ${-years} year${years === -1 ? '' : 's'} back`);
import { request, type ApiError } from '../../api';
import { local } from '../../i18n';
import { fiscalYears, loadFiscalYears } from '../../state/board';
import { selectedYear, selectYear } from '../../state/ui';
import { ImportPanel } from './ImportPanel';
import './rollover.css';
import { Feedback } from '../Feedback';

type Mode = 'copy' | 'import';

const rolloverApi = {
  preview: (from: number, toBeYear: number) => request<RolloverPreview>('POST', `/api/fiscal-years/${from}/rollover/preview`, { toBeYear }),
  commit: (from: number, toBeYear: number, confirmNonAdjacent: boolean) =>
    request<RolloverPreview & { fiscalYearId: string }>('POST', `/api/fiscal-years/${from}/rollover/commit`, { toBeYear, confirmNonAdjacent }),
};

export function RolloverPanel({ onCreated }: { onCreated?: (beYear: number) => void }) {
  const years = (fiscalYears.value ?? []).map((y) => y.beYear);
  const latest = years.length > 0 ? Math.max(...years) : null;
  const [mode, setMode] = useState<Mode>('copy');
  const [from, setFrom] = useState<number | null>(selectedYear.value ?? latest);
  const [to, setTo] = useState(String((latest ?? 2567) + 1));
  const [preview, setPreview] = useState<RolloverPreview | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [ok, setOk] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** A target that is not the next year: due dates move by the years between, once confirmed. */
  const [confirmed, setConfirmed] = useState(false);

  useEffect(() => {
    if (from === null && latest !== null) setFrom(latest);
  }, [latest]);

  const created = async (beYear: number) => {
    // The year list first: a year missing from it would be replaced by the default year.
    await loadFiscalYears();
    selectYear(beYear);
    onCreated?.(beYear);
  };

  async function check(e: Event) {
    e.preventDefault();
    if (from === null) return;
    setOk(null);
    setBusy(true);
    const r = await rolloverApi.preview(from, Number(to));
    setBusy(false);
    if (!r.ok) {
      setPreview(null);
      return setError(r.error);
    }
    setError(null);
    setConfirmed(false);
    setPreview(r.data);
  }

  async function commit() {
    if (!preview) return;
    setBusy(true);
    const r = await rolloverApi.commit(preview.from, preview.to, confirmed);
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    setPreview(null);
    setOk(local(`สร้างปีงบประมาณ ${r.data.to} แล้ว (${r.data.counts.steps} การ์ด)`, `Created fiscal year ${r.data.to} (${r.data.counts.steps} cards)`));
    await created(r.data.to);
  }

  return (
    <section class="admin-panel rollover-panel" aria-labelledby="rollover-title" data-testid="rollover-panel">
      <h2 id="rollover-title">{local('เริ่มปีงบประมาณใหม่', 'Start a new fiscal year')}</h2>
      <fieldset class="rollover-modes">
        <legend class="visually-hidden">{local('วิธีสร้างปีใหม่', 'How to create the year')}</legend>
        <label>
          <input type="radio" name="rollover-mode" checked={mode === 'copy'} onChange={() => setMode('copy')} data-testid="rollover-mode-copy" />
          {local('คัดลอกมาตรการจากปีที่ผ่านมา (ไม่รวมความคืบหน้า)', 'Copy the measures of a previous year (without progress)')}
        </label>
        <label>
          <input type="radio" name="rollover-mode" checked={mode === 'import'} onChange={() => setMode('import')} data-testid="rollover-mode-import" />
          {local('นำเข้าประกาศมาตรการฉบับใหม่', 'Import the new announcement')}
        </label>
      </fieldset>
      {mode === 'import' ? (
        <ImportPanel onImported={created} />
      ) : (
        <>
          <form class="admin-form rollover-form" onSubmit={check}>
            <label>
              {local('คัดลอกจากปีงบประมาณ', 'Copy from fiscal year')}
              <select class="select" value={from ?? ''} onChange={(e) => setFrom(Number(e.currentTarget.value))} data-testid="rollover-from">
                {years.map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {local('เป็นปีงบประมาณ (พ.ศ.)', 'To fiscal year (BE)')}
              <input type="number" min={2500} max={2700} required value={to} onInput={(e) => setTo(e.currentTarget.value)} data-testid="rollover-to" />
            </label>
            <button type="submit" class="button button-secondary" disabled={busy || from === null} data-testid="rollover-preview">
              {local('ดูสิ่งที่จะสร้าง', 'Preview')}
            </button>
          </form>
          {preview && (
            <div class="rollover-preview" data-testid="rollover-result">
              <p>
                {local(
                  `จะสร้างปีงบประมาณ ${preview.to}: ${preview.counts.measures} มาตรการ ${preview.counts.steps} ขั้นตอน (ทุกการ์ดอยู่คอลัมน์แรก) ${preview.counts.columns} คอลัมน์ รายการ OIT ${preview.counts.oitItems} ข้อ กลุ่มงานเดิม ${preview.counts.groups} กลุ่ม`,
                  `Fiscal year ${preview.to} will have ${preview.counts.measures} measures, ${preview.counts.steps} steps (all in the first column), ${preview.counts.columns} columns, ${preview.counts.oitItems} OIT items and the office's ${preview.counts.groups} groups`,
                )}
              </p>
              <p class="muted">
                {local(
                  `ไม่คัดลอก: หลักฐาน ${preview.notCarried.evidence} รายการ ความเห็น ${preview.notCarried.comments} รายการ และสถานะของ ${preview.notCarried.stepsDone} ขั้นตอนที่เสร็จแล้ว วันครบกำหนด${shiftTh(preview.yearsBetween)}`,
                  `Not copied: ${preview.notCarried.evidence} evidence links, ${preview.notCarried.comments} comments and the state of ${preview.notCarried.stepsDone} completed steps. Due dates ${shiftEn(preview.yearsBetween)}.`,
                )}
              </p>
              <ul class="rollover-measures">
                {preview.measures.map((m) => (
                  <li key={m.number}>{local(`มาตรการที่ ${m.number} ${m.title} (${m.steps} ขั้นตอน)`, `Measure ${m.number}: ${m.title} (${m.steps} steps)`)}</li>
                ))}
              </ul>
              {preview.warnings.length > 0 && (
                <ul class="rollover-warnings" data-testid="rollover-warnings">
                  {preview.warnings.map((w) => (
                    <li key={w.code}>{local(w.messageTh, w.messageEn)}</li>
                  ))}
                </ul>
              )}
              {preview.needsConfirmation && (
                <label class="rollover-confirm">
                  <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.currentTarget.checked)} data-testid="rollover-confirm" />
                  {local(
                    `ยืนยัน: ${preview.to} ไม่ใช่ปีถัดจาก ${preview.from} วันครบกำหนดทุกขั้นตอนจะ${shiftTh(preview.yearsBetween)}`,
                    `Confirm: ${preview.to} is not the year after ${preview.from}; every due date will ${shiftEn(preview.yearsBetween)}`,
                  )}
                </label>
              )}
              <button
                type="button"
                class="button button-primary"
                disabled={busy || (preview.needsConfirmation && !confirmed)}
                onClick={() => void commit()}
                data-testid="rollover-commit"
              >
                {local(`สร้างปีงบประมาณ ${preview.to}`, `Create fiscal year ${preview.to}`)}
              </button>
            </div>
          )}
        </>
      )}
      <Feedback error={error} ok={ok} testId="rollover" />
    </section>
  );
}
