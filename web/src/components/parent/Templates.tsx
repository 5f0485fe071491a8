// A parent body's templates of measures: per template its year, title, published version, how
// many offices adopted it and how many are on the latest version. Its administrators paste an
// announcement into a year's working copy (the office importer's reader; responsible names stay
// text) and publish it: each publish is a version the offices are offered, change by change.
import { useState } from 'preact/hooks';
import type { ApiError } from '../../api';
import { lang } from '../../state/ui';
import { pickText } from '../../i18n';
import { Feedback } from '../Feedback';
import { useLoad } from '../admin/useLoad';
import { ParentTable } from './ParentTable';
import { tParent } from '../../messages/parent';
import { formatMoment } from '../../../../worker/domain/thai-date';
import type { ImportWarning } from '../../../../worker/domain/announcement/types';
import { parentApi, type ParentTemplate, type TemplateImport } from './api';
import { yearOnScreen } from './open';

type Said = { error: ApiError | string | null; ok: string | null };

/** Publish a template: its new version, or the server's word (409 nothing to publish is a notice, not an error). */
async function publish(id: string): Promise<Said> {
  const r = await parentApi.publish(id);
  if (r.ok) return { error: null, ok: tParent('tpl.published', { version: r.data.version, changes: r.data.changes }) };
  // 409 'template' (template.nothing_to_publish: the API's code is the key's first part); 409 'busy' is another publish at once.
  if (r.error.status === 409 && r.error.code === 'template') return { error: null, ok: tParent('tpl.nothingToPublish') };
  return { error: r.error, ok: null };
}

/** What the reader says about a template: not that a responsible name matches no group (a parent body has none: names stay text by design). */
const templateWarnings = (warnings: readonly ImportWarning[]) => warnings.filter((w) => w.code !== 'group-unknown');

