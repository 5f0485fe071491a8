// Lanes off screen cost nothing: a big board draws the lanes that fill the first screen at once,
// and every other lane as it comes near the screen. Each run of lanes not drawn yet is one empty
// placeholder per column, one grid row as tall as those lanes will about be, so the page has its
// full height, the scrollbar means what it says, and the grid stays as small as what is drawn (a
// grid row per lane, drawn or not, made the browser's layout of a 10,000-card board take most of
// a second). An IntersectionObserver sees a placeholder come near the screen; the lanes it stands
// for that are near are drawn, which splits it. A lane once drawn stays drawn (focus, a drag and
// find in page keep their nodes); cells off screen are still skipped by content-visibility.
//
// Placeholders rather than a virtualiser (@tanstack/virtual-core): the board is a CSS grid whose
// columns are subgrids, and on phones a strip of columns each stacking its own cells, so a lane
// has no one offset a virtualiser could position; placeholders leave the layout to the browser
// and cost about 1 KB of gzipped script (the chunked drawing they replace was 0.3 KB).
//
// Search, filters, the Move-to menu and keyboard moves reach every card: filters draw the lanes
// they leave (the first screenful is drawn whatever was drawn before), a card opened from the
// address bar has its lane drawn, and printing draws every lane.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { findCard, laneKeyOf, visibleCards, type Lane } from '../../state/board';
import { openCardId } from '../../state/details';

/** Boards with at most this many cards (after filters) draw every lane at once. */
export const DRAW_ALL_UP_TO = 300;
/** Estimates: a card's height with the gap below it, a cell's padding, an empty cell. */
const CARD_PX = 240;
const CELL_PX = 24;
const EMPTY_CELL_PX = 64;
/** Where the columns stack (board.css). */
const PHONE = '(max-width: 760px)';

/** About the height a cell of `cards` cards takes once drawn. */
function cellHeightPx(cards: number): number {
  return cards === 0 ? EMPTY_CELL_PX : cards * CARD_PX + CELL_PX;
}

/**
 * Cards per cell of each lane (lane by lane, a column each), counted once per set of lanes in one
 * pass over the cards shown (not a lookup per cell: 1,000 lanes × 4 columns of them were a good
 * part of a 10,000-card board's first render): the estimates below read it for thousands of lanes.
 */
class Counts {
  private readonly n: Int32Array;
  constructor(
    lanes: readonly Lane[],
    readonly columnIds: readonly string[],
  ) {
    const width = columnIds.length;
    this.n = new Int32Array(lanes.length * width);
    const lane = new Map(lanes.map((l, i) => [l.key, i * width]));
    const column = new Map(columnIds.map((id, c) => [id, c]));
    const keyOf = laneKeyOf.value;
    for (const card of visibleCards.value) {
      const i = lane.get(keyOf(card));
      const c = column.get(card.columnId);
      if (i !== undefined && c !== undefined) this.n[i + c]!++;
    }
  }
  /** About the height of lane i's cell in column c once drawn. */
  cellPx(i: number, c: number): number {
    return cellHeightPx(this.n[i * this.columnIds.length + c] ?? 0);
  }
  /** The same where a column stacks its cells (phones), which hides the empty ones. */
  stackedPx(i: number, c: number): number {
    return this.n[i * this.columnIds.length + c] ? this.cellPx(i, c) : 0;
  }
  /** About lane i's height in the grid: its tallest cell's. */
  lanePx(i: number): number {
    let most = EMPTY_CELL_PX;
    for (let c = 0; c < this.columnIds.length; c++) most = Math.max(most, this.cellPx(i, c));
    return most;
  }
}

/** A grid row: one drawn lane, or a run of lanes not drawn yet (lanes[from..to)). */
export type Segment = { row: number; lane: Lane } | Run;
type Run = { row: number; lane?: undefined; from: number; to: number };

export interface LaneLayout {
  segments: Segment[];
  rows: number;
  /** Ref for every placeholder. */
  observe(element: Element | null): void;
  /** A run's placeholder in a column: what it stands for, its grid row, its heights in the grid and stacked (phones). */
  placeholder(run: Run, columnId: string): Record<string, unknown>;
}

function placeholderProps(run: Run, counts: Counts, columnId: string) {
  const c = counts.columnIds.indexOf(columnId);
  let grid = 0;
  let stacked = 0;
  for (let i = run.from; i < run.to; i++) {
    grid += counts.lanePx(i);
    stacked += counts.stackedPx(i, c);
  }
  return {
    'data-from': run.from,
    'data-to': run.to,
    'data-column-id': columnId,
    style: { '--row': run.row, '--grid-h': `${grid}px`, '--stack-h': `${stacked}px` },
  };
}

