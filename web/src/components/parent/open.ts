// Opening another organisation (issue 19): a descendant office, read-only, from its parent body,
// and the parent body again from there. The session moves to it on the server (the cookie
// changes), and the page starts again at `path`: everything the app holds (the person's role,
// the fiscal years, the board, the menus) is another organisation's.
import type { ApiError } from '../../api';
import { forgetKeptBoards } from '../../state/session';
import { selectedYear } from '../../state/ui';
import { today } from '../../state/board';
import { parentApi } from './api';
import { fiscalYearOfDay } from './years';

/** The fiscal year on screen, else today's. */
export const yearOnScreen = (): number => selectedYear.peek() ?? fiscalYearOfDay(today.peek());

/**
 * Open the organisation and load `path` in it (`replace`: the address it came from leaves the
 * history, as a `?office=` link's does). Resolves to the server's refusal if it refused.
 */
export async function openOrg(orgId: string, path: string, replace = false): Promise<ApiError | null> {
  const r = await parentApi.open(orgId);
  if (!r.ok) return r.error;
  // Boards are kept in this browser per person and year, not per office: another office's board
  // of the same year must not be drawn first (state/kept.ts).
  forgetKeptBoards();
  if (replace) location.replace(path);
  else location.assign(path);
  return null;
}

/** A descendant office's board of the year on screen, read-only. */
export const openOffice = (orgId: string): Promise<ApiError | null> => openOrg(orgId, `/board/${yearOnScreen()}`);
