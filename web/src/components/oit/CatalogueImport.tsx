// Importing the year's OIT list from tab-separated text (as in shared/reference/oit-items-2567.tsv:
// '#' comment lines, a header row, then code, Thai title, sub-indicator, English title). The
// preview writes nothing; the commit adds new codes and updates the titles and order of others.
import { useState } from 'preact/hooks';
import type { ApiError } from '../../api';
import { pickText } from '../../i18n';
import { oitApi, type CatalogueImportPreview } from './api';
import { Feedback } from '../Feedback';
import { tOit } from '../../messages/oit';

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
    setOk(tOit('catalogueImport.importedAddAddedUpdate', { add: r.data.add.length, update: r.data.update.length }));
    onImported();
  }

  return (
    <section class="oit-panel" aria-labelledby="oit-import-title" data-testid="oit-import">
      <h2 id="oit-import-title">{tOit('catalogueImport.importTheOitList')}</h2>
      <form class="oit-form" onSubmit={check}>
        <label>
          {tOit('catalogueImport.pasteTabSeparatedText')}
          <textarea rows={6} required value={text} onInput={(e) => setText(e.currentTarget.value)} data-testid="oit-import-text" />
        </label>
        <button type="submit" class="button button-secondary" data-testid="oit-import-preview">
          {tOit('catalogueImport.preview')}
        </button>
      </form>
      {preview && (
        <div class="oit-preview" data-testid="oit-import-result">
          <p>
            {tOit('catalogueImport.itemsItemsAddNew', { items: preview.items.length, add: preview.add.length, update: preview.update.length, unchanged: preview.unchanged })}
          </p>
          {preview.notInFile.length > 0 && (
            <p class="muted">
              {tOit('catalogueImport.existingItemsNotIn', { join: preview.notInFile.join(', ') })}
            </p>
          )}
          {preview.warnings.length > 0 && (
            <ul class="oit-warnings">
              {preview.warnings.map((w) => (
                <li key={`${w.line}-${w.code}`}>
                  {tOit('catalogueImport.lineLine', { line: w.line })} {w.code && <strong>{w.code}</strong>}: {pickText(w.messageTh, w.messageEn)}
                </li>
              ))}
            </ul>
          )}
          <button type="button" class="button button-primary" disabled={preview.items.length === 0} onClick={() => void commit()} data-testid="oit-import-commit">
            {tOit('catalogueImport.import')}
          </button>
        </div>
      )}
      <Feedback error={error} ok={ok} />
    </section>
  );
}
