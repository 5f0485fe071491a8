// The board grid: column heads on row 1, one row per swimlane (a measure, a lead group, or one
// lane for everything), lane heads in the first grid column. Each cell (column × lane) of a lane
// holding a card the user may move is a drop target.
import type { CSSProperties } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useDroppable } from '@dnd-kit/core';
import type { ColumnView } from '../../../../worker/domain/contracts';
import { local, t } from '../../i18n';
import {
  cardsInCell,
  columnCounts,
  columns,
  editableLanes,
  groupsById,
  pendingCardIds,
  type Lane,
} from '../../state/board';
import { view } from '../../state/filters';
import { Card } from '../Card';
import { cellDroppableId, type DragData } from './drop';

type Vars = CSSProperties;

/** Lanes drawn in the first render; the rest follow a chunk per task (see useLanesShown). */
const FIRST_LANES = 12;
const LANES_PER_TASK = 64;

/** Runs `run` in a task of its own, soon: input waiting to be handled goes first. */
function inNextTask(run: () => void): () => void {
  const channel = new MessageChannel();
  channel.port1.onmessage = run;
  channel.port2.postMessage(null);
  return () => {
    channel.port1.onmessage = null;
  };
}

/**
 * How many lanes are drawn. A big board (2,000 cards in 200 lanes) first draws the lanes that
 * fill the screen and lets the browser paint them; then it draws the others a chunk per task,
 * without waiting for frames in between (they are off screen, content-visibility skips them)
 * but yielding to input between chunks. So the board appears at once and is complete a moment
 * later (find in page, screen readers). Measured on 2,000 cards: waiting a frame before every
 * chunk cost 40–60 ms of idle time.
 */
function useLanesShown(total: number): number {
  const [shown, setShown] = useState(FIRST_LANES);
  useEffect(() => {
    if (shown >= total) return;
    const more = () => setShown((n) => n + LANES_PER_TASK);
    if (shown > FIRST_LANES) return inNextTask(more);
    // The first screenful: after the next frame is drawn.
    let cancelTask: (() => void) | undefined;
    const frame = requestAnimationFrame(() => (cancelTask = inNextTask(more)));
    return () => {
      cancelAnimationFrame(frame);
      cancelTask?.();
    };
  }, [shown, total]);
  return Math.min(shown, total);
}

export function BoardGrid({ lanes: allLanes }: { lanes: Lane[] }) {
  const cols = columns.value;
  const shown = useLanesShown(allLanes.length);
  const lanes = shown < allLanes.length ? allLanes.slice(0, shown) : allLanes;
  const gridVars: Vars = { '--columns': cols.length, '--lanes': lanes.length };
  return (
    <div class="board-grid" style={gridVars} data-lanes={view.value.lanes} aria-busy={shown < allLanes.length || undefined}>
      <div class="board-corner" aria-hidden="true">
        {cornerLabel()}
      </div>
      {lanes.map((lane, index) => (
        <LaneHead key={lane.key} lane={lane} index={index} />
      ))}
      {cols.map((column, index) => (
        <Column key={column.id} column={column} index={index} lanes={lanes} />
      ))}
    </div>
  );
}

function cornerLabel(): string {
  const mode = view.value.lanes;
  return mode === 'group' ? t('lanes.byGroup') : mode === 'none' ? '' : t('board.measures');
}

/** Row 1 holds the column heads; lane i is grid row i + 2. */
function laneVars(index: number): Vars {
  return { '--row': index + 2 };
}

/** Short name of a lane, for cell labels on phones and screen readers. */
export function laneLabel(lane: Lane): string {
  if (lane.measure) return t('lane.measure', { n: lane.measure.number });
  if (lane.group) return local(lane.group.nameTh, lane.group.nameEn);
  if (lane.kind === 'all') return t('lane.all');
  return view.value.lanes === 'group' ? t('lane.noGroup') : t('lane.other');
}

