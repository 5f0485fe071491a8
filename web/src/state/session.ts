// Session model: who is signed in, and signing in and out.
import { computed, signal } from '@preact/signals';
import type { Me } from '../../../worker/domain/contracts';
import { api, ApiError, onUnauthorized, type DemoAccount, type Result } from '../api';
import { both } from '../i18n';
import { forgetKeptBoards, forgetOtherUsers, somethingKept } from './kept';
/** Another organisation opened (issue 19): its boards are not the ones kept (components/parent/open.ts). */
export { forgetKeptBoards };
import { clearNotices, pushApiError, pushNotice } from './notices';

export type SessionStatus = 'loading' | 'signed-out' | 'signed-in';

export const me = signal<Me | null>(null);
/** 'loading' only until the first /api/session answer. */
const checked = signal(false);
export const status = computed<SessionStatus>(() =>
  me.value ? 'signed-in' : checked.value ? 'signed-out' : 'loading',
);

export const signingIn = signal(false);
export const signInError = signal<ApiError | null>(null);
export const signingOut = signal(false);
/** Demo accounts offered on the sign-in page; empty outside local development. */
export const demoAccounts = signal<DemoAccount[]>([]);

let started = false;

/** Who is signed in: 200 with `me` null when nobody is (no failed request in the console). */
const askSession = api.session;
/** The server runs the local demo (npm start): the sign-in page may list its accounts. */
let demoMode = false;

/**
 * What this browser was signed in to when it last knew (kept in localStorage, never the session
 * itself): '1' an office, 'p' a parent body, null nothing. A page that starts signed out then asks
 * for nothing that is bound to answer 401, and a parent body's for no board (it has none).
 */
const HINT_KEY = 'ita.signedIn';
export function signedInHint(): string | null {
  try {
    return localStorage.getItem(HINT_KEY);
  } catch {
    return '1';
  }
}
function rememberSignedIn(user: Me | null): void {
  try {
    if (user) localStorage.setItem(HINT_KEY, user.org.kind === 'parent' ? 'p' : '1');
    else localStorage.removeItem(HINT_KEY);
  } catch {
    // Storage refused (private mode): the hint is only an optimisation.
  }
}

/** Ask the server who we are; a 401 simply means "show the sign-in page". */
export async function startSession(): Promise<void> {
  if (started) return;
  started = true;
  onUnauthorized(() => {
    if (!me.value) return;
    me.value = null;
    clearNotices();
    pushNotice('info', both('session.expired'));
  });
  const result = await askSession();
  if (result.ok) {
    me.value = result.data.me;
    demoMode = result.data.demo === true;
  } else if (result.error.status !== 401) {
    pushApiError(result.error);
  }
  checked.value = true;
  rememberSignedIn(me.value);
  // From now on the hint and the boards kept in IndexedDB follow the session. Every way of being
  // signed out ends here with `me` null — signing out (or out everywhere) in this tab, in another
  // tab (the live socket closes with SIGNED_OUT_CLOSE: recheckSession), a 401 from any request
  // (onUnauthorized), a session that had ended before this page opened (the check above): offices
  // share computers, so nothing of a board stays behind. Signing in forgets anybody else's.
  let signedIn = false;
  me.subscribe((user) => {
    if (!checked.peek()) return;
    rememberSignedIn(user);
    const wasSignedIn = signedIn;
    signedIn = user !== null;
    if (user) {
      forgetOtherUsers(user.user.id);
    } else if (wasSignedIn || somethingKept()) forgetKeptBoards();
  });
}

export async function signIn(email: string, password: string): Promise<boolean> {
  if (signingIn.value) return false;
  signingIn.value = true;
  signInError.value = null;
  const result = await api.signIn(email.trim(), password);
  signingIn.value = false;
  if (!result.ok) {
    signInError.value = result.error;
    return false;
  }
  clearNotices();
  me.value = result.data;
  return true;
}

async function endSession(call: () => Promise<Result<null>>): Promise<void> {
  if (signingOut.value) return;
  signingOut.value = true;
  const result = await call();
  signingOut.value = false;
  // 401: the session had already ended on the server; either way we are signed out now.
  if (result.ok || result.error.status === 401) {
    clearNotices();
    signInError.value = null;
    me.value = null;
  } else {
    pushApiError(result.error);
  }
}

/**
 * The server says our session has ended (another tab signed out): ask it who we are, and show
 * the sign-in page if nobody. Still signed in (a new session in this browser): nothing changes.
 */
export async function recheckSession(): Promise<void> {
  const result = await askSession();
  if (result.ok && result.data.me === null && me.value) {
    me.value = null;
    clearNotices();
    pushNotice('info', both('session.signedOutElsewhere'));
  }
}

export const signOut = () => endSession(api.signOut);
export const signOutEverywhere = () => endSession(api.signOutEverywhere);

/** Load the quick "sign in as" list; a 404 (not local development) leaves it empty. */
export async function loadDemoAccounts(): Promise<void> {
  // Outside the local demo the list does not exist: asking would only log a 404.
  if (!demoMode) {
    demoAccounts.value = [];
    return;
  }
  const result = await api.demoAccounts();
  demoAccounts.value =
    result.ok && Array.isArray(result.data?.accounts) ? result.data.accounts : [];
}
