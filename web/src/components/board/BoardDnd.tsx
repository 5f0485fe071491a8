// Dragging cards with dnd-kit: the mouse, a long press, or the keyboard on a card's handle
// (Space/Enter picks up, arrows move, Space/Enter drops, Escape cancels), announced to screen
// readers in the interface language.
//
// Cards are draggables and cells are the drop targets; the place within a cell comes from where
// the pointer is, or from the arrow keys, and a line shows it. Cards are not droppables (as
// @dnd-kit/sortable would make them): dnd-kit registers each droppable with a dispatch that
// copies the whole registry, so 2,000 sortable cards cost O(n²) on the first render (about
// 700 ms with garbage collection, measured). Draggables register without that copy.
import { useEffect, useMemo } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragMoveEvent,
  type DragOverEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
} from '@dnd-kit/core';
import { t } from '../../i18n';
import { cardsInCell, columns } from '../../state/board';
import { moveCard } from '../../state/cards';
import { lang } from '../../state/ui';
import { announcementsFor, placeText, type Place } from './announcements';
import { DragPreview, DropIndicator, openDropLane } from './DragLayer';
import { neighboursAt, startSlot, stepOf, stepSlot, type Slot } from './drop';
import {
  cellNodes,
  draggingId,
  dropHint,
  followPointer,
  hintFor,
  pointerHint,
  setHint,
  stopFollowingPointer,
} from './drop-hint';
import {
  AUTO_SCROLL,
  collide,
  dataOf,
  LongPressSensor,
  MOUSE_DISTANCE_PX,
  MouseSensor,
  TOUCH_DELAY_MS,
  TOUCH_TOLERANCE_PX,
} from './sensors';

interface Drag {
  id: string;
  keyboard: boolean;
  /** Keyboard drags: the place chosen with the arrow keys. */
  slot: Slot;
}
let drag: Drag | null = null;
/** Where the last drop went, for its announcement (taken before the card moves). */
let lastDrop: Place | null = null;
let lastDropAt = Number.NEGATIVE_INFINITY;

const announcements = announcementsFor({ keyboard: () => drag?.keyboard ?? false, lastDrop: () => lastDrop });

/** Keyboard drags: arrows move between the places of the card's own swimlane. */
const keyboardCoordinates: KeyboardCoordinateGetter = (event) => {
  const step = stepOf(event.code);
  if (!step || !drag?.keyboard) return undefined;
  event.preventDefault();
  const { id, slot } = drag;
  const slotsIn = (columnId: string) => cardsInCell(columnId, slot.laneKey).filter((c) => c.id !== id).length;
  const next = stepSlot(slot, step, columns.value.map((c) => c.id), slotsIn);
  if (!next) return undefined;
  drag.slot = next;
  const hint = hintFor(next, id);
  setHint(hint);
  // Draw the dragged copy where the card would land.
  if (hint.box) return { x: hint.box.left + 8, y: hint.box.lineTop };
  const cell = cellNodes(next, '').cell?.getBoundingClientRect();
  return cell ? { x: cell.left + 8, y: cell.top } : undefined;
};

/** After a drag, the browser still sends a click to the card's title link: do not follow it. */
function swallowClickAfterDrop(event: MouseEvent): void {
  if (performance.now() - lastDropAt < 400) {
    event.preventDefault();
    event.stopPropagation();
  }
}

function isKeyboard(event: Event | null): boolean {
  return typeof KeyboardEvent !== 'undefined' && event instanceof KeyboardEvent;
}

function onDragStart({ active, activatorEvent }: DragStartEvent): void {
  const id = String(active.id);
  const data = dataOf(active);
  draggingId.value = id;
  lastDrop = null;
  if (!data) return;
  openDropLane(data.laneKey);
  const slot = startSlot(data.columnId, data.laneKey, cardsInCell(data.columnId, data.laneKey), id);
  drag = { id, keyboard: isKeyboard(activatorEvent), slot };
  if (drag.keyboard) setHint(hintFor(slot, id));
  else followPointer(activatorEvent);
}

function onDragEnd(event: DragEndEvent): void {
  const current = drag;
  const id = String(event.active.id);
  const hint = current?.keyboard ? hintFor(current.slot, id) : pointerHint(event.active, event.over);
  lastDrop = hint && !hint.unchanged ? placeText(hint) : null;
  finish();
  if (!hint || hint.unchanged) return;
  const others = cardsInCell(hint.columnId, hint.laneKey).filter((c) => c.id !== id);
  void moveCard(id, hint.columnId, neighboursAt(others, hint.index));
}

function finish(): void {
  stopFollowingPointer();
  drag = null;
  dropHint.value = null;
  draggingId.value = null;
  openDropLane(null);
  lastDropAt = performance.now();
}

export function BoardDnd({ children }: { children: ComponentChildren }) {
  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: MOUSE_DISTANCE_PX } }),
    useSensor(LongPressSensor, { activationConstraint: { delay: TOUCH_DELAY_MS, tolerance: TOUCH_TOLERANCE_PX } }),
    useSensor(KeyboardSensor, { coordinateGetter: keyboardCoordinates }),
  );
  useEffect(() => {
    addEventListener('click', swallowClickAfterDrop, true);
    // What a read-only drag says is not needed for the first screenful: its own chunk.
    let stopWatching: (() => void) | null = null;
    let stopped = false;
    void import('./read-only').then((m) => {
      if (!stopped) stopWatching = m.watchReadOnlyDrags();
    });
    return () => {
      removeEventListener('click', swallowClickAfterDrop, true);
      stopped = true;
      stopWatching?.();
    };
  }, []);
  const language = lang.value;
  const accessibility = useMemo(
    () => ({ announcements, screenReaderInstructions: { draggable: t.in(language, 'dnd.instructions') } }),
    [language],
  );

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collide}
      accessibility={accessibility}
      autoScroll={AUTO_SCROLL}
      onDragStart={onDragStart}
      onDragOver={({ active, over }: DragOverEvent) => {
        if (!drag?.keyboard) setHint(pointerHint(active, over));
      }}
      onDragMove={({ active, over }: DragMoveEvent) => {
        // Pointer: follow it. Keyboard: the page may have scrolled; redraw the line.
        setHint(drag?.keyboard ? hintFor(drag.slot, drag.id) : pointerHint(active, over));
      }}
      onDragEnd={onDragEnd}
      onDragCancel={finish}
    >
      {children}
      <DragOverlay dropAnimation={null}>
        <DragPreview />
      </DragOverlay>
      <DropIndicator />
    </DndContext>
  );
}
