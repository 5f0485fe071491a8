// Where a dragged card lands. The board shows cells (column × swimlane); a card only moves within
// its own swimlane (dragging cannot change its measure or lead group), to another column or to
// another place in its cell. A place is a slot among the cell's other cards; the move names the
// cards on either side, and the server computes the order key from them (MoveCardRequest).
import type { CardView } from '../../../../worker/domain/contracts';

/** What the board attaches to each drop target (a cell) and each draggable card. */
export interface DragData {
  type: 'card' | 'cell';
  columnId: string;
  laneKey: string;
}

export interface Slot {
  columnId: string;
  laneKey: string;
  /** Index among the target cell's cards without the dragged one (0: first). */
  index: number;
}

export interface DropTarget extends Slot {
  /** Dropping here would leave the card where it is. */
  unchanged: boolean;
}

export const cellDroppableId = (columnId: string, laneKey: string) => `cell:${columnId}:${laneKey}`;

export function isDragData(value: unknown): value is DragData {
  const v = value as Partial<DragData> | null | undefined;
  return !!v && (v.type === 'card' || v.type === 'cell') && typeof v.columnId === 'string' && typeof v.laneKey === 'string';
}

/** The drop target for a slot, given the cards the target cell shows (maybe with the dragged one). */
export function targetAt(slot: Slot, cellCards: readonly CardView[], activeId: string): DropTarget {
  const others = cellCards.filter((c) => c.id !== activeId).length;
  const from = cellCards.findIndex((c) => c.id === activeId);
  const index = Math.max(0, Math.min(others, slot.index));
  return { ...slot, index, unchanged: from >= 0 && index === from };
}

/** The slot a card starts from: its own place in its cell. */
export function startSlot(columnId: string, laneKey: string, cellCards: readonly CardView[], activeId: string): Slot {
  return { columnId, laneKey, index: Math.max(0, cellCards.findIndex((c) => c.id === activeId)) };
}

export type Step = 'up' | 'down' | 'left' | 'right';

const STEPS: Record<string, Step> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

export function stepOf(code: string): Step | null {
  return STEPS[code] ?? null;
}

/**
 * One arrow key while dragging with the keyboard: up and down move one place within the cell,
 * left and right move to the neighbouring column of the same swimlane at the same height
 * (clamped to its length). Null when there is nowhere to go.
 * `slotsIn(columnId)` is how many other cards that cell shows.
 */
export function stepSlot(slot: Slot, step: Step, columnOrder: readonly string[], slotsIn: (columnId: string) => number): Slot | null {
  if (step === 'up') return slot.index > 0 ? { ...slot, index: slot.index - 1 } : null;
  if (step === 'down') return slot.index < slotsIn(slot.columnId) ? { ...slot, index: slot.index + 1 } : null;
  const at = columnOrder.indexOf(slot.columnId);
  const next = columnOrder[step === 'left' ? at - 1 : at + 1];
  if (at < 0 || next === undefined) return null;
  return { ...slot, columnId: next, index: Math.min(slot.index, slotsIn(next)) };
}

/** The neighbours to send for a drop at `index` among `others` (the cell without the card). */
export function neighboursAt(others: readonly CardView[], index: number): { afterCardId: string | null; beforeCardId: string | null } {
  return { afterCardId: others[index - 1]?.id ?? null, beforeCardId: others[index]?.id ?? null };
}