function Warnings({ warnings: all }: { warnings: readonly ImportWarning[] }) {
  const warnings = templateWarnings(all);
  if (warnings.length === 0) return null;
  return (
    <>
      <p>{tParent('import.warnings')}</p>
      <ul class="parent-warnings" data-testid="template-warnings">
        {warnings.map((w, i) => (
          <li key={i}>
            <strong>{w.location}</strong>: {pickText(w.messageTh, w.messageEn)}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The warnings a refused import carries (422 nothing_to_import: what the reader found instead). */
function warningsOf(error: ApiError | null): ImportWarning[] {
  const details = (error?.body as { error?: { details?: unknown } } | null)?.error?.details;
  return Array.isArray(details) ? (details as ImportWarning[]) : [];
}

function ImportForm({ onImported }: { onImported: () => Promise<unknown> }) {
  const [year, setYear] = useState(String(yearOnScreen()));
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | string | null>(null);
  const [result, setResult] = useState<TemplateImport | null>(null);
  const [published, setPublished] = useState<Said | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    const beYear = Number(year.trim());
    // A four-digit year; the server says whether it is a plausible one.
    if (!/^\d{4}$/.test(year.trim())) return setError(tParent('import.badYear'));
    if (!text.trim()) return setError(tParent('import.empty'));
    setBusy(true);
    setPublished(null);
    const r = await parentApi.importTemplate({ beYear, text, ...(title.trim() ? { title: title.trim() } : {}) });
    setBusy(false);
    setError(r.ok ? null : r.error);
    setResult(r.ok ? r.data : null);
    if (r.ok) await onImported();
  }

  async function publishNow(id: string) {
    setBusy(true);
    const said = await publish(id);
    setBusy(false);
    setPublished(said);
    if (said.ok) await onImported();
  }

  return (
    <form class="parent-form" onSubmit={(e) => void submit(e)} data-testid="template-import">
      <h3>{tParent('import.title')}</h3>
      <p class="muted">{tParent('import.help')}</p>
      <label for="template-year">{tParent('import.year')}</label>
      <input id="template-year" type="text" inputMode="numeric" maxLength={4} value={year} data-testid="template-year" onInput={(e) => setYear(e.currentTarget.value)} />
      <label for="template-title">{tParent('import.name')}</label>
      <input id="template-title" type="text" maxLength={300} value={title} data-testid="template-title" onInput={(e) => setTitle(e.currentTarget.value)} />
      <label for="template-text">{tParent('import.text')}</label>
      <textarea id="template-text" value={text} data-testid="template-text" onInput={(e) => setText(e.currentTarget.value)} />
      <div class="parent-actions">
        <button type="submit" class="button" disabled={busy} data-testid="template-import-submit">
          {tParent('import.submit')}
        </button>
      </div>
      <Feedback testId="template-import" error={error} />
      <Warnings warnings={warningsOf(typeof error === 'string' ? null : error)} />
      {result && (
        <div role="status" data-testid="template-import-result">
          <p class="form-ok">{tParent('import.done', { year: result.beYear, measures: result.measures, steps: result.steps })}</p>
          <p>{result.unpublishedChanges > 0 ? tParent('import.changes', { n: result.unpublishedChanges }) : tParent('import.noChanges')}</p>
          <Warnings warnings={result.warnings} />
          <div class="parent-actions">
            <button type="button" class="button" disabled={busy} onClick={() => void publishNow(result.id)} data-testid="template-publish-now">
              {tParent('import.publishNow')}
            </button>
          </div>
          {published && <Feedback testId="template-publish" error={published.error} ok={published.ok} />}
        </div>
      )}
    </form>
  );
}

function TemplateRow({ template: t, canAdminister, onPublished }: { template: ParentTemplate; canAdminister: boolean; onPublished: () => Promise<unknown> }) {
  const [said, setSaid] = useState<Said | null>(null);
  const [busy, setBusy] = useState(false);
  const steps = t.copy.reduce((n, m) => n + m.steps.length, 0);
  const unpublished = t.version === 0 || (t.editedAt ?? 0) > (t.publishedAt ?? 0);
  return (
    <tr data-testid="template-row">
      <td data-label={tParent('tpl.year')}>{t.beYear}</td>
      <th scope="row">
        {t.title}
        <div class="muted">{tParent('tpl.content', { measures: t.copy.length, steps })}</div>
        {unpublished && <div class="status-pending">{tParent('tpl.unpublished')}</div>}
      </th>
      <td data-label={tParent('tpl.version')} data-testid="template-version">{t.version > 0 && t.publishedAt ? tParent('tpl.versionOn', { version: t.version, at: formatMoment(t.publishedAt, lang.value) }) : tParent('tpl.notPublished')}</td>
      <td data-label={tParent('tpl.adoption')}>{tParent('tpl.adoptionCount', { adopted: t.adoptions, current: t.current })}</td>
      {canAdminister && (
        <td>
          <button
            type="button"
            class="button button-secondary"
            disabled={busy}
            aria-label={tParent('tpl.publishLabel', { title: t.title })}
            data-testid="template-publish"
            onClick={async () => {
              setBusy(true);
              const r = await publish(t.id);
              setBusy(false);
              setSaid(r);
              if (r.ok) await onPublished();
            }}
          >
            {tParent('tpl.publish')}
          </button>
          {said && <Feedback testId="template-row" error={said.error} ok={said.ok} />}
        </td>
      )}
    </tr>
  );
}

export function Templates({ canAdminister }: { canAdminister: boolean }) {
  const list = useLoad(() => parentApi.templates());
  return (
    <section aria-labelledby="parent-templates" data-testid="parent-templates">
      <h2 id="parent-templates">{tParent('tpl.title')}</h2>
      <Feedback error={list.error} />
      {list.data && list.data.templates.length === 0 && <p class="muted">{tParent('tpl.none')}</p>}
      {list.data && list.data.templates.length > 0 && (
        <ParentTable headers={[tParent('tpl.year'), tParent('tpl.name'), tParent('tpl.version'), tParent('tpl.adoption'), ...(canAdminister ? [null] : [])]}>
          {list.data.templates.map((t) => (
            <TemplateRow key={t.id} template={t} canAdminister={canAdminister} onPublished={list.reload} />
          ))}
        </ParentTable>
      )}
      {canAdminister && <ImportForm onImported={list.reload} />}
    </section>
  );
}
