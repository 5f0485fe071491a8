// The attributes a parent body sets on one of its offices (region, cluster, size…: the roll-up's
// filters), as key/value rows, at most 20. The whole set is sent (a row removed is an attribute
// removed); the server checks it again and its refusal is shown in the interface language.
import { useState } from 'preact/hooks';
import type { ApiError } from '../../api';
import { Feedback } from '../Feedback';
import { tParent } from '../../messages/parent';
import { parentApi } from './api';

export const MAX_ATTRIBUTES = 20;

type Row = { key: string; value: string };

/** The rows as the body to send, or what is wrong with them (a name twice, a value without a name). */
export function attributesOf(rows: readonly Row[]): { attributes: Record<string, string> } | { problem: string } {
  const attributes: Record<string, string> = {};
  for (const [i, row] of rows.entries()) {
    const key = row.key.trim();
    const value = row.value.trim();
    if (!key && !value) continue;
    if (!key) return { problem: tParent('attr.noKey', { n: i + 1 }) };
    if (key in attributes) return { problem: tParent('attr.duplicate', { key }) };
    attributes[key] = value;
  }
  if (Object.keys(attributes).length > MAX_ATTRIBUTES) return { problem: tParent('attr.tooMany', { max: MAX_ATTRIBUTES }) };
  return { attributes };
}

export function AttributesForm({ officeId, office, initial, onSaved, onCancel }: { officeId: string; office: string; initial: Record<string, string>; onSaved: (message: string) => void; onCancel: () => void }) {
  const [rows, setRows] = useState<Row[]>(() => {
    const kept = Object.entries(initial).map(([key, value]) => ({ key, value }));
    return kept.length > 0 ? kept : [{ key: '', value: '' }];
  });
  const [error, setError] = useState<ApiError | string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  async function save(event: Event) {
    event.preventDefault();
    const body = attributesOf(rows);
    if ('problem' in body) return setError(body.problem);
    setBusy(true);
    const r = await parentApi.setAttributes(officeId, body.attributes);
    setBusy(false);
    if (!r.ok) return setError(r.error);
    onSaved(tParent('attr.saved', { office }));
  }

  return (
    <form class="parent-form" onSubmit={(e) => void save(e)} data-testid="attributes-form">
      <fieldset>
        <legend>{tParent('attr.legend', { office })}</legend>
        <p class="muted">{tParent('attr.help', { max: MAX_ATTRIBUTES })}</p>
        {rows.map((row, i) => (
          <div class="attr-row" key={i}>
            <input type="text" value={row.key} maxLength={40} placeholder={tParent('attr.key')} aria-label={tParent('attr.keyOf', { n: i + 1 })} data-testid="attr-key" onInput={(e) => set(i, { key: e.currentTarget.value })} />
            <input type="text" value={row.value} maxLength={100} placeholder={tParent('attr.value')} aria-label={tParent('attr.valueOf', { n: i + 1 })} data-testid="attr-value" onInput={(e) => set(i, { value: e.currentTarget.value })} />
            <button type="button" class="button button-link" aria-label={tParent('attr.removeLabel', { n: i + 1 })} onClick={() => setRows(rows.filter((_, j) => j !== i))}>
              {tParent('attr.remove')}
            </button>
          </div>
        ))}
      </fieldset>
      <div class="parent-actions">
        <button type="button" class="button button-secondary" disabled={rows.length >= MAX_ATTRIBUTES} onClick={() => setRows([...rows, { key: '', value: '' }])} data-testid="attr-add">
          {tParent('attr.add')}
        </button>
        <button type="submit" class="button" disabled={busy} data-testid="attr-save">
          {tParent('attr.save')}
        </button>
        <button type="button" class="button button-link" onClick={onCancel}>
          {tParent('attr.cancel')}
        </button>
      </div>
      <Feedback testId="attributes" error={error} />
    </form>
  );
}
