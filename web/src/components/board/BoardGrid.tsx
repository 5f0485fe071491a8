// The board grid: column heads on row 1, one row per swimlane (a measure, a lead group, or one
// lane for everything), lane heads in the first grid column. Each cell (column × lane) of a lane
// holding a card the user may move is a drop target. A big board draws only the lanes near the
// screen; the others wait as placeholders of about their height (lazy-lanes.ts).
import type { CSSProperties } from 'preact';
import { memo } from 'preact/compat';
import { useDroppable } from '@dnd-kit/core';
import type { ColumnView } from '../../../../worker/domain/contracts';
import { pickText, t } from '../../i18n';
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
import { useLaneLayout, type LaneLayout } from './lazy-lanes';

type Vars = CSSProperties;

export function BoardGrid({ lanes }: { lanes: Lane[] }) {
  const cols = columns.value;
  const layout = useLaneLayout(lanes, cols.map((c) => c.id));
  const gridVars: Vars = { '--columns': cols.length, '--lanes': layout.rows };
  return (
    <div class="board-grid" style={gridVars} data-lanes={view.value.lanes}>
      <div class="board-corner" aria-hidden="true">
        {cornerLabel()}
      </div>
      {layout.segments.map(({ lane, row }) => lane && <LaneHead key={lane.key} lane={lane} row={row} />)}
      {cols.map((column, index) => (
        <Column key={column.id} column={column} index={index} lanes={lanes} layout={layout} />
      ))}
    </div>
  );
}

function cornerLabel(): string {
  const mode = view.value.lanes;
  return mode === 'group' ? t('lanes.byGroup') : mode === 'none' ? '' : t('board.measures');
}

/** Row 1 holds the column heads; then a row per lane drawn and per run of lanes not drawn yet. */
function laneVars(row: number): Vars {
  return { '--row': row };
}

/** Short name of a lane, for cell labels on phones and screen readers. */
export function laneLabel(lane: Lane): string {
  if (lane.measure) return t('lane.measure', { n: lane.measure.number });
  if (lane.group) return pickText(lane.group.nameTh, lane.group.nameEn);
  if (lane.kind === 'all') return t('lane.all');
  return view.value.lanes === 'group' ? t('lane.noGroup') : t('lane.other');
}

const LaneHead = memo(function LaneHead({ lane, row }: { lane: Lane; row: number }) {
  const measure = lane.measure;
  if (!measure) {
    return (
      <div class="lane" data-testid="lane" data-lane-key={lane.key} style={laneVars(row)}>
        <div class="lane-inner">
          <h2 class="lane-title">
            <span class="lane-name">{laneLabel(lane)}</span>
          </h2>
        </div>
      </div>
    );
  }
  const lead = measure.leadGroupId ? groupsById.value.get(measure.leadGroupId) : undefined;
  const leadName = lead ? pickText(lead.nameTh, lead.nameEn) : '';
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
      style={laneVars(row)}
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
});

function Column({ column, index, lanes, layout }: { column: ColumnView; index: number; lanes: Lane[]; layout: LaneLayout }) {
  const count = columnCounts.value.get(column.id) ?? 0;
  const limit = column.wipLimit;
  const over = limit !== null && count > limit;
  const label = pickText(column.labelTh, column.labelEn);
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
      {layout.segments.map((segment) =>
        segment.lane ? (
          <Cell key={segment.lane.key} column={column} columnLabel={label} lane={segment.lane} row={segment.row} />
        ) : (
          // Lanes not drawn yet: an empty placeholder about their height, watched for coming near the screen.
          <div
            key={`~${lanes[segment.from]!.key}~${lanes[segment.to - 1]!.key}`}
            ref={layout.observe}
            class="cell is-placeholder"
            aria-hidden="true"
            {...layout.placeholder(segment, column.id)}
          />
        ),
      )}
    </section>
  );
}

interface CellProps {
  column: ColumnView;
  columnLabel: string;
  lane: Lane;
  row: number;
}

/**
 * Cards move within their own lane only: cells of lanes with nothing the user may move take no
 * drops. Memoised: drawing more lanes of a big board re-renders only the new ones.
 */
const Cell = memo(function Cell(props: CellProps) {
  return editableLanes.value.has(props.lane.key) ? <DroppableCell {...props} /> : <CellView {...props} />;
});

function DroppableCell(props: CellProps) {
  const { column, lane } = props;
  const data: DragData = { type: 'cell', columnId: column.id, laneKey: lane.key };
  const { setNodeRef } = useDroppable({ id: cellDroppableId(column.id, lane.key), data });
  return <CellView {...props} cellRef={setNodeRef} />;
}

function CellView({ column, columnLabel, lane, row, cellRef }: CellProps & { cellRef?: (el: HTMLElement | null) => void }) {
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
      style={{ ...laneVars(row), '--cards': cards.length }}
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
