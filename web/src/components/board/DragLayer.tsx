// What a drag draws above the board: the copy of the card that follows the pointer, the target
// cell's outline and a line where the card will land.
import { pickText, t } from '../../i18n';
import { columnsById, findCard } from '../../state/board';
import { draggingId, dropHint } from './drop-hint';

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
        {column && <span class="drop-label">{pickText(column.labelTh, column.labelEn)}</span>}
      </div>
    </div>
  );
}

/**
 * On phones empty cells are hidden; while a card is dragged, those of its lane open up as places
 * to drop it. A rule for that one lane, rather than a class on every cell (800 cells on a big
 * board would all re-render at the start and the end of each drag).
 *
 * The rule lives in a constructed style sheet changed through the CSSOM, never in a <style>
 * element: the app's CSP (style-src 'self') refuses inline <style>, and then the cells would never
 * open on a touch screen. It changes synchronously when the drag starts, before dnd-kit measures
 * the drop targets.
 */
let laneSheet: CSSStyleSheet | null | undefined;

function sheet(): CSSStyleSheet | null {
  if (laneSheet !== undefined) return laneSheet;
  laneSheet = null;
  try {
    const created = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, created];
    laneSheet = created;
  } catch {
    // No constructable style sheets: cells stay as they are (the "Move to…" menu still works).
  }
  return laneSheet;
}

export function dropLaneRule(lane: string | null): string {
  return lane === null ? '' : `@media (max-width: 760px) { .cell.is-empty[data-lane-key="${CSS.escape(lane)}"] { display: block; min-height: 6rem; } }`;
}

/** Opens (a lane key) or closes (null) the empty cells of a lane as drop targets. */
export function openDropLane(lane: string | null): void {
  const target = sheet();
  if (!target) return;
  while (target.cssRules.length > 0) target.deleteRule(0);
  const rule = dropLaneRule(lane);
  if (rule) target.insertRule(rule);
}
