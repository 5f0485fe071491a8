// What screen readers hear during a drag, in the interface language (dnd-kit speaks these through
// its live region): where the card was picked up, where it is over (column, position of total),
// where it was dropped, or that the move was cancelled.
import type { Active, Announcements } from '@dnd-kit/core';
import { t } from '../../i18n';
import { cardsInCell, columnsById, findCard } from '../../state/board';
import { lang } from '../../state/ui';
import type { DropTarget } from './drop';
import { dropHint } from './drop-hint';

function columnLabel(columnId: string): string {
  const column = columnsById.value.get(columnId);
  if (!column) return '';
  return lang.value === 'en' ? column.labelEn || column.labelTh : column.labelTh;
}

function titleOf(active: Active): string {
  return findCard(String(active.id))?.title ?? '';
}

function fromColumn(active: Active): string {
  const card = findCard(String(active.id));
  return card ? columnLabel(card.columnId) : '';
}

/** "column, position n of total" for a drop target, counted as it will be after the drop. */
export interface Place {
  column: string;
  position: number;
  total: number;
}

export function placeText(target: DropTarget | null): Place | null {
  if (!target) return null;
  const total = cardsInCell(target.columnId, target.laneKey).length + (target.unchanged ? 0 : 1);
  return { column: columnLabel(target.columnId), position: target.index + 1, total };
}

function overText(active: Active): string {
  const where = placeText(dropHint.value);
  return where ? t('dnd.over', { title: titleOf(active), ...where }) : t('dnd.outside', { title: titleOf(active) });
}

export interface DragFacts {
  /** Whether the drag in progress is a keyboard drag. */
  keyboard(): boolean;
  /** Where the last drop went (taken before the card moved), or null when it stayed. */
  lastDrop(): Place | null;
}

const placeKey = (target: DropTarget | null) => (target ? `${target.columnId}:${target.index}` : '');

export function announcementsFor(facts: DragFacts): Announcements {
  /** The place last announced: moves that do not change it (scrolling) say nothing. */
  let said = '';
  const sayPlace = (active: Active) => {
    const key = placeKey(dropHint.value);
    if (key === said) return undefined;
    said = key;
    return overText(active);
  };
  return {
    onDragStart: ({ active }) => {
      said = placeKey(dropHint.value);
      return t('dnd.start', { title: titleOf(active), column: fromColumn(active) });
    },
    // Keyboard steps within a cell do not change the drop target, so each new place is announced.
    onDragMove: ({ active }) => (facts.keyboard() ? sayPlace(active) : undefined),
    onDragOver: ({ active }) => (facts.keyboard() ? undefined : overText(active)),
    onDragEnd: ({ active }) => {
      const where = facts.lastDrop();
      return where ? t('dnd.dropped', { title: titleOf(active), ...where }) : t('dnd.stayed', { title: titleOf(active) });
    },
    onDragCancel: ({ active }) => t('dnd.cancelled', { title: titleOf(active), column: fromColumn(active) }),
  };
}
