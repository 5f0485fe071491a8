// How a drag starts, and what it may be dropped on. The mouse (and pen) drags after a few pixels
// of movement; touch needs a long press, so scrolling a column with a finger never starts a drag;
// neither starts on a form control (the "Move to…" menu). A card only counts cells of its own
// swimlane as places to land.
import { closestCorners, pointerWithin, PointerSensor, TouchSensor, type CollisionDetection } from '@dnd-kit/core';
import { isDragData, type DragData } from './drop';

const FORM_CONTROLS = 'select, input, textarea, a[href]:not(.card-open), .card-move';

function startsOnControl(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(FORM_CONTROLS) !== null;
}

/** The pointer sensor for mouse and pen only: touch goes through the long-press sensor below. */
export class MouseSensor extends PointerSensor {
  static override activators = [
    {
      eventName: 'onPointerDown' as const,
      handler: ({ nativeEvent: event }: { nativeEvent: PointerEvent }) =>
        event.isPrimary && event.button === 0 && event.pointerType !== 'touch' && !startsOnControl(event.target),
    },
  ];
}

export class LongPressSensor extends TouchSensor {
  static override activators = [
    {
      eventName: 'onTouchStart' as const,
      handler: ({ nativeEvent: event }: { nativeEvent: TouchEvent }) =>
        event.touches.length === 1 && !startsOnControl(event.target),
    },
  ];
}

export const MOUSE_DISTANCE_PX = 6;
/** A long press, and how far the finger may wander during it. */
export const TOUCH_DELAY_MS = 250;
export const TOUCH_TOLERANCE_PX = 8;
/** The page scrolls while a card is held this close to an edge (a fraction of the scroller). */
export const AUTO_SCROLL = { threshold: { x: 0.1, y: 0.1 } };

export const dataOf = (entry: { data: { current?: unknown } }): DragData | null => {
  const data = entry.data.current;
  return isDragData(data) ? data : null;
};

/** Only cells of the dragged card's own swimlane count. */
export const collide: CollisionDetection = (args) => {
  const lane = dataOf(args.active)?.laneKey;
  const scoped = { ...args, droppableContainers: args.droppableContainers.filter((c) => dataOf(c)?.laneKey === lane) };
  if (args.pointerCoordinates) {
    const within = pointerWithin(scoped);
    if (within.length > 0) return within;
  }
  return closestCorners(scoped);
};
