import { useEffect } from 'preact/hooks';
import { fiscalYearLabel, pickText, t } from '../i18n';
import { board, boardError, boardFromCache, boardStatus, columns, fiscalYears, fiscalYearsError, lanes, loadBoard, loadFiscalYears } from '../state/board';
import { startDetails } from '../state/details';
import { startSearch } from '../state/search';
import { filtersActive, startView, syncViewToAddress } from '../state/filters';
import { startLive } from '../state/live';
import { selectedYear } from '../state/ui';
import { BoardDnd } from './board/BoardDnd';
import { BoardGrid } from './board/BoardGrid';
import { BoardToolbar } from './board/Toolbar';
import { CardDrawer } from './board/CardDrawer';
import { MoveMenu } from './board/MoveMenu';
import '../styles/board-tools.css';

export function Board() {
  useEffect(() => {
    startView();
    startDetails();
    startSearch();
    startLive();
    syncViewToAddress();
  }, []);

  const yearsError = fiscalYearsError.value;
  if (yearsError) {
    return <Problem message={pickText(yearsError.messageTh, yearsError.messageEn)} retry={loadFiscalYears} />;
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
          message={`${t('board.error')} ${pickText(error.messageTh, error.messageEn)}`}
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

  const laneList = lanes.value;
  const label = t('board.label', { year: fiscalYearLabel(data.fiscalYear.beYear) });
  const empty = columns.value.length === 0 || laneList.length === 0;

  return (
    <>
      {/* Outside the board region: the board itself holds cards and their controls only. */}
      <BoardToolbar />
      <section
        class="board"
        data-testid="board"
        aria-label={label}
        aria-busy={boardStatus.value === 'loading' || undefined}
        data-refreshing={boardFromCache.value || undefined}
      >
        {empty ? (
          <p class="board-message">{filtersActive.value ? t('filters.noMatch') : t('board.empty')}</p>
        ) : (
          <div class="board-scroll" tabIndex={0} role="group" aria-label={label}>
            <BoardDnd>
              <BoardGrid lanes={laneList} />
            </BoardDnd>
          </div>
        )}
      </section>
      <MoveMenu />
      <CardDrawer />
    </>
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
