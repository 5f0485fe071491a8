// A card on the board. Cards the user may edit can be dragged (the mouse, a long press, or the
// keyboard on the handle) and keep the "Move to…" menu as the non-dragging alternative; other
// cards show no controls at all. The body is memoised: a drag re-renders the draggable wrapper
// of every card, but not what is inside it.
import { memo } from 'preact/compat';
import { useDraggable } from '@dnd-kit/core';
import type { CardView, ColumnView } from '../../../worker/domain/contracts';
import { formatDate } from '../../../worker/domain/thai-date';
import { isOverdueOn } from '../../../worker/domain/due';
import { pickText, t } from '../i18n';
import { groupsById, measuresById, today } from '../state/board';
import { openCard } from '../state/details';
import { lang } from '../state/ui';
import type { DragData } from './board/drop';
import { moveButton } from './board/MoveMenu';

interface CardProps {
  card: CardView;
  column: ColumnView;
  laneKey: string;
  pending: boolean;
}

export const Card = memo(function Card(props: CardProps) {
  return props.card.editable ? <DraggableCard {...props} /> : <StaticCard {...props} />;
});

/** Clicking the card (not one of its controls) opens its details, like its title link. */
function openOnClick(event: MouseEvent, cardId: string): void {
  const target = event.target as Element | null;
  if (target?.closest('a, button, select, input, textarea, label')) return;
  openCard(cardId);
}

function StaticCard({ card, column, pending }: CardProps) {
  return (
    <article
      class={cardClass(card, column, pending)}
      data-testid="card"
      data-card-id={card.id}
      data-step={card.stepNumber}
      data-column-key={column.key}
      aria-labelledby={`card-${card.id}-title`}
      onClick={(e) => openOnClick(e, card.id)}
    >
      <CardBody card={card} column={column} pending={pending} />
    </article>
  );
}

function DraggableCard({ card, column, laneKey, pending }: CardProps) {
  const data: DragData = { type: 'card', columnId: column.id, laneKey };
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({
    id: card.id,
    data,
    disabled: pending,
    attributes: { roleDescription: t('dnd.roleDescription') },
  });
  // It is a <button> already; dnd-kit's role="button" is for other elements.
  const { role: _role, ...handleAttributes } = attributes;
  // Pointer and touch start a drag anywhere on the card; the keyboard only on the handle, so
  // Enter on the title still opens the details.
  const { onKeyDown, ...pointer } = (listeners ?? {}) as Record<string, (event: Event) => void>;
  return (
    <article
      ref={setNodeRef}
      {...pointer}
      class={`${cardClass(card, column, pending)} is-draggable${isDragging ? ' is-dragging' : ''}`}
      data-testid="card"
      data-card-id={card.id}
      data-step={card.stepNumber}
      data-column-key={column.key}
      aria-busy={pending || undefined}
      aria-labelledby={`card-${card.id}-title`}
      onClick={(e) => openOnClick(e, card.id)}
    >
      <button
        type="button"
        ref={setActivatorNodeRef}
        {...handleAttributes}
        class="drag-handle"
        data-testid="drag-handle"
        aria-label={t('dnd.handle', { title: card.title })}
        title={t('dnd.handleHint')}
        onKeyDown={onKeyDown}
      />
      <CardBody card={card} column={column} pending={pending} />
    </article>
  );
}

function cardClass(card: CardView, column: ColumnView, pending: boolean): string {
  const overdue = column.category !== 'done' && isOverdueOn(card.dueOn, today.value);
  return `card${overdue ? ' is-overdue' : ''}${pending ? ' is-pending' : ''}`;
}

/** What a card shows. */
export const CardBody = memo(function CardBody({ card, column, pending }: Omit<CardProps, 'laneKey'>) {
  const groups = groupsById.value;
  const measure = measuresById.value.get(card.measureId);
  const overdue = column.category !== 'done' && isOverdueOn(card.dueOn, today.value);
  const lead = card.leadGroupId ? groups.get(card.leadGroupId) : undefined;
  const others = card.groupIds
    .filter((id) => id !== card.leadGroupId)
    .map((id) => groups.get(id))
    .filter((g) => g !== undefined);
  const checks = card.checklist;

  return (
    <>
      <p class="card-step">
        {measure && <span class="card-measure">{t('lane.measure', { n: measure.number })} · </span>}
        {t('card.step', { n: card.stepNumber })}
      </p>
      <h3 class="card-title" id={`card-${card.id}-title`}>
        <a
          class="card-open"
          href={`?card=${encodeURIComponent(card.id)}`}
          draggable={false}
          data-testid="card-open"
          onClick={(e) => {
            if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
            e.preventDefault();
            openCard(card.id);
          }}
        >
          {card.title}
        </a>
      </h3>

      {(lead || card.allGroups || others.length > 0) && (
        <ul class="badges" aria-label={t('card.groups')}>
          {lead && (
            <li class="badge badge-lead" title={t('card.lead')}>
              <span class="visually-hidden">{t('card.lead')}: </span>
              {pickText(lead.nameTh, lead.nameEn)}
            </li>
          )}
          {card.allGroups && <li class="badge badge-all">{t('card.allGroups')}</li>}
          {others.map((g) => (
            <li key={g.id} class="badge">
              {pickText(g.nameTh, g.nameEn)}
            </li>
          ))}
        </ul>
      )}

      {(card.dueOn || checks.total > 0) && (
        <p class="card-due" data-testid="card-due" data-overdue={overdue ? 'true' : undefined}>
          {card.dueOn && (
            <time dateTime={card.dueOn}>{t('card.due', { date: formatDate(card.dueOn, lang.value) })}</time>
          )}
          {overdue && <span class="overdue-tag">{t('card.overdue')}</span>}
          {checks.total > 0 && (
            <span class="card-checks" title={t('checklist.title')}>
              {t('checklist.progress', { done: checks.done, total: checks.total })}
            </span>
          )}
        </p>
      )}

      {card.editable && moveButton(card.id, card.title, pending)}
    </>
  );
});