/** The lanes that fill the first screen, by estimated height. */
function firstScreenful(lanes: readonly Lane[], counts: Counts): Set<string> {
  const first = new Set<string>();
  let height = 0;
  for (let i = 0; i < lanes.length && height < innerHeight; i++) {
    first.add(lanes[i]!.key);
    height += counts.lanePx(i);
  }
  return first;
}

/**
 * The lanes of a placeholder that are within a screen's height of the screen, by their estimated
 * heights from its top; at least the one nearest to the screen, unless the placeholder is empty.
 */
function nearLanes(placeholder: Element, lanes: readonly Lane[], counts: Counts): string[] {
  const from = Number(placeholder.getAttribute('data-from'));
  const to = Math.min(Number(placeholder.getAttribute('data-to')), lanes.length);
  const c = counts.columnIds.indexOf(placeholder.getAttribute('data-column-id') ?? '');
  const stacked = matchMedia(PHONE).matches;
  const box = placeholder.getBoundingClientRect();
  const near: string[] = [];
  let top = box.top;
  for (let i = from; i < to && top < 2 * innerHeight; i++) {
    const height = stacked ? counts.stackedPx(i, c) : counts.lanePx(i);
    // Phones: a lane with no card in this column shows nothing here.
    if (height > 0 && top + height > -innerHeight) near.push(lanes[i]!.key);
    top += height;
  }
  // Estimates and the page can disagree by a little: draw the nearest lane, so the run moves on.
  const nearest = box.top > 0 ? lanes[from] : lanes[to - 1];
  if (near.length === 0 && nearest && box.height > 0) near.push(nearest.key);
  return near;
}

/** Which lanes of the grid are drawn now, and the grid rows they and the placeholders take. */
export function useLaneLayout(lanes: readonly Lane[], columnIds: readonly string[]): LaneLayout {
  const [seen, setSeen] = useState<ReadonlySet<string>>(() => new Set());
  const [printing, setPrinting] = useState(false);
  const drawAll = printing || visibleCards.value.length <= DRAW_ALL_UP_TO;
  // A new list of lanes comes with every change of the cards shown (state/board.ts).
  const columnsKey = columnIds.join();
  const counts = useMemo(() => (drawAll ? null : new Counts(lanes, columnIds)), [drawAll, lanes, columnsKey]);
  // What the observer's callback reads: the lanes and counts of the last render.
  const current = useRef({ lanes, counts });
  current.current = { lanes, counts };
  const observer = useMemo(
    () =>
      typeof IntersectionObserver === 'undefined'
        ? null
        : new IntersectionObserver(
            (entries, self) => {
              const near = new Set<string>();
              for (const entry of entries) {
                if (!entry.target.isConnected) self.unobserve(entry.target);
                else if (entry.isIntersecting && current.current.counts) {
                  for (const key of nearLanes(entry.target, current.current.lanes, current.current.counts)) near.add(key);
                }
              }
              if (near.size > 0) setSeen((prev) => ([...near].every((key) => prev.has(key)) ? prev : new Set([...prev, ...near])));
            },
            { rootMargin: '100% 0px' },
          ),
    [],
  );
  // One ref for every placeholder: a new function each render would observe them all again.
  const observe = useMemo(() => (element: Element | null) => void (element && observer?.observe(element)), [observer]);
  useEffect(() => () => observer?.disconnect(), [observer]);
  useEffect(() => {
    // Printing shows the whole board (drawn before the browser lays the page out for print).
    const print = () => setPrinting(true);
    addEventListener('beforeprint', print);
    return () => removeEventListener('beforeprint', print);
  }, []);

  // The card open in the drawer: its lane is drawn, so focus returns to it when the drawer closes.
  const openId = openCardId.value;
  const open = openId && counts ? findCard(openId) : undefined;
  const openLane = open ? laneKeyOf.value(open) : null;
  const first = counts && observer ? firstScreenful(lanes, counts) : null;
  const segments: Segment[] = [];
  lanes.forEach((lane, index) => {
    const row = segments.length + 2;
    if (!first || first.has(lane.key) || seen.has(lane.key) || lane.key === openLane) segments.push({ row, lane });
    else {
      const last = segments.at(-1);
      if (last && !last.lane) last.to = index + 1;
      else segments.push({ row, from: index, to: index + 1 });
    }
  });
  return { segments, rows: segments.length, observe, placeholder: (run, columnId) => placeholderProps(run, counts!, columnId) };
}
