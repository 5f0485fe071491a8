import type { CardView, ColumnView } from '../../../worker/domain/contracts';
import { formatDate, isOverdue } from '../dates';
import { local, t } from '../i18n';
import { columns, groupsById, measuresById, pendingCardIds, today } from '../state/board';
import { moveCard } from '../state/cards';
import { lang } from '../state/ui';

interface CardProps {
  card: CardView;
  column: ColumnView;
}

export function Card({ card, column }: CardProps) {
  const groups = groupsById.value;
  const measure = measuresById.value.get(card.measureId);
  const pending = pendingCardIds.value.has(card.id);
  const overdue = column.category !== 'done' && isOverdue(card.dueOn, today.value);
  const lead = card.leadGroupId ? groups.get(card.leadGroupId) : undefined;
  const others = card.groupIds
    .filter((id) => id !== card.leadGroupId)
    .map((id) => groups.get(id))
    .filter((g) => g !== undefined);

  return (
    <article
      class={`card${overdue ? ' is-overdue' : ''}${pending ? ' is-pending' : ''}`}
      data-testid="card"
      data-card-id={card.id}
      data-step={card.stepNumber}
      data-column-key={column.key}
      data-measure-number={measure?.number}
      aria-busy={pending || undefined}
      aria-labelledby={`card-${card.id}-title`}
    >
      <p class="card-step">{t('card.step', { n: card.stepNumber })}</p>
      <h3 class="card-title" id={`card-${card.id}-title`}>
        {measure && (
          <span class="visually-hidden">{t('lane.measure', { n: measure.number })} </span>
        )}
        <span class="visually-hidden">{t('card.step', { n: card.stepNumber })}: </span>
        {card.title}
      </h3>

      {(lead || card.allGroups || others.length > 0) && (
        <ul class="badges" aria-label={t('card.groups')}>
          {lead && (
            <li class="badge badge-lead" title={t('card.lead')}>
              <span class="visually-hidden">{t('card.lead')}: </span>
              {local(lead.nameTh, lead.nameEn)}
            </li>
          )}
          {card.allGroups && <li class="badge badge-all">{t('card.allGroups')}</li>}
          {others.map((g) => (
            <li key={g.id} class="badge">
              {local(g.nameTh, g.nameEn)}
            </li>
          ))}
        </ul>
      )}

      {card.dueOn && (
        <p class="card-due" data-testid="card-due" data-overdue={overdue ? 'true' : undefined}>
          <time dateTime={card.dueOn}>
            {t('card.due', { date: formatDate(card.dueOn, lang.value) })}
          </time>
          {overdue && <span class="overdue-tag">{t('card.overdue')}</span>}
        </p>
      )}

      {card.details && (
        <details class="card-details">
          <summary>{t('card.details')}</summary>
          <p>{card.details}</p>
        </details>
      )}

      {card.editable && <MoveSelect card={card} pending={pending} />}
    </article>
  );
}

function MoveSelect({ card, pending }: { card: CardView; pending: boolean }) {
  const targets = columns.value.filter((c) => c.id !== card.columnId);
  const id = `move-${card.id}`;

  function onChange(event: Event) {
    const select = event.currentTarget as HTMLSelectElement;
    const target = targets.find((c) => c.key === select.value);
    select.value = '';
    if (!target || pending) return;
    void moveCard(card.id, target.id);
    // The card re-renders in its new column; keep keyboard focus on its control.
    requestAnimationFrame(() => document.getElementById(id)?.focus());
  }

  return (
    <div class="card-move">
      <label for={id} class="visually-hidden">
        {t('card.moveLabel', { title: card.title })}
      </label>
      <select
        id={id}
        class="select select-small"
        data-testid="move-select"
        value=""
        aria-disabled={pending || undefined}
        onChange={onChange}
      >
        <option value="" disabled>
          {t('card.moveTo')}
        </option>
        {targets.map((c) => (
          <option key={c.id} value={c.key}>
            {local(c.labelTh, c.labelEn)}
          </option>
        ))}
      </select>
    </div>
  );
}
