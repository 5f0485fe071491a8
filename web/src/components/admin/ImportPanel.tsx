// Importing an announcement: paste the text as copied from the PDF or Word file, check the
// preview (nothing is written yet): the office and fiscal year it is for, the report schedule,
// a choice for every responsible name that matches no group (map it to a group, or create a
// group with that name), the warnings, and each measure with its groups and due date. Then
// create the board. What is created is exactly what the preview showed: the server refuses a
// commit whose text, year or choices differ from the previewed ones (its token), and editing the
// text or the year here makes the create button ask for a new preview first.
import { useState } from 'preact/hooks';
import { adminApi, type GroupChoice, type ImportPreview } from '../../admin-api';
import type { ApiError } from '../../api';
import { formatDate } from '../../../../worker/domain/thai-date';
import { pickText } from '../../i18n';
import { lang } from '../../state/ui';
import { Feedback } from '../Feedback';
import { AdminPanel } from './Panel';
import { GroupOptions } from './GroupOptions';
import './import.css';
import type { Cadence } from '../../../../worker/domain/report-cadence';
import { tAdmin } from '../../messages/admin';

const cadenceLabel = (c: Cadence) => tAdmin(`import.cadence.${c}`);
const NEW_GROUP = 'new:';

type Choices = Record<string, GroupChoice>;

function choiceValue(choice: GroupChoice | undefined): string {
  if (!choice) return '';
  return 'create' in choice ? 'create' : choice.groupId;
}

