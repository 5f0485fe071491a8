// Administrators: how the office's reports print as official memos (บันทึกข้อความ): ส่วนราชการ,
// the document number prefix (ที่), to whom (เรียน), the signer's name and position, Thai digits,
// and an optional emblem image (PNG or JPEG, up to 40 KB; the server checks it again).
import { useEffect, useState } from 'preact/hooks';
import type { ApiError } from '../../api';
import { Feedback } from '../Feedback';
import type { MemoSettings } from '../../../../worker/domain/memo';
import { loadMemo, memo, saveMemo } from './memo-state';
import { tMemo, type MemoLabel } from '../../messages/memo';

const FIELDS: { key: Exclude<keyof MemoSettings, 'thaiDigits'>; label: MemoLabel; hint?: MemoLabel }[] = [
  { key: 'department', label: 'settings.department', hint: 'settings.departmentHint' },
  { key: 'docPrefix', label: 'settings.docPrefix', hint: 'settings.docPrefixHint' },
  { key: 'addressee', label: 'settings.addressee', hint: 'settings.addresseeHint' },
  { key: 'signerName', label: 'settings.signerName' },
  { key: 'signerPosition', label: 'settings.signerPosition' },
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
    setOk(r.ok ? tMemo('memoSettings.memoSettingsSaved') : null);
  }

  return (
    <section class="rpt-admin no-print memo-settings" data-testid="memo-settings" aria-labelledby="memo-settings-title">
      <h2 id="memo-settings-title" class="rpt-h2">
        {tMemo('memoSettings.printingReportsAsOfficial')}
      </h2>
      <p class="muted rpt-help">
        {tMemo('memoSettings.printedReportsExecutivesStaff')}
      </p>
      <form class="memo-form" onSubmit={submit}>
        {FIELDS.map((f) => (
          <label key={f.key} class="memo-field">
            <span>{tMemo(f.label)}</span>
            <input
              maxLength={300}
              value={form[f.key]}
              placeholder={f.hint ? tMemo(f.hint) : undefined}
              data-testid={`memo-${f.key}`}
              onInput={(e) => setForm({ ...form, [f.key]: e.currentTarget.value })}
            />
          </label>
        ))}
        <label class="rpt-check">
          <input type="checkbox" checked={form.thaiDigits} data-testid="memo-thaiDigits" onChange={(e) => setForm({ ...form, thaiDigits: e.currentTarget.checked })} />
          {tMemo('memoSettings.thaiDigitsInDocuments')}
        </label>
        <div class="memo-emblem-field">
          <label class="memo-field">
            <span>{tMemo('memoSettings.emblemPngOrJpeg')}</span>
            <input
              type="file"
              accept="image/png,image/jpeg"
              data-testid="memo-emblem"
              onChange={async (e) => {
                const file = e.currentTarget.files?.[0];
                if (!file) return;
                if (file.size > 40_000) return setError(tMemo('memoSettings.theEmblemFileIs'));
                setError(null);
                setEmblem(await readAsDataUrl(file));
              }}
            />
          </label>
          {shownEmblem && (
            <>
              <img class="memo-emblem-preview" src={shownEmblem} alt={tMemo('memoSettings.theEmblemAsPrinted')} />
              <button type="button" class="button button-link" data-testid="memo-emblem-remove" onClick={() => setEmblem(null)}>
                {tMemo('memoSettings.noEmblem')}
              </button>
            </>
          )}
        </div>
        <button type="submit" class="button button-primary" disabled={saving} data-testid="memo-save">
          {tMemo('memoSettings.save')}
        </button>
      </form>
      <Feedback error={error} ok={ok} testId="memo" />
    </section>
  );
}
