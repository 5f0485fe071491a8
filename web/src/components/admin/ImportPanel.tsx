// Importing an announcement: paste the text as copied from the PDF or Word file, check the
// preview and its warnings (nothing is written yet), then create the fiscal year's board.
import { useState } from 'preact/hooks';
import { adminApi, type ImportPreview } from '../../admin-api';
import type { ApiError } from '../../api';
import { local } from '../../i18n';
import { Feedback } from '../Feedback';
import { AdminPanel } from './Panel';

export function ImportPanel({ onImported }: { onImported: (beYear: number) => void | Promise<void> }) {
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [beYear, setBeYear] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [ok, setOk] = useState<string | null>(null);
  async function check(e: Event) {
    e.preventDefault();
    setOk(null);
    const r = await adminApi.previewImport(text);
    if (!r.ok) return setError(r.error);
    setError(null);
    setPreview(r.data);
    if (r.data.fiscalYearBE) setBeYear(String(r.data.fiscalYearBE));
  }
  async function commit() {
    const year = Number(beYear);
    const r = await adminApi.commitImport(text, year);
    if (!r.ok) return setError(r.error);
    setError(null);
    setOk(local(`สร้างบอร์ดปีงบประมาณ ${year} แล้ว (${r.data.cards} การ์ด)`, `Created the FY ${year} board (${r.data.cards} cards)`));
    setPreview(null);
    await onImported(year);
  }
  const steps = preview?.measures.reduce((n, m) => n + m.steps.length, 0) ?? 0;
  return (
    <AdminPanel name="import" title={local('นำเข้าประกาศมาตรการ', 'Import an announcement')}>
      <form class="admin-form" onSubmit={check}>
        <label>
          {local('วางข้อความประกาศ (คัดลอกจาก PDF หรือ Word)', 'Paste the announcement text (copied from PDF or Word)')}
          <textarea rows={8} required value={text} onInput={(e) => setText(e.currentTarget.value)} data-testid="import-text" />
        </label>
        <button type="submit" class="button button-secondary" data-testid="import-preview">
          {local('ตรวจสอบก่อนนำเข้า', 'Preview')}
        </button>
      </form>
      <Feedback testId="admin" error={error} ok={ok} />
      {preview && (
        <div class="import-preview" data-testid="import-result">
          <p>
            <strong>{preview.title || local('(ไม่พบชื่อเรื่อง)', '(no title found)')}</strong>
            <br />
            {local(`${preview.measures.length} มาตรการ ${steps} ขั้นตอน`, `${preview.measures.length} measures, ${steps} steps`)}
          </p>
          {preview.warnings.length > 0 && (
            <ul class="import-warnings" data-testid="import-warnings">
              {preview.warnings.map((w, i) => (
                <li key={i} class={`warning-${w.severity}`}>
                  <strong>{w.location}</strong>: {local(w.messageTh, w.messageEn)}
                  {w.from !== undefined && w.to !== undefined && (
                    <span class="import-change">
                      {' '}
                      «{w.from}» → «{w.to}»
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
          <ol class="import-measures">
            {preview.measures.map((m) => (
              <li key={m.number}>
                {m.title} — {m.leadGroupName ?? local('ไม่พบกลุ่มงาน', 'no group found')}
                {m.allGroups ? local(' และทุกกลุ่มงาน', ' and every group') : ''}
                <ol>
                  {m.steps.map((s) => (
                    <li key={s.number}>{s.text}</li>
                  ))}
                </ol>
              </li>
            ))}
          </ol>
          {preview.measures.length > 0 && (
            <div class="admin-form-inline">
              <label>
                {local('ปีงบประมาณ (พ.ศ.)', 'Fiscal year (BE)')}
                <input class="admin-narrow" inputMode="numeric" value={beYear} onInput={(e) => setBeYear(e.currentTarget.value)} />
              </label>
              <button type="button" class="button button-primary" onClick={() => void commit()} data-testid="import-commit">
                {local('สร้างบอร์ด', 'Create the board')}
              </button>
            </div>
          )}
        </div>
      )}
    </AdminPanel>
  );
}
