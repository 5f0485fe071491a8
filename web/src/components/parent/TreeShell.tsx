// What the app adds around its pages in the organisation tree (issue 19), a chunk loaded only for
// a parent body's users (components/App.tsx renders it when me.org.kind is 'parent' or me.via is
// set), so an office's first load carries none of it:
// - a link into a descendant office (`/board/2570?office=<slug>`, the roll-up's, in this tab or a
//   new one) opens that office, read-only, and drops the parameter;
// - in a parent body: the office's pages (board, dashboard, reports, OIT, administration) have
//   nothing to show, so they lead to the roll-up; the year menu offers the years of the parent's
//   templates and the current fiscal year (a parent body has no boards, so no fiscal years);
// - in an office read through its parent body: a banner says it is read-only and leads back; the
//   parent body's pages (an address typed or kept) lead to the office's board.
import { effect } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import { pickText } from '../../i18n';
import { fiscalYears, today } from '../../state/board';
import { pushApiError, pushNotice } from '../../state/notices';
import { me } from '../../state/session';
import { goTo, section, type Section } from '../../state/ui';
import { tParent } from '../../messages/parent';
import { parentApi } from './api';
import { openOrg, yearOnScreen } from './open';
import { boundsOf, fiscalYearOfDay } from './years';
import './parent.css';

/** A parent body's own pages; the others lead to the roll-up. */
const PARENT_PAGES: readonly Section[] = ['parent', 'rollup', 'account', 'admin'];

function withoutOfficeParam(): string {
  const url = new URL(location.href);
  url.searchParams.delete('office');
  return url.pathname + url.search + url.hash;
}

/** The parent body's years: those of its templates and the current one, newest first. */
async function fillParentYears(): Promise<void> {
  const r = await parentApi.templates();
  const years = new Set([fiscalYearOfDay(today.peek()), ...(r.ok ? r.data.templates.map((t) => t.beYear) : [])]);
  // Still none (nobody signed out or loaded the years again meanwhile).
  if (fiscalYears.peek()?.length !== 0) return;
  fiscalYears.value = [...years]
    .sort((a, b) => b - a)
    .map((beYear) => ({ id: `parent-${beYear}`, beYear, titleTh: '', ...boundsOf(beYear), archivedAt: null }));
}

export function TreeShell() {
  const user = me.value!;
  const inParent = user.org.kind === 'parent';
  const [opening, setOpening] = useState(() => new URLSearchParams(location.search).get('office'));
  const [parentName, setParentName] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // The office a link names, and the name of the parent body this office is read through.
  useEffect(() => {
    if (!opening && !user.via) return;
    void parentApi.openable().then(async (r) => {
      if (!r.ok) {
        pushApiError(r.error);
        return setOpening(null);
      }
      const via = r.data.offices.find((o) => o.id === user.via);
      if (via) setParentName(pickText(via.nameTh, via.nameEn));
      if (!opening) return;
      const target = r.data.offices.find((o) => o.slug === opening);
      const stay = withoutOfficeParam();
      if (target && target.id !== user.org.id) {
        const refused = await openOrg(target.id, stay, true);
        if (!refused) return;
        pushApiError(refused);
      } else if (!target) {
        pushNotice('error', tParent.both('open.notFound', { slug: opening }));
      }
      history.replaceState(history.state, '', stay);
      setOpening(null);
    });
  }, []);

  // A parent body: its years, and its own pages only.
  useEffect(() => {
    if (!inParent) return;
    return effect(() => {
      if (fiscalYears.value?.length === 0) void fillParentYears();
    });
  }, [inParent]);
  const current = section.value;
  useEffect(() => {
    if (opening) return;
    if (inParent && !PARENT_PAGES.includes(current)) goTo('rollup', { replace: true });
    // An office read through its parent body has no roll-up or offices of its own: its board.
    else if (user.via && current !== 'account' && PARENT_PAGES.includes(current)) goTo('board', { replace: true });
  }, [inParent, opening, current]);

  if (opening) {
    return (
      <p class="tree-banner" role="status" aria-busy="true" data-testid="opening-office">
        {tParent('open.opening', { office: opening })}
      </p>
    );
  }
  if (!user.via) return null;
  const back = async () => {
    setBusy(true);
    const refused = await openOrg(user.via!, `/rollup/${yearOnScreen()}`);
    setBusy(false);
    if (refused) pushApiError(refused);
  };
  return (
    <div class="tree-banner" data-testid="read-only-banner">
      <p>{tParent('banner.text', { office: pickText(user.org.nameTh, user.org.nameEn), parent: parentName ?? '…' })}</p>
      <button type="button" class="button button-secondary" disabled={busy} onClick={() => void back()} data-testid="back-to-parent">
        {tParent('banner.back')}
      </button>
    </div>
  );
}