export function ImportPanel({ onImported }: { onImported: (beYear: number) => void | Promise<void> }) {
  const [text, setText] = useState('');
  const [year, setYear] = useState('');
  const [choices, setChoices] = useState<Choices>({});
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  /** The text and year the preview was made for: editing either makes it stale. */
  const [previewed, setPreviewed] = useState<{ text: string; year: string } | null>(null);
  const [confirmYear, setConfirmYear] = useState(false);
  const [confirmOffice, setConfirmOffice] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [ok, setOk] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const stale = preview !== null && (previewed?.text !== text || previewed?.year !== year);

  const yearText = year.trim();
  const yearValid = yearText === '' || /^[0-9]{4}$/.test(yearText);

  async function runPreview(nextChoices: Choices) {
    if (!yearValid) return;
    const typed = yearText === '' ? null : Number(yearText);
    setBusy(true);
    let r = await adminApi.previewImport(text, typed, nextChoices);
    if (!r.ok && r.error.code === 'invalid_choice') {
      // Names that are gone from the edited text: their choices no longer apply.
      const details = (r.error.body as { error?: { details?: { key: string }[] } } | null)?.error?.details ?? [];
      const gone = new Set(details.map((p) => p.key));
      nextChoices = Object.fromEntries(Object.entries(nextChoices).filter(([key]) => !gone.has(key)));
      r = await adminApi.previewImport(text, typed, nextChoices);
    }
    setBusy(false);
    if (!r.ok) {
      setPreview(null);
      return setError(r.error);
    }
    setError(null);
    setChoices(nextChoices);
    setPreview(r.data);
    setPreviewed({ text, year });
  }

  async function check(e?: Event) {
    e?.preventDefault();
    setOk(null);
    setConfirmYear(false);
    setConfirmOffice(false);
    await runPreview(choices);
  }

  async function choose(key: string, value: string) {
    const next: Choices = { ...choices };
    if (value === '') delete next[key];
    else next[key] = value === 'create' ? { create: true } : { groupId: value };
    await runPreview(next);
  }

  async function commit() {
    if (!preview || preview.plan.beYear === null) return;
    const beYear = preview.plan.beYear;
    setBusy(true);
    const r = await adminApi.commitImport({ text, beYear, choices, token: preview.token, confirmYear, confirmOffice });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    setOk(tAdmin('import.createdTheFyBeyear', { beYear, cards: r.data.cards }));
    setPreview(null);
    setPreviewed(null);
    setChoices({});
    await onImported(beYear);
  }

  const groupName = (id: string | null): string | null => {
    if (!id) return null;
    if (id.startsWith(NEW_GROUP)) return tAdmin('import.sliceNewGroup', { slice: id.slice(NEW_GROUP.length) });
    return preview?.groups.find((g) => g.id === id)?.nameTh ?? id;
  };
  const plan = preview?.plan;
  const steps = plan?.measures.reduce((n, m) => n + m.steps.length, 0) ?? 0;
  const blocking = plan?.unresolved.filter((u) => !u.everyGroup) ?? [];
  const needsYear = plan?.checks.yearDiffers === true && !confirmYear;
  const needsOffice = plan?.checks.officeDiffers === true && !confirmOffice;
  const canCreate = plan !== undefined && plan.beYear !== null && !preview!.yearHasBoard && blocking.length === 0 && !needsYear && !needsOffice && !busy;

  return (
    <AdminPanel name="import" title={tAdmin('import.importAnAnnouncement')}>
      <form class="admin-form" onSubmit={check}>
        <label>
          {tAdmin('import.pasteTheAnnouncementText')}
          <textarea rows={8} required value={text} onInput={(e) => setText(e.currentTarget.value)} data-testid="import-text" />
        </label>
        <label>
          {tAdmin('import.fiscalYearOfThe')}
          <input
            class="admin-narrow"
            inputMode="numeric"
            value={year}
            placeholder={tAdmin('import.asAnnounced')}
            onInput={(e) => setYear(e.currentTarget.value)}
            aria-invalid={!yearValid || undefined}
            data-testid="import-year"
          />
          {!yearValid && <small class="form-error">{tAdmin('import.aFourDigitBe')}</small>}
        </label>
        <button type="submit" class="button button-secondary" disabled={busy || !yearValid} data-testid="import-preview">
          {tAdmin('import.preview')}
        </button>
      </form>
      <Feedback testId="admin" error={error} ok={ok} />
      {preview && plan && (
        <div class={`import-preview${stale ? ' import-stale' : ''}`} data-testid="import-result" aria-busy={busy}>
          <p>
            <strong>{preview.title || tAdmin('import.noTitleFound')}</strong>
            <br />
            {tAdmin('import.measuresMeasuresStepsSteps', { measures: plan.measures.length, steps })}
          </p>
          <dl class="import-facts" data-testid="import-facts">
            <dt>{tAdmin('import.officeInTheAnnouncement')}</dt>
            <dd>
              {plan.checks.announcedOffice ?? tAdmin('import.notFound')}
              {plan.checks.officeDiffers && (
                <strong class="import-differs">{tAdmin('import.notOfficename', { officeName: plan.checks.officeName })}</strong>
              )}
            </dd>
            <dt>{tAdmin('import.fiscalYearInThe')}</dt>
            <dd>{plan.checks.announcedYear ?? tAdmin('import.notFound')}</dd>
            <dt>{tAdmin('import.boardToCreate')}</dt>
            <dd data-testid="import-board-year">
              {plan.beYear === null
                ? tAdmin('import.noFiscalYearType')
                : tAdmin('import.fiscalYearBeyearBe', { beYear: plan.beYear })}
              {preview.yearHasBoard && (
                <strong class="import-differs">{tAdmin('import.thisYearAlreadyHas')}</strong>
              )}
            </dd>
            <dt>{tAdmin('import.reports')}</dt>
            <dd data-testid="import-schedule">
              {(['executive', 'staff'] as const).map((a) => (
                <span key={a} class="import-cadence">
                  {a === 'executive' ? tAdmin('import.executivesAndGroupDirectors') : tAdmin('import.allStaff')}
                  {cadenceLabel(plan.schedule[a])}
                  {plan.scheduleStated[a]
                    ? ''
                    : tAdmin('import.notStatedInThe')}
                  <br />
                </span>
              ))}
              {preview.schedule.source.map((s, i) => (
                <q key={i} class="import-change">
                  {s}
                </q>
              ))}
            </dd>
          </dl>
          {plan.checks.yearDiffers && (
            <label class="import-confirm">
              <input type="checkbox" checked={confirmYear} onChange={(e) => setConfirmYear(e.currentTarget.checked)} data-testid="import-confirm-year" />
              {tAdmin('import.createTheBeyearBoard', { beYear: String(plan.beYear), announcedYear: String(plan.checks.announcedYear) })}
            </label>
          )}
          {plan.checks.officeDiffers && (
            <label class="import-confirm">
              <input type="checkbox" checked={confirmOffice} onChange={(e) => setConfirmOffice(e.currentTarget.checked)} data-testid="import-confirm-office" />
              {tAdmin('import.importTheAnnouncementOf', { announcedOffice: String(plan.checks.announcedOffice), officeName: plan.checks.officeName })}
            </label>
          )}
          {preview.unresolved.length > 0 && (
            <fieldset class="import-unresolved" data-testid="import-unresolved">
              <legend>{tAdmin('import.responsibleNamesThatMatch')}</legend>
              {preview.unresolved.map((u, i) => (
                <label key={u.key}>
                  <span>
                    {u.name === '' ? tAdmin('import.noResponsibleGroupGiven') : `«${u.name}»`}{' '}
                    {tAdmin('import.measureJoin', { join: u.measures.join(', ') })}
                    {u.everyGroup ? tAdmin('import.everyGroupTakesPart') : ''}
                  </span>
                  <select class="select" value={choiceValue(choices[u.key])} disabled={busy} onChange={(e) => void choose(u.key, e.currentTarget.value)} data-testid={`import-choice-${i}`}>
                    <option value="">{tAdmin('import.choose')}</option>
                    {u.name !== '' && <option value="create">{tAdmin('import.createTheGroupName', { name: u.name })}</option>}
                    <GroupOptions groups={preview.groups} near={u.candidates} />
                  </select>
                </label>
              ))}
            </fieldset>
          )}
          {preview.warnings.length > 0 && (
            <ul class="import-warnings" data-testid="import-warnings">
              {preview.warnings.map((w, i) => (
                <li key={i} class={`warning-${w.severity}`}>
                  <strong>{w.location}</strong>: {pickText(w.messageTh, w.messageEn)}
                  {w.from !== undefined && w.to !== undefined && !w.changes && (
                    <span class="import-change">
                      {' '}
                      «{w.from}» → «{w.to}»
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
          <ol class="import-measures" data-testid="import-measures">
            {plan.measures.map((m) => (
              <li key={m.number}>
                {m.title} — {groupName(m.leadGroupId) ?? tAdmin('import.noLeadGroupYet')}
                {m.groupIds.length > 0 ? tAdmin('import.withMap', { map: m.groupIds.map(groupName).join(', ') }) : ''}
                {m.allGroups ? tAdmin('import.andEveryGroup') : ''}
                {m.dueOn ? tAdmin('import.dueFormatdate', { formatDate: formatDate(m.dueOn, lang.value) }) : ''}
                <ol>
                  {m.steps.map((s) => (
                    <li key={s.number}>{s.text}</li>
                  ))}
                </ol>
              </li>
            ))}
          </ol>
          {plan.measures.length > 0 &&
            (stale ? (
              <p class="admin-form-inline">
                <span data-testid="import-stale">
                  {tAdmin('import.theTextOrThe')}
                </span>
                <button type="button" class="button button-primary" disabled={busy} onClick={() => void check()} data-testid="import-commit">
                  {tAdmin('import.previewAgainBeforeCreating')}
                </button>
              </p>
            ) : (
              <p class="admin-form-inline">
                <button type="button" class="button button-primary" disabled={!canCreate} onClick={() => void commit()} data-testid="import-commit">
                  {tAdmin('import.createTheBoard')}
                </button>
                {blocking.length > 0 && <span>{tAdmin('import.chooseAGroupFor')}</span>}
              </p>
            ))}
        </div>
      )}
    </AdminPanel>
  );
}
