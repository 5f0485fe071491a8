// What a drag draws above the board: the copy of the card that follows the pointer, the target
// cell's outline and a line where the card will land.
import { local, t } from '../../i18n';
import { columnsById, findCard } from '../../state/board';
import { draggingId, draggingLane, dropHint } from './drop-hint';

/** The copy that follows the pointer: step and title only, cheap to draw. */
export function DragPreview() {
  const cardId = draggingId.value;
  const card = cardId ? findCard(cardId) : undefined;
  if (!card) return null;
  return (
    <div class="card card-preview" aria-hidden="true">
      <p class="card-step">{t('card.step', { n: card.stepNumber })}</p>
      <p class="card-title">{card.title}</p>
    </div>
  );
}

export function DropIndicator() {
  const hint = dropHint.value;
  const box = hint?.box;
  if (!hint || !box) return null;
  const column = columnsById.value.get(hint.columnId);
  return (
    <div aria-hidden="true">
      <div
        class="drop-cell"
        style={{ left: `${box.left}px`, top: `${box.top}px`, width: `${box.width}px`, height: `${box.height}px` }}
      />
      <div class="drop-line" style={{ left: `${box.left + 6}px`, top: `${box.lineTop - 2}px`, width: `${box.width - 12}px` }}>
        {column && <span class="drop-label">{local(column.labelTh, column.labelEn)}</span>}
      </div>
    </div>
  );
}

/**
 * On phones empty cells are hidden; while a card is dragged, those of its lane open up as places
 * to drop it. A rule for that one lane, rather than a class on every cell (800 cells on a big
 * board would all re-render at the start and the end of each drag).
 */
export function DropLaneStyle() {
  const lane = draggingLane.value;
  if (lane === null) return null;
  const rule = `@media (max-width: 760px) { .cell.is-empty[data-lane-key="${CSS.escape(lane)}"] { display: block; min-height: 6rem; } }`;
  return <style>{rule}</style>;
}
