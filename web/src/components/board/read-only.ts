// Someone who may not move a card tries to drag it (an executive, staff, or a director on
// another group's card): instead of selecting text, the board says that it is read-only for
// them, and why. Mouse and pen: a press that moves a few pixels; touch: a long press.
import type { Bilingual } from '../../i18n';
import { tReadOnly } from '../../messages/read-only';
import { me } from '../../state/session';
import { pushNotice } from '../../state/notices';
import { MOUSE_DISTANCE_PX, TOUCH_DELAY_MS, TOUCH_TOLERANCE_PX } from './sensors';

/** As for cards one may move (sensors.ts): the title link is part of the card, other controls are not. */
const CONTROLS = 'a[href]:not(.card-open), button, select, input, textarea, label';

/** Why this person may not move the card (the server refuses the same moves: policy.ts). */
export function readOnlyReason(role: string | undefined): Bilingual {
  switch (role) {
    case 'executive':
      return tReadOnly.both('readOnly.executive');
    case 'staff':
      return tReadOnly.both('readOnly.staff');
    // A parent body's user reading one of its offices (issue 19).
    case 'oversight':
      return tReadOnly.both('readOnly.oversight');
    default:
      return tReadOnly.both('readOnly.card');
  }
}

function readOnlyCard(target: EventTarget | null): Element | null {
  if (!(target instanceof Element) || target.closest(CONTROLS)) return null;
  const card = target.closest('[data-testid=card]');
  return card && !card.classList.contains('is-draggable') ? card : null;
}

/** Listens on the document while the board is shown; returns the function that stops it. */
export function watchReadOnlyDrags(): () => void {
  let start: { x: number; y: number; touch: boolean; timer: number | null } | null = null;
  let told = false;
  let toldAt = Number.NEGATIVE_INFINITY;

  const tell = () => {
    if (told) return;
    told = true;
    toldAt = performance.now();
    start = null;
    const role = me.value?.role;
    pushNotice('info', readOnlyReason(role));
    document.querySelector('[data-testid=board]')?.setAttribute('data-read-only-tried', 'true');
  };
  const end = () => {
    if (start?.timer != null) clearTimeout(start.timer);
    start = null;
  };
  const down = (e: PointerEvent) => {
    end();
    told = false;
    if (!e.isPrimary || (e.pointerType === 'mouse' && e.button !== 0) || !readOnlyCard(e.target)) return;
    const touch = e.pointerType === 'touch';
    start = { x: e.clientX, y: e.clientY, touch, timer: touch ? window.setTimeout(tell, TOUCH_DELAY_MS + 150) : null };
  };
  const move = (e: PointerEvent) => {
    if (!start || !e.isPrimary) return;
    const distance = Math.hypot(e.clientX - start.x, e.clientY - start.y);
    if (start.touch) {
      // A finger that moves early is scrolling, not pressing.
      if (distance > TOUCH_TOLERANCE_PX) end();
    } else if (distance >= MOUSE_DISTANCE_PX) {
      tell();
    }
  };
  // The press that tried to drag does not also open the card (its title is a link).
  const click = (e: MouseEvent) => {
    if (performance.now() - toldAt < 400) {
      e.preventDefault();
      e.stopPropagation();
    }
  };
  // Dragging the title link would start the browser's own link drag (and cancel the pointer).
  const nativeDrag = (e: DragEvent) => {
    if (!readOnlyCard(e.target)) return;
    e.preventDefault();
    tell();
  };
  document.addEventListener('click', click, true);
  document.addEventListener('dragstart', nativeDrag, true);
  document.addEventListener('pointerdown', down, true);
  document.addEventListener('pointermove', move, true);
  document.addEventListener('pointerup', end, true);
  document.addEventListener('pointercancel', end, true);
  // Armed (this chunk loads after the board's first draw): the browser tests wait for it.
  document.documentElement.setAttribute('data-read-only-watch', '');
  return () => {
    end();
    document.documentElement.removeAttribute('data-read-only-watch');
    document.removeEventListener('click', click, true);
    document.removeEventListener('dragstart', nativeDrag, true);
    document.removeEventListener('pointerdown', down, true);
    document.removeEventListener('pointermove', move, true);
    document.removeEventListener('pointerup', end, true);
    document.removeEventListener('pointercancel', end, true);
  };
}
