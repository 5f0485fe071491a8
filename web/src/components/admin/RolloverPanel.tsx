// Setting up the next fiscal year (administrators), two ways: copy a previous year's measures,
// steps, columns and OIT list without their progress (preview first, nothing is written until
// the commit), or import the new year's announcement.
import { useEffect, useState } from 'preact/hooks';
import type { RolloverPreview } from '../../../../worker/domain/views';

/** "3 years on" / "2 years back" (the same words as the server's warning). */
const shift = (years: number) =>
  years >= 0
    ? tAdmin(years === 1 ? 'rollover.shiftOnOne' : 'rollover.shiftOn', { years })
    : tAdmin(years === -1 ? 'rollover.shiftBackOne' : 'rollover.shiftBack', { years: -years });
import { call, clients, enc, type ApiError } from '../../api';
import { pickText } from '../../i18n';
import { fiscalYears, loadFiscalYears } from '../../state/board';
import { selectedYear, selectYear } from '../../state/ui';
import { ImportPanel } from './ImportPanel';
import './rollover.css';
import { Feedback } from '../Feedback';
import { tAdmin } from '../../messages/admin';
import { tCatalogue } from '../../messages/catalogue';
import { CrosswalkTable, crosswalkOf, proposedChoices, type CrosswalkChoices } from '../oit/CrosswalkTable';

type Mode = 'copy' | 'import';

const rollover = clients.fiscalYears[':beYear'].rollover;
const rolloverApi = {
  preview: (from: number, toBeYear: number) => call(() => rollover.preview.$post({ param: { beYear: enc(from) }, json: { toBeYear } })),
  commit: (from: number, toBeYear: number, confirmNonAdjacent: boolean, crosswalk?: { oldCode: string; newCode: string | null }[]) =>
    call(() => rollover.commit.$post({ param: { beYear: enc(from) }, json: { toBeYear, confirmNonAdjacent, ...(crosswalk ? { crosswalk } : {}) } })),
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
  /** The target year takes a catalogue version of its own: the crosswalk as the administrator corrected it. */
  const [choice, setChoice] = useState<CrosswalkChoices>({});

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
    setChoice(proposedChoices(r.data.crosswalk ?? []));
    setPreview(r.data);
  }

  async function commit() {
    if (!preview) return;
    setBusy(true);
    const r = await rolloverApi.commit(preview.from, preview.to, confirmed, preview.crosswalk ? crosswalkOf(choice) : undefined);
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    setPreview(null);
    setOk(tAdmin('rollover.createdFiscalYearTo', { to: r.data.to, steps: r.data.counts.steps }));
    await created(r.data.to);
  }

  return (
    <section class="admin-panel rollover-panel" aria-labelledby="rollover-title" data-testid="rollover-panel">
      <h2 id="rollover-title">{tAdmin('rollover.startANewFiscal')}</h2>
      <fieldset class="rollover-modes">
        <legend class="visually-hidden">{tAdmin('rollover.howToCreateThe')}</legend>
        <label>
          <input type="radio" name="rollover-mode" checked={mode === 'copy'} onChange={() => setMode('copy')} data-testid="rollover-mode-copy" />
          {tAdmin('rollover.copyTheMeasuresOf')}
        </label>
        <label>
          <input type="radio" name="rollover-mode" checked={mode === 'import'} onChange={() => setMode('import')} data-testid="rollover-mode-import" />
          {tAdmin('rollover.importTheNewAnnouncement')}
        </label>
      </fieldset>
      {mode === 'import' ? (
        <ImportPanel onImported={created} />
      ) : (
        <>
          <form class="admin-form rollover-form" onSubmit={check}>
            <label>
              {tAdmin('rollover.copyFromFiscalYear')}
              <select class="select" value={from ?? ''} onChange={(e) => setFrom(Number(e.currentTarget.value))} data-testid="rollover-from">
                {years.map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {tAdmin('rollover.toFiscalYearBe')}
              <input type="number" min={2500} max={2700} required value={to} onInput={(e) => setTo(e.currentTarget.value)} data-testid="rollover-to" />
            </label>
            <button type="submit" class="button button-secondary" disabled={busy || from === null} data-testid="rollover-preview">
              {tAdmin('rollover.preview')}
            </button>
          </form>
          {preview && (
            <div class="rollover-preview" data-testid="rollover-result">
              <p>
                {tAdmin('rollover.fiscalYearToWill', { to: preview.to, measures: preview.counts.measures, steps: preview.counts.steps, columns: preview.counts.columns, oitItems: preview.counts.oitItems, groups: preview.counts.groups })}
              </p>
              <p class="muted">
                {tAdmin('rollover.notCopied', { ...preview.notCarried, shift: shift(preview.yearsBetween) })}
              </p>
              <ul class="rollover-measures">
                {preview.measures.map((m) => (
                  <li key={m.number}>{tAdmin('rollover.measureNumberTitleSteps', { number: m.number, title: m.title, steps: m.steps })}</li>
                ))}
              </ul>
              {preview.warnings.length > 0 && (
                <ul class="rollover-warnings" data-testid="rollover-warnings">
                  {preview.warnings.map((w) => (
                    <li key={w.code}>{pickText(w.messageTh, w.messageEn)}</li>
                  ))}
                </ul>
              )}
              {preview.catalogue && preview.crosswalk && (
                <div class="rollover-crosswalk" data-testid="rollover-crosswalk">
                  <h3>{tCatalogue('crosswalk')}</h3>
                  <p class="muted">{tCatalogue('crosswalkHint')}</p>
                  <CrosswalkTable rows={preview.crosswalk} items={preview.catalogue.list} choice={choice} onChange={setChoice} />
                </div>
              )}
              {preview.needsConfirmation && (
                <label class="rollover-confirm">
                  <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.currentTarget.checked)} data-testid="rollover-confirm" />
                  {tAdmin('rollover.confirmNotNext', { to: preview.to, from: preview.from, shift: shift(preview.yearsBetween) })}
                </label>
              )}
              <button
                type="button"
                class="button button-primary"
                disabled={busy || (preview.needsConfirmation && !confirmed)}
                onClick={() => void commit()}
                data-testid="rollover-commit"
              >
                {tAdmin('rollover.createFiscalYearTo', { to: preview.to })}
              </button>
            </div>
          )}
        </>
      )}
      <Feedback error={error} ok={ok} testId="rollover" />
    </section>
  );
}