function LaneHead({ lane, index }: { lane: Lane; index: number }) {
  const measure = lane.measure;
  if (!measure) {
    return (
      <div class="lane" data-testid="lane" data-lane-key={lane.key} style={laneVars(index)}>
        <div class="lane-inner">
          <h2 class="lane-title">
            <span class="lane-name">{laneLabel(lane)}</span>
          </h2>
        </div>
      </div>
    );
  }
  const lead = measure.leadGroupId ? groupsById.value.get(measure.leadGroupId) : undefined;
  const leadName = lead ? local(lead.nameTh, lead.nameEn) : '';
  const who = leadName
    ? measure.allGroups
      ? t('lane.andAll', { lead: leadName })
      : leadName
    : measure.allGroups
      ? t('card.allGroups')
      : measure.responsibleText;

  return (
    <div
      class="lane"
      data-testid="lane"
      data-lane-key={lane.key}
      data-measure-number={measure.number}
      data-measure-id={measure.id}
      style={laneVars(index)}
    >
      <div class="lane-inner">
        <h2 class="lane-title">
          <span class="lane-number">{t('lane.measure', { n: measure.number })}</span>
          <span class="lane-name">{measure.title}</span>
        </h2>
        {who && <p class="lane-owner">{t('lane.responsible', { who })}</p>}
      </div>
    </div>
  );
}

function Column({ column, index, lanes }: { column: ColumnView; index: number; lanes: Lane[] }) {
  const count = columnCounts.value.get(column.id) ?? 0;
  const limit = column.wipLimit;
  const over = limit !== null && count > limit;
  const label = local(column.labelTh, column.labelEn);
  const headId = `column-${column.id}`;
  const countText = limit !== null ? t('column.wip', { n: count, limit }) : t('column.count', { n: count });
  const vars: Vars = { '--col': index + 2 };

  return (
    <section
      class={`column column-${column.category}${over ? ' is-over-limit' : ''}`}
      data-testid="column"
      data-column-key={column.key}
      data-column-id={column.id}
      data-over-limit={over ? 'true' : undefined}
      aria-labelledby={headId}
      style={vars}
    >
      <header class="column-head">
        <h2 id={headId} class="column-title">
          {label}
        </h2>
        <span class="column-count" data-testid="column-count" aria-hidden="true" title={countText}>
          {limit !== null ? `${count}/${limit}` : count}
        </span>
        <span class="visually-hidden">{countText}</span>
        {over && (
          <span class="wip-warning" data-testid="wip-warning">
            {t('column.wipOver')}
          </span>
        )}
      </header>
      {lanes.map((lane, laneIndex) => (
        <Cell key={lane.key} column={column} columnLabel={label} lane={lane} laneIndex={laneIndex} />
      ))}
    </section>
  );
}

interface CellProps {
  column: ColumnView;
  columnLabel: string;
  lane: Lane;
  laneIndex: number;
}

/** Cards move within their own lane only: cells of lanes with nothing the user may move take no drops. */
function Cell(props: CellProps) {
  return editableLanes.value.has(props.lane.key) ? <DroppableCell {...props} /> : <CellView {...props} />;
}

function DroppableCell(props: CellProps) {
  const { column, lane } = props;
  const data: DragData = { type: 'cell', columnId: column.id, laneKey: lane.key };
  const { setNodeRef } = useDroppable({ id: cellDroppableId(column.id, lane.key), data });
  return <CellView {...props} cellRef={setNodeRef} />;
}

function CellView({ column, columnLabel, lane, laneIndex, cellRef }: CellProps & { cellRef?: (el: HTMLElement | null) => void }) {
  const cards = cardsInCell(column.id, lane.key);
  const pending = pendingCardIds.value;
  const name = laneLabel(lane);

  return (
    <div
      ref={cellRef}
      class={`cell${cards.length === 0 ? ' is-empty' : ''}`}
      data-testid="cell"
      data-lane-key={lane.key}
      data-cell-key={cellDroppableId(column.id, lane.key)}
      style={{ ...laneVars(laneIndex), '--cards': cards.length }}
    >
      {/* Shown on phones only, where the lane heads give way to stacked columns. */}
      <p class="cell-lane" aria-hidden="true">
        <strong>{name}</strong> {lane.measure?.title}
      </p>
      <ul class="cell-cards" aria-label={`${columnLabel} · ${name}`}>
        {cards.map((card) => (
          <li key={card.id}>
            <Card card={card} column={column} laneKey={lane.key} pending={pending.has(card.id)} />
          </li>
        ))}
      </ul>
    </div>
  );
}
