// Administrators: how the office's reports print as official memos (บันทึกข้อความ): ส่วนราชการ,
// the document number prefix (ที่), to whom (เรียน), the signer's name and position, Thai digits,
// and an optional emblem image (PNG or JPEG, up to 40 KB; the server checks it again).
import { useEffect, useState } from 'preact/hooks';
import type { ApiError } from '../../api';
import { local } from '../../i18n';
import { Feedback } from '../Feedback';
import type { MemoSettings } from '../../../../worker/domain/memo';
import { loadMemo, memo, saveMemo } from './memo-state';

const FIELDS: { key: Exclude<keyof MemoSettings, 'thaiDigits'>; th: string; en: string; hint?: [string, string] }[] = [
  { key: 'department', th: 'ส่วนราชการ', en: 'Department (ส่วนราชการ)', hint: ['เช่น สำนักงานศึกษาธิการจังหวัดพิจิตร กลุ่มอำนวยการ โทร. …', 'e.g. the office, its group and telephone'] },
  { key: 'docPrefix', th: 'ที่ (เลขที่หนังสือ)', en: 'Document number prefix (ที่)', hint: ['เช่น ศธ ๐๒๖๒.๑๑/', 'e.g. ศธ ๐๒๖๒.๑๑/'] },
  { key: 'addressee', th: 'เรียน', en: 'To (เรียน)', hint: ['เช่น ศึกษาธิการจังหวัดพิจิตร', 'e.g. the provincial education officer'] },
  { key: 'signerName', th: 'ชื่อผู้ลงนาม', en: 'Signer’s name' },
  { key: 'signerPosition', th: 'ตำแหน่งผู้ลงนาม', en: 'Signer’s position' },
];

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export function MemoSettingsPanel() {
  useEffect(() => void loadMemo(), []);
  const current = memo.value;
  const [form, setForm] = useState<MemoSettings | null>(null);
  const [emblem, setEmblem] = useState<string | null | undefined>(undefined);
  const [error, setError] = useState<ApiError | string | null>(null);
  const [ok, setOk] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (current) {
      const { emblem: _e, ...rest } = current;
      setForm(rest);
      setEmblem(undefined);
    }
  }, [current]);
  if (!current || !form) return null;
  const shownEmblem = emblem === undefined ? current.emblem : emblem;

  async function submit(e: Event) {
    e.preventDefault();
    setSaving(true);
    const r = await saveMemo(form!, emblem);
    setSaving(false);
    setError(r.ok ? null : r.error);
    setOk(r.ok ? local('บันทึกรูปแบบบันทึกข้อความแล้ว', 'Memo settings saved') : null);
  }

  return (
    <section class="rpt-admin no-print memo-settings" data-testid="memo-settings" aria-labelledby="memo-settings-title">
      <h2 id="memo-settings-title" class="rpt-h2">
        {local('พิมพ์รายงานเป็นบันทึกข้อความ', 'Printing reports as official memos')}
      </h2>
      <p class="muted rpt-help">
        {local(
          'รายงานที่พิมพ์ (รายงานผู้บริหาร รายงานบุคลากร และรายงานผล O43/O26) ใช้แบบบันทึกข้อความบนกระดาษ A4 ด้วยแบบอักษรสารบรรณ (Sarabun) ขนาด 16 พอยต์ ข้อมูลด้านล่างใช้ในหัวและท้ายบันทึก',
          'Printed reports (executives’, staff and the O43/O26 results report) use the official memo form on A4 in the Sarabun typeface at 16 pt; the fields below fill its head and signature.',
        )}
      </p>
      <form class="memo-form" onSubmit={submit}>
        {FIELDS.map((f) => (
          <label key={f.key} class="memo-field">
            <span>{local(f.th, f.en)}</span>
            <input
              maxLength={300}
              value={form[f.key]}
              placeholder={f.hint ? local(f.hint[0], f.hint[1]) : undefined}
              data-testid={`memo-${f.key}`}
              onInput={(e) => setForm({ ...form, [f.key]: e.currentTarget.value })}
            />
          </label>
        ))}
        <label class="rpt-check">
          <input type="checkbox" checked={form.thaiDigits} data-testid="memo-thaiDigits" onChange={(e) => setForm({ ...form, thaiDigits: e.currentTarget.checked })} />
          {local('ใช้เลขไทย (๐–๙) ในเอกสารและอีเมล', 'Thai digits (๐–๙) in documents and emails')}
        </label>
        <div class="memo-emblem-field">
          <label class="memo-field">
            <span>{local('ตราสัญลักษณ์ (PNG หรือ JPEG ไม่เกิน 40 KB)', 'Emblem (PNG or JPEG, at most 40 KB)')}</span>
            <input
              type="file"
              accept="image/png,image/jpeg"
              data-testid="memo-emblem"
              onChange={async (e) => {
                const file = e.currentTarget.files?.[0];
                if (!file) return;
                if (file.size > 40_000) return setError(local('ไฟล์ตราสัญลักษณ์ใหญ่เกิน 40 KB', 'The emblem file is larger than 40 KB'));
                setError(null);
                setEmblem(await readAsDataUrl(file));
              }}
            />
          </label>
          {shownEmblem && (
            <>
              <img class="memo-emblem-preview" src={shownEmblem} alt={local('ตราสัญลักษณ์ที่จะพิมพ์', 'The emblem as printed')} />
              <button type="button" class="button button-link" data-testid="memo-emblem-remove" onClick={() => setEmblem(null)}>
                {local('ไม่ใช้ตราสัญลักษณ์', 'No emblem')}
              </button>
            </>
          )}
        </div>
        <button type="submit" class="button button-primary" disabled={saving} data-testid="memo-save">
          {local('บันทึก', 'Save')}
        </button>
      </form>
      <Feedback error={error} ok={ok} testId="memo" />
    </section>
  );
}
