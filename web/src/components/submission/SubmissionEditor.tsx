// Editing one OIT item's submission fields: the office's website page answering it, the
// explanation (prefilled from the evidence notes until written), and the publish-permission
// form's fields (what is published; who asked, approved and posted it, each with a position and a
// Buddhist Era date). A save names the version it started from; when someone saved first the
// server refuses it (409) and the page reloads the item while what was typed stays here.
import { useState } from 'preact/hooks';
import type { FormPerson, SubmissionItem } from '../../../../worker/domain/submission';
import type { SubmissionBody } from '../../../../worker/domain/schemas/submission';
import type { ApiError } from '../../api';
import { Feedback } from '../Feedback';
import { BeDateInput } from '../dates/BeDateInput';
import { tSubmission } from '../../messages/submission';
import { submissionApi } from './api';

type PersonKey = 'requester' | 'approver' | 'poster';
const PEOPLE: PersonKey[] = ['requester', 'approver', 'poster'];

interface Props {
  beYear: number;
  item: SubmissionItem;
  /** Years offered by the date inputs (BE). */
  years: number[];
  onSaved: (item: SubmissionItem) => void;
  onStale: () => void;
  onCancel: () => void;
}

function PersonFields({ who, value, years, onChange, onComplete }: { who: PersonKey; value: FormPerson; years: number[]; onChange: (p: FormPerson) => void; onComplete: (ok: boolean) => void }) {
  const id = `sub-${who}`;
  return (
    <fieldset class="sub-person" data-testid={`sub-${who}`}>
      <legend>{tSubmission(`editor.${who}`)}</legend>
      <label>
        {tSubmission('editor.name')}
        <input maxLength={200} value={value.name} onInput={(e) => onChange({ ...value, name: e.currentTarget.value })} data-testid={`sub-${who}-name`} />
      </label>
      <label>
        {tSubmission('editor.position')}
        <input maxLength={200} value={value.position} onInput={(e) => onChange({ ...value, position: e.currentTarget.value })} data-testid={`sub-${who}-position`} />
      </label>
      <BeDateInput
        id={id}
        testId={`sub-${who}-date`}
        legend={tSubmission('editor.date')}
        value={value.date}
        years={years}
        clearLabel={tSubmission('editor.noDate')}
        onChange={(r) => {
          onComplete(r.ok);
          if (r.ok) onChange({ ...value, date: r.iso });
        }}
      />
    </fieldset>
  );
}

export function SubmissionEditor({ beYear, item, years, onSaved, onStale, onCancel }: Props) {
  const [form, setForm] = useState(() => ({
    pageUrl: item.pageUrl ?? '',
    explanation: item.explanationText,
    publishedInfo: item.publishedInfo,
    requester: item.requester,
    approver: item.approver,
    poster: item.poster,
  }));
  // Whether the explanation is still the prefilled one (saved as null, so it follows the notes).
  const [prefilled, setPrefilled] = useState(item.explanation === null);
  const [incomplete, setIncomplete] = useState<Record<PersonKey, boolean>>({ requester: false, approver: false, poster: false });
  const [error, setError] = useState<ApiError | string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(e: Event) {
    e.preventDefault();
    if (PEOPLE.some((p) => incomplete[p])) return setError(tSubmission('editor.incompleteDate'));
    const pageUrl = form.pageUrl.trim();
    if (pageUrl !== '' && !/^https?:\/\//i.test(pageUrl)) return setError(tSubmission('editor.badUrl'));
    const body: SubmissionBody = {
      version: item.version,
      pageUrl: pageUrl === '' ? null : pageUrl,
      explanation: prefilled ? null : form.explanation,
      publishedInfo: form.publishedInfo,
      requester: form.requester,
      approver: form.approver,
      poster: form.poster,
    };
    setBusy(true);
    const r = await submissionApi.save(beYear, item.code, body);
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      if (r.error.code === 'submission_changed') onStale();
      return;
    }
    setError(null);
    onSaved(r.data.item);
  }

  return (
    <form class="sub-editor" noValidate onSubmit={save} data-testid="sub-editor" aria-label={tSubmission('editor.legend', { code: item.code })}>
      <label class="wide">
        {tSubmission('editor.pageUrl')}
        <input
          type="url"
          inputMode="url"
          maxLength={2000}
          placeholder="https://"
          value={form.pageUrl}
          onInput={(e) => setForm({ ...form, pageUrl: e.currentTarget.value })}
          data-testid="sub-page-url"
          aria-describedby={`sub-page-hint-${item.code}`}
        />
        <span class="muted sub-hint" id={`sub-page-hint-${item.code}`}>
          {tSubmission('editor.pageUrlHint')}
        </span>
      </label>
      <label class="wide">
        <span class="sub-label-row">
          {tSubmission('editor.explanation')}
          {prefilled && <span class="muted"> {tSubmission('item.prefilled')}</span>}
        </span>
        <textarea
          rows={4}
          maxLength={5000}
          value={form.explanation}
          onInput={(e) => {
            setForm({ ...form, explanation: e.currentTarget.value });
            setPrefilled(false);
          }}
          data-testid="sub-explanation"
        />
        {!prefilled && (
          <button
            type="button"
            class="button button-link"
            onClick={() => {
              setPrefilled(true);
              setForm({ ...form, explanation: item.prefilledText });
            }}
          >
            {tSubmission('editor.usePrefill')}
          </button>
        )}
      </label>
      <label class="wide">
        {tSubmission('editor.publishedInfo')}
        <textarea rows={2} maxLength={2000} value={form.publishedInfo} onInput={(e) => setForm({ ...form, publishedInfo: e.currentTarget.value })} data-testid="sub-published-info" />
      </label>
      {PEOPLE.map((who) => (
        <PersonFields
          key={who}
          who={who}
          value={form[who]}
          years={years}
          onChange={(p) => setForm((f) => ({ ...f, [who]: p }))}
          onComplete={(ok) => setIncomplete((s) => ({ ...s, [who]: !ok }))}
        />
      ))}
      <div class="sub-editor-actions wide">
        <button type="submit" class="button button-primary" disabled={busy} data-testid="sub-save">
          {tSubmission('editor.save')}
        </button>
        <button type="button" class="button button-ghost" onClick={onCancel}>
          {tSubmission('editor.cancel')}
        </button>
      </div>
      <div class="wide">
        <Feedback error={error} testId="sub" />
      </div>
    </form>
  );
}
