// A later version of an adopted template (issue 19): each difference the office is offered (a step
// added, removed or changed, with its text before and after), accepted or declined one at a time
// or all accepted at once. Nothing changes on the board without that decision; what the server did
// (cards added, changed, unlinked) and what remains is said after each.
import { useState } from 'preact/hooks';
import type { ApiError } from '../../api';
import { formatDate } from '../../../../worker/domain/thai-date';
import { lang } from '../../state/ui';
import { Feedback } from '../Feedback';
import { officeTreeApi, type OfficeTemplate, type TemplateChangeView } from './tree-api';
import { tParentOffice as tp } from '../../messages/parent-office';

type Decision = 'accepted' | 'declined';
/** decideChangesBody takes at most 500 decisions a request: a longer revision is accepted 500 at a time (what remains is shown). */
const MAX_DECISIONS = 500;
type Step = NonNullable<TemplateChangeView['after']>;

function fieldText(step: Step, field: TemplateChangeView['fields'][number]): string {
  if (field === 'dueOn') return step.dueOn ? formatDate(step.dueOn, lang.value) : tp('change.noDue');
  return step[field];
}

function ChangeBody({ change }: { change: TemplateChangeView }) {
  const { before, after } = change;
  if (change.change === 'changed' && before && after) {
    return (
      <dl class="po-diff">
        {change.fields.map((f) => (
          <div key={f}>
            <dt>{tp(`field.${f}`)}</dt>
            <dd>
              <del aria-label={tp('change.before')}>{fieldText(before, f)}</del> → <ins aria-label={tp('change.after')}>{fieldText(after, f)}</ins>
            </dd>
          </div>
        ))}
      </dl>
    );
  }
  const step = after ?? before!;
  return (
    <p class="po-diff">
      {change.change === 'removed' ? <del>{step.title}</del> : <ins>{step.title}</ins>}
      {step.dueOn && <span class="muted"> · {tp('adopt.due', { date: formatDate(step.dueOn, lang.value) })}</span>}
      <br />
      <small class="muted">{change.change === 'removed' ? tp('change.removedNote') : tp('change.addedNote')}</small>
    </p>
  );
}

export function TemplateReview({ template, onDecided }: { template: OfficeTemplate; onDecided: () => Promise<void> }) {
  const { changes } = template;
  const [error, setError] = useState<ApiError | null>(null);
  const [ok, setOk] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function decide(decisions: { itemId: string; decision: Decision }[]) {
    setBusy(true);
    const r = await officeTreeApi.decide(template.template.id, decisions);
    setBusy(false);
    if (!r.ok) {
      setOk(null);
      setError(r.error);
    } else {
      setError(null);
      setOk(tp('review.saved', { ...r.data, declined: decisions.filter((d) => d.decision === 'declined').length }));
    }
    await onDecided();
  }

  return (
    <div data-testid="template-review-form">
      <h3>{tp('review.title', { version: template.template.version, adopted: template.adoption?.version ?? 0 })}</h3>
      <Feedback error={error} ok={ok} testId="template-review" />
      {changes.length === 0 ? (
        <p data-testid="template-no-changes">{tp('review.none')}</p>
      ) : (
        <>
          <p class="muted">{tp('review.help')}</p>
          <p>
            <button
              type="button"
              class="button button-secondary"
              disabled={busy}
              onClick={() => void decide(changes.slice(0, MAX_DECISIONS).map((c) => ({ itemId: c.itemId, decision: 'accepted' })))}
              data-testid="template-accept-all"
            >
              {tp('review.acceptAll', { count: changes.length })}
            </button>
          </p>
          <ul class="po-changes">
            {changes.map((c) => {
              const step = c.after ?? c.before!;
              return (
                <li key={c.itemId} class={`po-change po-change-${c.change}`} data-testid="template-change" data-change={c.change}>
                  <p class="po-change-head">
                    <strong>{tp(`change.${c.change}`)}</strong> · {tp('change.where', { number: c.measure.number, title: c.measure.title, step: step.stepNumber })}
                  </p>
                  <ChangeBody change={c} />
                  <p class="po-actions">
                    <button type="button" class="button button-primary" disabled={busy} onClick={() => void decide([{ itemId: c.itemId, decision: 'accepted' }])} data-testid="template-change-accept">
                      {tp('change.accept')}
                    </button>
                    <button type="button" class="button button-secondary" disabled={busy} onClick={() => void decide([{ itemId: c.itemId, decision: 'declined' }])} data-testid="template-change-decline">
                      {tp('change.decline')}
                    </button>
                  </p>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}
