// Importing the year's OIT list from tab-separated text (as in shared/reference/oit-items-2567.tsv:
// '#' comment lines, a header row, then code, Thai title, sub-indicator, English title). The
// preview writes nothing; the commit adds new codes and updates the titles and order of others.
import { useState } from 'preact/hooks';
import type { ApiError } from '../../api';
import { local } from '../../i18n';
import { oitApi, type CatalogueImportPreview } from './api';
import { Feedback } from '../Feedback';

export function CatalogueImport({ beYear, onImported }: { beYear: number; onImported: () => void }) {
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<CatalogueImportPreview | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [ok, setOk] = useState<string | null>(null);

  async function check(e: Event) {
    e.preventDefault();
    setOk(null);
    const r = await oitApi.previewImport(beYear, text);
    if (!r.ok) return setError(r.error);
    setError(null);
    setPreview(r.data);
  }

  async function commit() {
    const r = await oitApi.commitImport(beYear, text);
    if (!r.ok) return setError(r.error);
    setError(null);
    setPreview(null);
    setText('');
    setOk(local(`นำเข้าแล้ว: เพิ่ม ${r.data.add.length} ข้อ ปรับปรุง ${r.data.update.length} ข้อ`, `Imported: ${r.data.add.length} added, ${r.data.update.length} updated`));
    onImported();
  }

  return (
    <section class="oit-panel" aria-labelledby="oit-import-title" data-testid="oit-import">
      <h2 id="oit-import-title">{local('นำเข้ารายการ OIT จากไฟล์ TSV', 'Import the OIT list from TSV')}</h2>
      <form class="oit-form" onSubmit={check}>
        <label>
          {local('วางข้อความแบบแท็บคั่น (รหัส, ชื่อข้อภาษาไทย, ตัวชี้วัดย่อย, ชื่อภาษาอังกฤษ)', 'Paste tab-separated text (code, Thai title, sub-indicator, English title)')}
          <textarea rows={6} required value={text} onInput={(e) => setText(e.currentTarget.value)} data-testid="oit-import-text" />
        </label>
        <button type="submit" class="button button-secondary" data-testid="oit-import-preview">
          {local('ตรวจสอบก่อนนำเข้า', 'Preview')}
        </button>
      </form>
      {preview && (
        <div class="oit-preview" data-testid="oit-import-result">
          <p>
            {local(
              `พบ ${preview.items.length} ข้อ: เพิ่มใหม่ ${preview.add.length} ข้อ ปรับปรุง ${preview.update.length} ข้อ ไม่เปลี่ยนแปลง ${preview.unchanged} ข้อ`,
              `${preview.items.length} items: ${preview.add.length} new, ${preview.update.length} changed, ${preview.unchanged} unchanged`,
            )}
          </p>
          {preview.notInFile.length > 0 && (
            <p class="muted">
              {local(`ข้อที่มีอยู่แต่ไม่อยู่ในไฟล์ (จะไม่ถูกลบ): ${preview.notInFile.join(', ')}`, `Existing items not in the file (kept): ${preview.notInFile.join(', ')}`)}
            </p>
          )}
          {preview.warnings.length > 0 && (
            <ul class="oit-warnings">
              {preview.warnings.map((w) => (
                <li key={`${w.line}-${w.code}`}>
                  {local(`บรรทัด ${w.line}`, `Line ${w.line}`)} {w.code && <strong>{w.code}</strong>}: {local(w.messageTh, w.messageEn)}
                </li>
              ))}
            </ul>
          )}
          <button type="button" class="button button-primary" disabled={preview.items.length === 0} onClick={() => void commit()} data-testid="oit-import-commit">
            {local('นำเข้า', 'Import')}
          </button>
        </div>
      )}
      <Feedback error={error} ok={ok} />
    </section>
  );
}
