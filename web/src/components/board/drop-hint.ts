// Where a dragged card would land, measured on the page: the slot under the pointer (pointer
// drags) or the slot chosen with the arrow keys (keyboard drags), with the box to draw for it.
import { signal } from '@preact/signals';
import type { Active, Over } from '@dnd-kit/core';
import { cardsInCell } from '../../state/board';
import { cellDroppableId, targetAt, type DropTarget, type Slot } from './drop';
import { dataOf } from './sensors';

/** The target cell's outline and the insertion line, in viewport coordinates. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
  lineTop: number;
}

export type Hint = DropTarget & { box: Box | null };

/** The card being dragged (the cells of its lane open up on phones: DragLayer.tsx openDropLane). */
export const draggingId = signal<string | null>(null);

/** Where the card being dragged would land now (drawn by DragLayer; null: nowhere). */
export const dropHint = signal<Hint | null>(null);

/** The cell and its cards as drawn (DOM order is the cell's order), without the dragged one. */
export function cellNodes(slot: Pick<Slot, 'columnId' | 'laneKey'>, activeId: string): { cell: Element | null; cards: Element[] } {
  const key = CSS.escape(cellDroppableId(slot.columnId, slot.laneKey));
  const cell = document.querySelector(`[data-cell-key="${key}"]`);
  const cards = cell ? [...cell.querySelectorAll('[data-testid=card]')].filter((n) => n.getAttribute('data-card-id') !== activeId) : [];
  return { cell, cards };
}

function boxFor(cell: Element | null, cards: Element[], index: number): Box | null {
  if (!cell) return null;
  const c = cell.getBoundingClientRect();
  const before = cards[index - 1]?.getBoundingClientRect();
  const after = cards[index]?.getBoundingClientRect();
  const lineTop = before && after ? (before.bottom + after.top) / 2 : before ? before.bottom + 4 : after ? after.top - 4 : c.top + 12;
  return { left: c.left, top: c.top, width: c.width, height: c.height, lineTop };
}

export function hintFor(slot: Slot, activeId: string): Hint {
  const target = targetAt(slot, cardsInCell(slot.columnId, slot.laneKey), activeId);
  const { cell, cards } = cellNodes(slot, activeId);
  return { ...target, box: target.unchanged ? null : boxFor(cell, cards, target.index) };
}

/** Where the pointer (mouse or finger) is during a drag, in viewport coordinates. */
let pointerY: number | null = null;
function trackPointer(event: PointerEvent | TouchEvent): void {
  const y = 'touches' in event ? event.touches[0]?.clientY : event.clientY;
  if (y !== undefined) pointerY = y;
}

export function followPointer(start: Event | null): void {
  pointerY = null;
  if (start) trackPointer(start as PointerEvent | TouchEvent);
  addEventListener('pointermove', trackPointer, { passive: true });
  addEventListener('touchmove', trackPointer, { passive: true });
}

export function stopFollowingPointer(): void {
  removeEventListener('pointermove', trackPointer);
  removeEventListener('touchmove', trackPointer);
}

/** Pointer drags: the slot under the pointer, among the cards of the cell as drawn. */
export function pointerHint(active: Active, over: Over | null): Hint | null {
  const overData = over ? dataOf(over) : null;
  const activeData = dataOf(active);
  if (!overData || !activeData || overData.laneKey !== activeData.laneKey || pointerY === null) return null;
  const y = pointerY;
  const { cards } = cellNodes(overData, String(active.id));
  const index = cards.filter((n) => {
    const r = n.getBoundingClientRect();
    return r.top + r.height / 2 < y;
  }).length;
  return hintFor({ columnId: overData.columnId, laneKey: overData.laneKey, index }, String(active.id));
}

/** Show `next`, unless it is what is shown already (pointer moves fire often). */
export function setHint(next: Hint | null): void {
  const prev = dropHint.value;
  const same =
    prev && next
      ? prev.columnId === next.columnId && prev.index === next.index && prev.box?.lineTop === next.box?.lineTop && prev.box?.left === next.box?.left
      : prev === next;
  if (!same) dropHint.value = next;
}
