// Adding or editing one OIT item (administrators). The server normalises the code (O12) and
// refuses a duplicate, or a new code for an item that already has evidence.
import { useState } from 'preact/hooks';
import type { OitItemInfo } from '../../../../worker/domain/readiness';
import type { ApiError } from '../../api';
import { oitApi, type ItemInput } from './api';
import { Feedback } from '../Feedback';
import { tOit } from '../../messages/oit';

export function ItemEditor({ beYear, item, nextPosition, onDone }: { beYear: number; item?: OitItemInfo; nextPosition: number; onDone: (changed: boolean) => void }) {
  const [form, setForm] = useState<ItemInput>(() =>
    item
      ? { code: item.code, titleTh: item.titleTh, titleEn: item.titleEn, subIndicator: item.subIndicator, position: item.position }
      : { code: '', titleTh: '', titleEn: '', subIndicator: '', position: nextPosition },
  );
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const field = (name: keyof ItemInput) => ({
    value: String(form[name]),
    onInput: (e: Event) => {
      const value = (e.currentTarget as HTMLInputElement).value;
      setForm({ ...form, [name]: name === 'position' ? Number(value) : value });
    },
  });

  async function save(e: Event) {
    e.preventDefault();
    setBusy(true);
    const r = item ? await oitApi.updateItem(beYear, item.id, form) : await oitApi.createItem(beYear, form);
    setBusy(false);
    if (!r.ok) return setError(r.error);
    onDone(true);
  }

  return (
    <form class="oit-editor" onSubmit={save} data-testid="oit-editor">
      <label>
        {tOit('itemEditor.code')}
        <input required maxLength={16} {...field('code')} data-testid="oit-edit-code" />
      </label>
      <label class="wide">
        {tOit('itemEditor.titleThai')}
        <input required maxLength={500} {...field('titleTh')} data-testid="oit-edit-title" />
      </label>
      <label class="wide">
        {tOit('itemEditor.titleEnglish')}
        <input maxLength={500} {...field('titleEn')} />
      </label>
      <label>
        {tOit('itemEditor.subIndicator')}
        <input maxLength={500} {...field('subIndicator')} />
      </label>
      <label>
        {tOit('itemEditor.order')}
        <input type="number" min={0} max={10000} required {...field('position')} />
      </label>
      <div class="oit-editor-actions">
        <button type="submit" class="button button-primary" disabled={busy} data-testid="oit-edit-save">
          {tOit('itemEditor.save')}
        </button>
        <button type="button" class="button button-ghost" onClick={() => onDone(false)}>
          {tOit('itemEditor.cancel')}
        </button>
      </div>
      <Feedback error={error} testId="oit" />
    </form>
  );
}
