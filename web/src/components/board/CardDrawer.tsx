// A card's details in a side drawer: a modal <dialog>, so focus stays inside while it is open
// and the rest of the page is inert; Escape closes it and focus goes back where it was. The
// address bar names the open card (?card=<id>), so the view can be shared.
import { useEffect, useRef } from 'preact/hooks';
import { local, t } from '../../i18n';
import { columnsById, findCard, measuresById } from '../../state/board';
import { closeCard, details, detailsError, openCardId } from '../../state/details';
import { CardFields } from './drawer/CardFields';
import { Checklist } from './drawer/Checklist';
import { Comments } from './drawer/Comments';
import { Evidence } from './drawer/Evidence';
import { Timeline } from './drawer/Timeline';
import '../../styles/drawer.css';
import { Feedback } from '../Feedback';

export function CardDrawer() {
  const id = openCardId.value;
  const dialog = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<Element | null>(null);

  useEffect(() => {
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
  // The board's copy is live and optimistic; the details answer fills in what the board lacks.
  const card = findCard(cardId) ?? (loaded?.card.id === cardId ? loaded.card : undefined);
  const info = loaded?.card.id === cardId ? loaded : null;
  const measure = card ? measuresById.value.get(card.measureId) : undefined;
  const column = card ? columnsById.value.get(card.columnId) : undefined;

  return (
    <div class="drawer-body">
      <header class="drawer-head">
        <div>
          {card && (
            <p class="card-step">
              {measure && `${t('lane.measure', { n: measure.number })} · `}
              {t('card.step', { n: card.stepNumber })}
              {column && ` · ${local(column.labelTh, column.labelEn)}`}
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
      {card && (
        <>
          <CardFields card={card} />
          <Checklist card={card} />
          {info ? (
            <>
              <Evidence cardId={card.id} evidence={info.evidence} canContribute={info.canContribute} />
              <Comments cardId={card.id} comments={info.comments} canContribute={info.canContribute} />
              <Timeline entries={info.timeline} />
            </>
          ) : (
            <p class="muted" aria-busy="true">
              {error ? local(error.messageTh, error.messageEn) : t('loading')}
            </p>
          )}
        </>
      )}
    </div>
  );
}
