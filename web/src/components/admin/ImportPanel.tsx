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
import { local } from '../../i18n';
import { lang } from '../../state/ui';
import { Feedback } from '../Feedback';
import { AdminPanel } from './Panel';
import './import.css';
import type { Cadence } from '../../../../worker/domain/report-cadence';

const CADENCE: Record<Cadence, [string, string]> = {
  'twice-monthly': ['เดือนละ 2 ครั้ง', 'twice a month'],
  monthly: ['เดือนละครั้ง', 'monthly'],
  quarterly: ['ทุกไตรมาส', 'quarterly'],
  'half-yearly': ['รอบ 6 เดือนและ 12 เดือน', 'at 6 and 12 months'],
};
const cadenceLabel = (c: Cadence) => local(...CADENCE[c]);
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
    setOk(local(`สร้างบอร์ดปีงบประมาณ ${beYear} แล้ว (${r.data.cards} การ์ด)`, `Created the FY ${beYear} board (${r.data.cards} cards)`));
    setPreview(null);
    setPreviewed(null);
    setChoices({});
    await onImported(beYear);
  }

  const groupName = (id: string | null): string | null => {
    if (!id) return null;
    if (id.startsWith(NEW_GROUP)) return local(`${id.slice(NEW_GROUP.length)} (กลุ่มใหม่)`, `${id.slice(NEW_GROUP.length)} (new group)`);
    return preview?.groups.find((g) => g.id === id)?.nameTh ?? id;
  };
  const plan = preview?.plan;
  const steps = plan?.measures.reduce((n, m) => n + m.steps.length, 0) ?? 0;
  const blocking = plan?.unresolved.filter((u) => !u.everyGroup) ?? [];
  const needsYear = plan?.checks.yearDiffers === true && !confirmYear;
  const needsOffice = plan?.checks.officeDiffers === true && !confirmOffice;
  const canCreate = plan !== undefined && plan.beYear !== null && !preview!.yearHasBoard && blocking.length === 0 && !needsYear && !needsOffice && !busy;

  return (
    <AdminPanel name="import" title={local('นำเข้าประกาศมาตรการ', 'Import an announcement')}>
      <form class="admin-form" onSubmit={check}>
        <label>
          {local('วางข้อความประกาศ (คัดลอกจาก PDF หรือ Word)', 'Paste the announcement text (copied from PDF or Word)')}
          <textarea rows={8} required value={text} onInput={(e) => setText(e.currentTarget.value)} data-testid="import-text" />
        </label>
        <label>
          {local('ปีงบประมาณของบอร์ด (พ.ศ.) ว่างไว้เพื่อใช้ปีตามประกาศ', 'Fiscal year of the board (BE); leave empty for the announcement’s')}
          <input
            class="admin-narrow"
            inputMode="numeric"
            value={year}
            placeholder={local('ตามประกาศ', 'as announced')}
            onInput={(e) => setYear(e.currentTarget.value)}
            aria-invalid={!yearValid || undefined}
            data-testid="import-year"
          />
          {!yearValid && <small class="form-error">{local('ใส่ปี พ.ศ. 4 หลัก เช่น 2570 หรือเว้นว่าง', 'A four-digit BE year such as 2570, or empty')}</small>}
        </label>
        <button type="submit" class="button button-secondary" disabled={busy || !yearValid} data-testid="import-preview">
          {local('ตรวจสอบก่อนนำเข้า', 'Preview')}
        </button>
      </form>
      <Feedback testId="admin" error={error} ok={ok} />
      {preview && plan && (
        <div class={`import-preview${stale ? ' import-stale' : ''}`} data-testid="import-result" aria-busy={busy}>
          <p>
            <strong>{preview.title || local('(ไม่พบชื่อเรื่อง)', '(no title found)')}</strong>
            <br />
            {local(`${plan.measures.length} มาตรการ ${steps} ขั้นตอน`, `${plan.measures.length} measures, ${steps} steps`)}
          </p>
          <dl class="import-facts" data-testid="import-facts">
            <dt>{local('หน่วยงานตามประกาศ', 'Office in the announcement')}</dt>
            <dd>
              {plan.checks.announcedOffice ?? local('(ไม่พบ)', '(not found)')}
              {plan.checks.officeDiffers && (
                <strong class="import-differs">{local(` — ไม่ตรงกับ ${plan.checks.officeName}`, ` — not ${plan.checks.officeName}`)}</strong>
              )}
            </dd>
            <dt>{local('ปีงบประมาณตามประกาศ', 'Fiscal year in the announcement')}</dt>
            <dd>{plan.checks.announcedYear ?? local('(ไม่พบ)', '(not found)')}</dd>
            <dt>{local('บอร์ดที่จะสร้าง', 'Board to create')}</dt>
            <dd data-testid="import-board-year">
              {plan.beYear === null
                ? local('ไม่ทราบปีงบประมาณ กรุณาระบุปีแล้วตรวจสอบอีกครั้ง', 'No fiscal year: type one and preview again')
                : local(`ปีงบประมาณ พ.ศ. ${plan.beYear}`, `Fiscal year ${plan.beYear} BE`)}
              {preview.yearHasBoard && (
                <strong class="import-differs">{local(' — ปีนี้มีบอร์ดอยู่แล้ว', ' — this year already has a board')}</strong>
              )}
            </dd>
            <dt>{local('การรายงานผล', 'Reports')}</dt>
            <dd data-testid="import-schedule">
              {(['executive', 'staff'] as const).map((a) => (
                <span key={a} class="import-cadence">
                  {a === 'executive' ? local('ผู้บริหารและผู้อำนวยการกลุ่ม: ', 'Executives and group directors: ') : local('บุคลากร: ', 'All staff: ')}
                  {cadenceLabel(plan.schedule[a])}
                  {plan.scheduleStated[a]
                    ? ''
                    : local(' (ประกาศไม่ได้ระบุ ใช้ค่าเริ่มต้น)', ' (not stated in the announcement: the default)')}
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
              {local(
                `ยืนยันสร้างบอร์ดปี ${plan.beYear} จากประกาศของปี ${plan.checks.announcedYear}`,
                `Create the ${plan.beYear} board from the announcement for ${plan.checks.announcedYear}`,
              )}
            </label>
          )}
          {plan.checks.officeDiffers && (
            <label class="import-confirm">
              <input type="checkbox" checked={confirmOffice} onChange={(e) => setConfirmOffice(e.currentTarget.checked)} data-testid="import-confirm-office" />
              {local(
                `ยืนยันนำเข้าประกาศของ ${plan.checks.announcedOffice} เป็นของ ${plan.checks.officeName}`,
                `Import the announcement of ${plan.checks.announcedOffice} for ${plan.checks.officeName}`,
              )}
            </label>
          )}
          {preview.unresolved.length > 0 && (
            <fieldset class="import-unresolved" data-testid="import-unresolved">
              <legend>{local('ผู้รับผิดชอบที่ไม่ตรงกับกลุ่มงานใด: เลือกกลุ่ม หรือสร้างกลุ่มใหม่', 'Responsible names that match no group: choose a group, or create one')}</legend>
              {preview.unresolved.map((u, i) => (
                <label key={u.key}>
                  <span>
                    {u.name === '' ? local('(ไม่ระบุผู้รับผิดชอบ)', '(no responsible group given)') : `«${u.name}»`}{' '}
                    {local(`มาตรการ ${u.measures.join(', ')}`, `measure ${u.measures.join(', ')}`)}
                    {u.everyGroup ? local(' (ทุกกลุ่มงานมีส่วนร่วม ไม่เลือกก็ได้)', ' (every group takes part: optional)') : ''}
                  </span>
                  <select class="select" value={choiceValue(choices[u.key])} disabled={busy} onChange={(e) => void choose(u.key, e.currentTarget.value)} data-testid={`import-choice-${i}`}>
                    <option value="">{local('— เลือก —', '— choose —')}</option>
                    {u.name !== '' && <option value="create">{local(`สร้างกลุ่มใหม่ "${u.name}"`, `Create the group "${u.name}"`)}</option>}
                    {u.candidates.map((g) => (
                      <option key={`near-${g.id}`} value={g.id}>
                        {local(`${g.nameTh} (ใกล้เคียง)`, `${g.nameTh} (close)`)}
                      </option>
                    ))}
                    {preview.groups.filter((g) => !u.candidates.some((c) => c.id === g.id)).map((g) => (
                      <option key={g.id} value={g.id}>
                        {g.nameTh}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </fieldset>
          )}
          {preview.warnings.length > 0 && (
            <ul class="import-warnings" data-testid="import-warnings">
              {preview.warnings.map((w, i) => (
                <li key={i} class={`warning-${w.severity}`}>
                  <strong>{w.location}</strong>: {local(w.messageTh, w.messageEn)}
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
                {m.title} — {groupName(m.leadGroupId) ?? local('ยังไม่มีกลุ่มรับผิดชอบ', 'no lead group yet')}
                {m.groupIds.length > 0 ? local(` ร่วมกับ ${m.groupIds.map(groupName).join(', ')}`, ` with ${m.groupIds.map(groupName).join(', ')}`) : ''}
                {m.allGroups ? local(' และทุกกลุ่มงาน', ' and every group') : ''}
                {m.dueOn ? local(` · ครบกำหนด ${formatDate(m.dueOn, lang.value)}`, ` · due ${formatDate(m.dueOn, lang.value)}`) : ''}
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
                  {local('ข้อความหรือปีเปลี่ยนไปหลังการตรวจสอบ', 'The text or the year changed after the preview')}
                </span>
                <button type="button" class="button button-primary" disabled={busy} onClick={() => void check()} data-testid="import-commit">
                  {local('ตรวจสอบอีกครั้งก่อนสร้างบอร์ด', 'Preview again before creating the board')}
                </button>
              </p>
            ) : (
              <p class="admin-form-inline">
                <button type="button" class="button button-primary" disabled={!canCreate} onClick={() => void commit()} data-testid="import-commit">
                  {local('สร้างบอร์ด', 'Create the board')}
                </button>
                {blocking.length > 0 && <span>{local('เลือกกลุ่มให้ผู้รับผิดชอบทุกชื่อก่อน', 'Choose a group for every responsible name first')}</span>}
              </p>
            ))}
        </div>
      )}
    </AdminPanel>
  );
}
