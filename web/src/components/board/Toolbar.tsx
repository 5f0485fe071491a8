// Above the board: swimlanes, filters (kept in the address bar), how many cards are shown, and
// whether live updates are connected.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { pickText, t } from '../../i18n';
import { board, boardFromCache, groupsById, visibleCards } from '../../state/board';
import { clearFilters, filtersActive, setView, view, type DueFilter, type LaneMode } from '../../state/filters';
import { liveState } from '../../state/live';
import { me } from '../../state/session';

/** Phone widths (as in the stylesheets): the filters start folded. */
const PHONE = typeof matchMedia === 'function' ? matchMedia('(max-width: 760px)') : { matches: false };

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
      {/* On a phone the filters fold away (the board gets the first screen); open elsewhere. */}
      <details class="toolbar-filters" open={!PHONE.matches} data-testid="filters-fold">
        <summary class="toolbar-filters-summary">
          {t('filters.label')}
          {filtersActive.value && <span class="toolbar-filters-on"> · {t('filters.showing', { shown, total })}</span>}
        </summary>
        <div class="toolbar-row">
          <Field id="filter-q" label={t('filters.search')}>
            <SearchBox />
          </Field>
          <FilterSelect
            name="lanes"
            label={t('lanes.label')}
            value={v.lanes}
            options={[
              ['measure', t('lanes.byMeasure')],
              ['group', t('lanes.byGroup')],
              ['none', t('lanes.none')],
            ]}
            onChange={(value) => setView({ lanes: value as LaneMode })}
          />
          <FilterSelect
            name="group"
            label={t('filters.group')}
            value={v.group ?? ''}
            options={[['', t('filters.allGroups')], ...groups.map((g): Option => [g.id, pickText(g.nameTh, g.nameEn)])]}
            onChange={(value) => setView({ group: value || null })}
          />
          <FilterSelect
            name="measure"
            label={t('filters.measure')}
            value={v.measure ?? ''}
            options={[['', t('filters.allMeasures')], ...measures.map((m): Option => [m.id, `${t('lane.measure', { n: m.number })} ${m.title}`])]}
            onChange={(value) => setView({ measure: value || null })}
          />
          <FilterSelect
            name="due"
            label={t('filters.due')}
            value={v.due ?? ''}
            options={[
              ['', t('filters.anyDue')],
              ['overdue', t('filters.overdue')],
              ['soon', t('filters.soon')],
            ]}
            onChange={(value) => setView({ due: (value || null) as DueFilter | null })}
          />
          {myGroup && (
            <label class="toolbar-check">
              <input
                type="checkbox"
                data-testid="filter-mine"
                checked={v.mine}
                onChange={(e) => setView({ mine: e.currentTarget.checked })}
              />
              <span>{t('filters.mine', { group: pickText(myGroup.nameTh, myGroup.nameEn) })}</span>
            </label>
          )}
        </div>
      </details>
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

/** [value, label] of one choice. */
type Option = readonly [string, string];

/** Longer lists of choices are filled in once the board is on screen (or at once when used). */
const FILL_LATER_OVER = 50;
const FILL_AFTER_MS = 1000;

/**
 * A labelled filter choice: id and test id `filter-<name>`. A list of a thousand measures cost a
 * 10,000-card board a tenth of its first screenful (building and laying out the options): until it
 * is focused or a second has passed, it holds only "all" and the choice made.
 */
function FilterSelect({ name, label, value, options, onChange }: { name: string; label: string; value: string; options: readonly Option[]; onChange: (value: string) => void }) {
  const id = `filter-${name}`;
  const [full, setFull] = useState(options.length <= FILL_LATER_OVER);
  useEffect(() => {
    if (full) return;
    const timer = setTimeout(() => setFull(true), FILL_AFTER_MS);
    return () => clearTimeout(timer);
  }, [full]);
  const shown = full ? options : options.filter(([optionValue]) => !optionValue || optionValue === value);
  return (
    <Field id={id} label={label}>
      <select id={id} class="select" data-testid={id} value={value} onFocus={() => setFull(true)} onChange={(e) => onChange(e.currentTarget.value)}>
        {shown.map(([optionValue, text]) => (
          <option key={optionValue} value={optionValue}>
            {text}
          </option>
        ))}
      </select>
    </Field>
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

/** Live updates: connected, or trying again; the board kept from last time, until confirmed. */
function LiveStatus() {
  const state = liveState.value;
  const open = state === 'open';
  const refreshing = boardFromCache.value;
  return (
    <p class={`live-status is-${open ? 'open' : 'closed'}`} data-testid="live-status" data-state={open ? 'open' : 'closed'} data-refreshing={refreshing || undefined}>
      <span class="live-dot" aria-hidden="true" />
      {refreshing ? t('board.refreshing') : open ? t('live.open') : t('live.reconnecting')}
    </p>
  );
}
