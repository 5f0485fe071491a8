import type { CSSProperties } from 'preact';
import type { ColumnView } from '../../../worker/domain/contracts';
import { fiscalYearLabel, local, t } from '../i18n';
import {
  board,
  boardError,
  boardStatus,
  cardsInCell,
  columnCounts,
  columns,
  fiscalYears,
  fiscalYearsError,
  groupsById,
  lanes,
  loadBoard,
  loadFiscalYears,
  type Lane,
} from '../state/board';
import { selectedYear } from '../state/ui';
import { Card } from './Card';

type Vars = CSSProperties;

export function Board() {
  const yearsError = fiscalYearsError.value;
  if (yearsError) {
    return <Problem message={local(yearsError.messageTh, yearsError.messageEn)} retry={loadFiscalYears} />;
  }
  const years = fiscalYears.value;
  if (years && years.length === 0) return <p class="board-message">{t('fy.none')}</p>;

  const data = board.value;
  const error = boardError.value;
  if (!data) {
    if (boardStatus.value === 'error' && error) {
      const year = selectedYear.value;
      return (
        <Problem
          message={`${t('board.error')} ${local(error.messageTh, error.messageEn)}`}
          retry={year === null ? undefined : () => loadBoard(year)}
        />
      );
    }
    return (
      <p class="board-message" aria-busy="true">
        {t('board.loading')}
      </p>
    );
  }

  const cols = columns.value;
  const laneList = lanes.value;
  const label = t('board.label', { year: fiscalYearLabel(data.fiscalYear.beYear) });
  if (cols.length === 0 || laneList.length === 0) {
    return (
      <section class="board" data-testid="board" aria-label={label}>
        <p class="board-message">{t('board.empty')}</p>
      </section>
    );
  }

  const gridVars: Vars = { '--columns': cols.length, '--lanes': laneList.length };
  return (
    <section
      class="board"
      data-testid="board"
      aria-label={label}
      aria-busy={boardStatus.value === 'loading' || undefined}
    >
      <div class="board-scroll" tabIndex={0} role="group" aria-label={label}>
        <div class="board-grid" style={gridVars}>
          <div class="board-corner" aria-hidden="true">
            {t('board.measures')}
          </div>
          {laneList.map((lane, index) => (
            <LaneHead key={lane.key} lane={lane} index={index} />
          ))}
          {cols.map((column, index) => (
            <Column key={column.id} column={column} index={index} lanes={laneList} />
          ))}
        </div>
      </div>
    </section>
  );
}

function Problem({ message, retry }: { message: string; retry?: (() => unknown) | undefined }) {
  return (
    <div class="board-message board-problem" role="alert">
      <p>{message}</p>
      {retry && (
        <button type="button" class="button button-secondary" onClick={() => void retry()}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}

/** Row 1 holds the column heads; lane i is grid row i + 2. */
function laneVars(index: number): Vars {
  return { '--row': index + 2 };
}

function LaneHead({ lane, index }: { lane: Lane; index: number }) {
  const measure = lane.measure;
  if (!measure) {
    return (
      <div class="lane" data-testid="lane" style={laneVars(index)}>
        <div class="lane-inner">
          <h2 class="lane-title">{t('lane.other')}</h2>
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

function Column({ column, index, lanes: laneList }: { column: ColumnView; index: number; lanes: Lane[] }) {
  const count = columnCounts.value.get(column.id) ?? 0;
  const limit = column.wipLimit;
  const over = limit !== null && count > limit;
  const label = local(column.labelTh, column.labelEn);
  const headId = `column-${column.id}`;
  const countText =
    limit !== null ? t('column.wip', { n: count, limit }) : t('column.count', { n: count });
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
        {over && <span class="wip-warning">{t('column.wipOver')}</span>}
      </header>
      {laneList.map((lane, laneIndex) => {
        const cards = cardsInCell(column.id, lane.key);
        const laneLabel = lane.measure ? t('lane.measure', { n: lane.measure.number }) : t('lane.other');
        return (
          <div
            key={lane.key}
            class={`cell${cards.length === 0 ? ' is-empty' : ''}`}
            data-testid="cell"
            data-lane-key={lane.key}
            style={laneVars(laneIndex)}
          >
            {/* Shown on phones only, where the lane heads give way to stacked columns. */}
            <p class="cell-lane" aria-hidden="true">
              <strong>{laneLabel}</strong> {lane.measure?.title}
            </p>
            <ul class="cell-cards" aria-label={`${label} · ${laneLabel}`}>
              {cards.map((card) => (
                <li key={card.id}>
                  <Card card={card} column={column} />
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
