// Adopting a parent body's template (issue 19): its measures and steps listed compactly, whether
// it makes a new board or is added to the year's existing one, and for each responsible name of
// the template a lead group and participating groups of the office, prefilled from the server's
// suggestion (the importer's own matching). A name without a lead group blocks, as in the
// importer, unless every group takes part in its measures. The server checks the groups again.
import { useState } from 'preact/hooks';
import type { ApiError } from '../../api';
import type { Placement } from '../../../../worker/domain/template';
import { formatDate } from '../../../../worker/domain/thai-date';
import { lang } from '../../state/ui';
import { Feedback } from '../Feedback';
import { GroupOptions } from './GroupOptions';
import { officeTreeApi, type OfficeTemplate } from './tree-api';
import { tParentOffice as tp } from '../../messages/parent-office';
import './import.css';

/** What an adoption added (shown by the panel after the form is gone). */
export interface Adopted {
  beYear: number;
  measures: number;
  cards: number;
}

export function TemplateAdopt({ template, onAdopted }: { template: OfficeTemplate; onAdopted: (adopted: Adopted) => Promise<void> }) {
  const { content, groups, names } = template;
  const [map, setMap] = useState<Record<string, Placement>>(() =>
    Object.fromEntries(names.map((n) => [n.text, { leadGroupId: n.suggestion.leadGroupId, groupIds: n.suggestion.groupIds }])),
  );
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const measuresOf = (text: string) => content.measures.filter((m) => m.responsibleText === text);
  const everyGroup = (text: string) => measuresOf(text).every((m) => m.allGroups);
  const blocking = names.filter((n) => map[n.text]?.leadGroupId == null && !everyGroup(n.text));
  const steps = content.measures.reduce((n, m) => n + m.steps.length, 0);
  const groupName = (id: string) => groups.find((g) => g.id === id)?.nameTh ?? id;

  const place = (text: string, next: Partial<Placement>) => setMap((m) => ({ ...m, [text]: { ...m[text]!, ...next } }));

  async function adopt() {
    setBusy(true);
    const r = await officeTreeApi.adopt(template.template.id, map);
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    await onAdopted({ beYear: r.data.beYear, measures: content.measures.length, cards: r.data.cards });
  }

  return (
    <div data-testid="template-adopt-form">
      <h3>{tp('adopt.title', { title: template.template.title, version: template.template.version })}</h3>
      <p data-testid="template-board-note">
        {template.yearHasBoard ? tp('adopt.existingBoard', { beYear: content.beYear }) : tp('adopt.newBoard', { beYear: content.beYear })}
      </p>
      <details class="po-measures">
        <summary>
          {tp('adopt.measures')}: {tp('adopt.summary', { measures: content.measures.length, steps })}
        </summary>
        <ol class="import-measures" data-testid="template-measures">
          {content.measures.map((m) => (
            <li key={m.id} value={m.number}>
              {m.title} — <span class="muted">{m.responsibleText}</span>
              <ol>
                {m.steps.map((s) => (
                  <li key={s.id} value={s.stepNumber}>
                    {s.title}
                    {s.dueOn && <span class="muted"> · {tp('adopt.due', { date: formatDate(s.dueOn, lang.value) })}</span>}
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ol>
      </details>
      <fieldset class="import-unresolved po-mapping" data-testid="template-mapping">
        <legend>{tp('adopt.mapping')}</legend>
        <p class="muted">{tp('adopt.mappingHelp')}</p>
        {names.map((n, i) => {
          const p = map[n.text]!;
          const numbers = measuresOf(n.text)
            .map((m) => m.number)
            .join(', ');
          const others = p.groupIds.filter((g) => g !== p.leadGroupId);
          return (
            <div key={n.text} class="po-name" data-testid="template-name">
              <label>
                <span>
                  {n.text === '' ? tp('adopt.noName', { measures: numbers }) : tp('adopt.name', { name: n.text, measures: numbers })}
                  {everyGroup(n.text) && <em> {tp('adopt.everyGroup')}</em>}
                </span>
                <span class="po-field">
                  {tp('adopt.lead')}
                  <select
                    class="select"
                    value={p.leadGroupId ?? ''}
                    disabled={busy}
                    aria-invalid={(p.leadGroupId === null && !everyGroup(n.text)) || undefined}
                    onChange={(e) => place(n.text, { leadGroupId: e.currentTarget.value || null })}
                    data-testid={`template-lead-${i}`}
                  >
                    <option value="">{tp('adopt.noLead')}</option>
                    <GroupOptions groups={groups} />
                  </select>
                </span>
                {!n.suggestion.resolved && p.leadGroupId === null && !everyGroup(n.text) && <small class="form-error">{tp('adopt.unresolved')}</small>}
              </label>
              <details class="po-participants">
                <summary>{tp('adopt.participants', { names: others.length > 0 ? others.map(groupName).join(', ') : tp('adopt.participantsNone') })}</summary>
                {groups
                  .filter((g) => g.id !== p.leadGroupId)
                  .map((g) => (
                    <label key={g.id} class="po-check">
                      <input
                        type="checkbox"
                        checked={p.groupIds.includes(g.id)}
                        disabled={busy}
                        onChange={(e) => place(n.text, { groupIds: e.currentTarget.checked ? [...p.groupIds, g.id] : p.groupIds.filter((x) => x !== g.id) })}
                      />
                      {g.nameTh}
                    </label>
                  ))}
              </details>
            </div>
          );
        })}
      </fieldset>
      <p class="admin-form-inline">
        <button type="button" class="button button-primary" disabled={busy || blocking.length > 0} onClick={() => void adopt()} data-testid="template-adopt-button">
          {tp('adopt.button')}
        </button>
        {blocking.length > 0 && <span>{tp('adopt.needsLead')}</span>}
      </p>
      <Feedback error={error} testId="template-adopt" />
    </div>
  );
}
