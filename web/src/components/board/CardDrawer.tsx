// A card's details in a side drawer: a modal <dialog>, so focus stays inside while it is open
// and the rest of the page is inert; Escape closes it and focus goes back where it was. The
// address bar names the open card (?card=<id>), so the view can be shared.
import { signal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { languageReady, pickText, t } from '../../i18n';
import { columnsById, findCard, measuresById } from '../../state/board';
import { closeCard, details, detailsError, openCardId, openFullCard } from '../../state/details';
import type { DrawerSections as Sections } from './drawer/Sections';
import '../../styles/drawer.css';
import { Feedback } from '../Feedback';

// The drawer's sections are a chunk of their own: fetched when the board is idle (or at once when
// a card is opened first), so the JavaScript that opens the board stays small.
const sections = signal<typeof Sections | null>(null);
let sectionsLoading: Promise<void> | null = null;
function loadSections(): Promise<void> {
  sectionsLoading ??= import('./drawer/Sections').then((m) =>
    languageReady().then(() => {
      sections.value = m.DrawerSections;
    }),
  );
  return sectionsLoading;
}

export function CardDrawer() {
  const id = openCardId.value;
  const dialog = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<Element | null>(null);

  useEffect(() => {
    const whenIdle = window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 200));
    whenIdle(() => void loadSections());
  }, []);

  useEffect(() => {
    if (id !== null) void loadSections();
    const el = dialog.current;
    if (!el) return;
    if (id !== null && !el.open) {
      returnTo.current = document.activeElement;
      el.showModal();
    } else if (id === null && el.open) {
      el.close();
    }
  }, [id]);

  function restoreFocus(cardId: string | null) {
    const previous = returnTo.current as HTMLElement | null;
    returnTo.current = null;
    if (previous?.isConnected && previous !== document.body) {
      previous.focus();
      return;
    }
    // The card may have moved (re-rendered) meanwhile: focus its title link instead.
    if (cardId) document.querySelector<HTMLElement>(`[data-card-id="${CSS.escape(cardId)}"] .card-open`)?.focus();
  }

  return (
    <dialog
      ref={dialog}
      class="drawer"
      data-testid="card-drawer"
      aria-labelledby="drawer-title"
      onCancel={(e) => {
        // Escape: one way out for every kind of closing (below), so the address bar follows.
        e.preventDefault();
        dialog.current?.close();
      }}
      onClose={() => {
        const closing = openCardId.value;
        if (closing !== null) closeCard();
        restoreFocus(closing);
      }}
    >
      {id !== null && <DrawerContent cardId={id} />}
    </dialog>
  );
}

function DrawerContent({ cardId }: { cardId: string }) {
  const loaded = details.value;
  const error = detailsError.value;
  // The board's copy is live and optimistic; the details answer brings what the board lacks
  // (details, the checklist's items): openFullCard puts the two together.
  const card = findCard(cardId) ?? (loaded?.card.id === cardId ? loaded.card : undefined);
  const info = loaded?.card.id === cardId ? loaded : null;
  const measure = card ? measuresById.value.get(card.measureId) : undefined;
  const column = card ? columnsById.value.get(card.columnId) : undefined;
  const Loaded = sections.value;

  return (
    <div class="drawer-body">
      <header class="drawer-head">
        <div>
          {card && (
            <p class="card-step">
              {measure && `${t('lane.measure', { n: measure.number })} · `}
              {t('card.step', { n: card.stepNumber })}
              {column && ` · ${pickText(column.labelTh, column.labelEn)}`}
            </p>
          )}
          <h2 id="drawer-title" class="drawer-title" data-testid="drawer-title">
            {card ? card.title : error ? t('drawer.notFound') : t('loading')}
          </h2>
          {measure && <p class="muted drawer-measure">{measure.title}</p>}
        </div>
        <button
          type="button"
          class="button button-secondary drawer-close"
          data-testid="drawer-close"
          onClick={(e) => e.currentTarget.closest('dialog')?.close()}
        >
          {t('drawer.close')}
        </button>
      </header>

      <Feedback error={card ? null : error} />
      {card &&
        (Loaded ? (
          <Loaded card={openFullCard.value} info={info} error={error} />
        ) : (
          <p class="muted" aria-busy="true">
            {t('loading')}
          </p>
        ))}
    </div>
  );
}
