// "Move to…": the non-dragging way to move a card (WCAG 2.2, 2.5.7). Each card the user may move
// has a small menu button; the menu itself exists once per board and is filled only while open.
// A <select> per card did the same job, but Chromium builds a shadow tree for every <select>:
// on a 2,000-card board the selects alone cost about 0.4 s of the first render (measured).
//
// The menu is a native popover (the top layer, light dismiss and Escape come from the browser)
// with the menu keyboard pattern of the WAI-ARIA practices: focus goes to the first column, the
// arrows, Home and End move between columns, Enter or Space picks one, Escape closes, and Tab
// closes it and goes on. Focus returns to the card's button, wherever the card now is.
import { signal } from '@preact/signals';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { pickText, t } from '../../i18n';
import { columns, findCard } from '../../state/board';
import { isPending, moveCard } from '../../state/cards';

interface OpenMenu {
  cardId: string;
  anchor: HTMLElement;
}

const openMenu = signal<OpenMenu | null>(null);
/**
 * The card whose open menu a pointer pressed its button: the browser closes the menu on that
 * press (light dismiss), so the click that follows must not open it again.
 */
let pressedWhileOpen: string | null = null;

/** The id of a card's "Move to…" button (stable across re-renders, so focus can come back). */
const moveButtonId = (cardId: string) => `move-${cardId}`;
const MENU_ID = 'move-menu';

/**
 * A card's "Move to…" button. A plain function, not a component: it is drawn on every card the
 * user may move (2,000 on a big board), and it reads no signal; the menu marks its button
 * expanded itself while open.
 */
export function moveButton(cardId: string, title: string, pending: boolean) {
  return (
    <button
      type="button"
      id={moveButtonId(cardId)}
      class="card-move"
      data-testid="move-button"
      aria-haspopup="menu"
      aria-expanded="false"
      aria-label={t('card.moveLabel', { title })}
      aria-disabled={pending || undefined}
      onPointerDown={() => {
        pressedWhileOpen = openMenu.peek()?.cardId === cardId ? cardId : null;
      }}
      onClick={(event) => {
        const closing = pressedWhileOpen === cardId;
        pressedWhileOpen = null;
        if (pending || closing) {
          openMenu.value = null;
          return;
        }
        openMenu.value = openMenu.peek()?.cardId === cardId ? null : { cardId, anchor: event.currentTarget as HTMLElement };
      }}
    >
      {t('card.moveTo')}
    </button>
  );
}

/** Below the button (above it when there is no room), inside the window. */
function place(menu: HTMLElement, anchor: HTMLElement): void {
  const box = anchor.getBoundingClientRect();
  const margin = 8;
  const { offsetWidth: width, offsetHeight: height } = menu;
  const below = box.bottom + 4;
  const top = below + height + margin <= innerHeight ? below : Math.max(margin, box.top - 4 - height);
  const left = Math.min(Math.max(margin, box.left), Math.max(margin, innerWidth - width - margin));
  menu.style.top = `${top}px`;
  menu.style.left = `${left}px`;
}

function items(menu: HTMLElement): HTMLElement[] {
  return [...menu.querySelectorAll<HTMLElement>('[role=menuitem]')];
}

function focusItem(menu: HTMLElement, index: number): void {
  const all = items(menu);
  if (all.length === 0) return;
  all[(index + all.length) % all.length]!.focus();
}

export function MoveMenu() {
  const open = openMenu.value;
  const ref = useRef<HTMLDivElement>(null);
  const card = open ? findCard(open.cardId) : undefined;
  const targets = card ? columns.value.filter((c) => c.id !== card.columnId) : [];

  useLayoutEffect(() => {
    const menu = ref.current;
    if (!menu) return;
    if (!open || !card) {
      if (menu.matches(':popover-open')) menu.hidePopover();
      return;
    }
    if (!menu.matches(':popover-open')) menu.showPopover();
    place(menu, open.anchor);
    focusItem(menu, 0);
    const { anchor } = open;
    anchor.setAttribute('aria-expanded', 'true');
    anchor.setAttribute('aria-controls', MENU_ID);
    // It follows its button when the board scrolls, and closes once the button is out of sight.
    const follow = () => {
      const box = open.anchor.getBoundingClientRect();
      if (!open.anchor.isConnected || box.bottom < 0 || box.top > innerHeight || box.right < 0 || box.left > innerWidth) {
        openMenu.value = null;
      } else {
        place(menu, open.anchor);
      }
    };
    addEventListener('scroll', follow, true);
    addEventListener('resize', follow);
    return () => {
      anchor.setAttribute('aria-expanded', 'false');
      anchor.removeAttribute('aria-controls');
      removeEventListener('scroll', follow, true);
      removeEventListener('resize', follow);
    };
  }, [open, card?.id]);

  function choose(columnId: string) {
    const cardId = open?.cardId;
    openMenu.value = null;
    if (!cardId || isPending(cardId)) return;
    void moveCard(cardId, columnId);
    // The card is drawn again in its new column: keep keyboard focus on its button.
    requestAnimationFrame(() => document.getElementById(moveButtonId(cardId))?.focus());
  }

  function onKeyDown(event: KeyboardEvent) {
    const menu = ref.current;
    if (!menu) return;
    const index = items(menu).indexOf(document.activeElement as HTMLElement);
    const move: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: -1 };
    if (event.key in move) {
      event.preventDefault();
      focusItem(menu, move[event.key]!);
    } else if (event.key === 'Tab') {
      // Focus goes back to the button first, so Tab continues from there.
      openMenu.value = null;
      if (!open) return;
      const button = open.anchor.isConnected ? open.anchor : document.getElementById(moveButtonId(open.cardId));
      button?.focus();
    }
  }

  return (
    <div
      ref={ref}
      id={MENU_ID}
      popover="auto"
      class="move-menu"
      role="menu"
      data-testid="move-menu"
      aria-label={card ? t('card.moveLabel', { title: card.title }) : t('card.moveTo')}
      onKeyDown={onKeyDown}
      // Closed by the browser (Escape, a click elsewhere): forget it too.
      onToggle={(event) => {
        if ((event as ToggleEvent).newState === 'closed' && openMenu.peek()) openMenu.value = null;
      }}
    >
      {targets.map((column) => (
        <button
          key={column.id}
          type="button"
          role="menuitem"
          tabIndex={-1}
          class="move-menu-item"
          data-column-key={column.key}
          onClick={() => choose(column.id)}
        >
          {pickText(column.labelTh, column.labelEn)}
        </button>
      ))}
    </div>
  );
}
