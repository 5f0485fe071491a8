// Above the board: swimlanes, filters (kept in the address bar), how many cards are shown, and
// whether live updates are connected.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { local, t } from '../../i18n';
import { board, groupsById, visibleCards } from '../../state/board';
import { clearFilters, filtersActive, setView, view, type DueFilter, type LaneMode } from '../../state/filters';
import { liveState } from '../../state/live';
import { me } from '../../state/session';

/** Typing settles for this long before the board filters (and the address bar follows). */
const SEARCH_DELAY_MS = 200;

export function BoardToolbar() {
  const v = view.value;
  const data = board.value;
  const groups = data?.groups ?? [];
  const measures = [...(data?.measures ?? [])].sort((a, b) => a.number - b.number);
  const myGroupId = me.value?.groupId ?? null;
  const myGroup = myGroupId ? groupsById.value.get(myGroupId) : undefined;
  const shown = visibleCards.value.length;
  const total = data?.cards.length ?? 0;

  return (
    <div class="board-toolbar" role="search" aria-label={t('filters.label')} data-testid="board-toolbar">
      <div class="toolbar-row">
        <Field id="filter-q" label={t('filters.search')}>
          <SearchBox />
        </Field>
        <Field id="filter-lanes" label={t('lanes.label')}>
          <select
            id="filter-lanes"
            class="select"
            data-testid="filter-lanes"
            value={v.lanes}
            onChange={(e) => setView({ lanes: e.currentTarget.value as LaneMode })}
          >
            <option value="measure">{t('lanes.byMeasure')}</option>
            <option value="group">{t('lanes.byGroup')}</option>
            <option value="none">{t('lanes.none')}</option>
          </select>
        </Field>
        <Field id="filter-group" label={t('filters.group')}>
          <select
            id="filter-group"
            class="select"
            data-testid="filter-group"
            value={v.group ?? ''}
            onChange={(e) => setView({ group: e.currentTarget.value || null })}
          >
            <option value="">{t('filters.allGroups')}</option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {local(g.nameTh, g.nameEn)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="filter-measure" label={t('filters.measure')}>
          <select
            id="filter-measure"
            class="select"
            data-testid="filter-measure"
            value={v.measure ?? ''}
            onChange={(e) => setView({ measure: e.currentTarget.value || null })}
          >
            <option value="">{t('filters.allMeasures')}</option>
            {measures.map((m) => (
              <option key={m.id} value={m.id}>
                {t('lane.measure', { n: m.number })} {m.title}
              </option>
            ))}
          </select>
        </Field>
        <Field id="filter-due" label={t('filters.due')}>
          <select
            id="filter-due"
            class="select"
            data-testid="filter-due"
            value={v.due ?? ''}
            onChange={(e) => setView({ due: (e.currentTarget.value || null) as DueFilter | null })}
          >
            <option value="">{t('filters.anyDue')}</option>
            <option value="overdue">{t('filters.overdue')}</option>
            <option value="soon">{t('filters.soon')}</option>
          </select>
        </Field>
        {myGroup && (
          <label class="toolbar-check">
            <input
              type="checkbox"
              data-testid="filter-mine"
              checked={v.mine}
              onChange={(e) => setView({ mine: e.currentTarget.checked })}
            />
            <span>{t('filters.mine', { group: local(myGroup.nameTh, myGroup.nameEn) })}</span>
          </label>
        )}
      </div>
      <div class="toolbar-row toolbar-status">
        <p class="visible-count" data-testid="visible-count" aria-live="polite">
          {filtersActive.value ? t('filters.showing', { shown, total }) : t('filters.all', { total })}
        </p>
        {filtersActive.value && (
          <button type="button" class="button button-link" data-testid="filter-clear" onClick={clearFilters}>
            {t('filters.clear')}
          </button>
        )}
        <LiveStatus />
      </div>
    </div>
  );
}

function Field({ id, label, children }: { id: string; label: string; children: ComponentChildren }) {
  return (
    <div class="toolbar-field">
      <label for={id}>{label}</label>
      {children}
    </div>
  );
}

/** The search box filters as you type; the address bar is updated without adding history. */
function SearchBox() {
  const q = view.value.q;
  const [text, setText] = useState(q);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // Back/forward or "clear filters" changed the query: show it.
  useEffect(() => {
    if (timer.current === null) setText(q);
  }, [q]);
  useEffect(() => () => {
    if (timer.current !== null) clearTimeout(timer.current);
  }, []);

  return (
    <input
      id="filter-q"
      type="search"
      class="select toolbar-search"
      data-testid="filter-search"
      value={text}
      maxLength={200}
      placeholder={t('filters.searchHint')}
      onInput={(e) => {
        const value = e.currentTarget.value;
        setText(value);
        if (timer.current !== null) clearTimeout(timer.current);
        timer.current = setTimeout(() => {
          timer.current = null;
          setView({ q: value }, { replace: true });
        }, SEARCH_DELAY_MS);
      }}
    />
  );
}

/** Live updates: connected, or trying again. */
function LiveStatus() {
  const state = liveState.value;
  const open = state === 'open';
  return (
    <p class={`live-status is-${open ? 'open' : 'closed'}`} data-testid="live-status" data-state={open ? 'open' : 'closed'}>
      <span class="live-dot" aria-hidden="true" />
      {open ? t('live.open') : t('live.reconnecting')}
    </p>
  );
}
