// The signed-in person's own account: change the password (required first after a temporary one
// from an administrator) and see and end their own sessions.
import { useState } from 'preact/hooks';
import { accountsApi, type OwnSession } from '../accounts-api';
import type { ApiError } from '../api';
import { me, signOut } from '../state/session';
import { lang } from '../state/ui';
import { Feedback } from '../components/Feedback';
import { PasswordField } from '../components/PasswordField';
import { useLoad } from '../components/admin/useLoad';
import '../styles/admin.css';
import '../styles/account.css';
import { formatMoment } from '../../../worker/domain/thai-date';
import { tAccount } from '../messages/account';

/** Buddhist Era and Bangkok time in English too (components/dates/be-date.ts). */
function when(ms: number): string {
  return formatMoment(ms, lang.value);
}

/** "Chrome on Linux"-like short name of a user agent (the full string is in the title). */
function browserName(ua: string): string {
  const browser = /Edg\//.test(ua) ? 'Edge' : /Firefox\//.test(ua) ? 'Firefox' : /Chrom(e|ium)\//.test(ua) ? 'Chrome' : /Safari\//.test(ua) ? 'Safari' : '';
  const os = /Windows/.test(ua) ? 'Windows' : /Android/.test(ua) ? 'Android' : /iPhone|iPad/.test(ua) ? 'iOS' : /Mac OS/.test(ua) ? 'macOS' : /Linux/.test(ua) ? 'Linux' : '';
  if (!browser && !os) return tAccount('page.unknownBrowser');
  return [browser, os].filter(Boolean).join(tAccount('page.on'));
}

export function ChangePassword() {
  const user = me.value!;
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<ApiError | string | null>(null);
  const [ok, setOk] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: Event) {
    e.preventDefault();
    setOk(null);
    if (next !== repeat) {
      setError(tAccount('page.theTwoNewPasswords'));
      return;
    }
    setBusy(true);
    const r = await accountsApi.changePassword(current, next);
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setError(null);
    setCurrent('');
    setNext('');
    setRepeat('');
    setOk(tAccount('page.passwordChangedYourOther'));
    me.value = r.data;
  }
  return (
    <section class="account-section" aria-labelledby="change-password-title" data-testid="change-password">
      <h2 id="change-password-title">{tAccount('page.changePassword')}</h2>
      {user.mustChangePassword && (
        <p class="account-notice" role="status" data-testid="must-change-password">
          {tAccount('page.youSignedInWith')}
        </p>
      )}
      <form class="form account-form" onSubmit={submit} noValidate>
        <div class="field">
          <label for="current-password">{tAccount('page.currentPassword')}</label>
          <input id="current-password" type="password" autoComplete="current-password" required value={current} onInput={(e) => setCurrent(e.currentTarget.value)} />
        </div>
        <PasswordField
          id="new-password"
          label={tAccount('page.newPassword')}
          value={next}
          onInput={setNext}
          userInputs={[user.user.email, user.org.nameTh, user.org.nameEn, user.org.slug]}
          testId="new-password"
        />
        <div class="field">
          <label for="repeat-password">{tAccount('page.newPasswordAgain')}</label>
          <input id="repeat-password" type="password" autoComplete="new-password" required value={repeat} onInput={(e) => setRepeat(e.currentTarget.value)} />
        </div>
        <button type="submit" class="button button-primary" disabled={busy}>
          {tAccount('page.changePassword')}
        </button>
        <Feedback testId="password" error={error} ok={ok} />
      </form>
    </section>
  );
}

function SessionRow({ session, onEnded }: { session: OwnSession; onEnded: () => void }) {
  const [error, setError] = useState<ApiError | null>(null);
  async function end() {
    if (session.current) {
      await signOut();
      return;
    }
    const r = await accountsApi.endSession(session.id);
    if (r.ok) onEnded();
    else setError(r.error);
  }
  return (
    <tr data-testid="own-session" data-current={session.current ? 'true' : undefined}>
      <td title={session.userAgent}>
        {browserName(session.userAgent)}
        {session.current && <strong class="account-current"> · {tAccount('page.thisBrowser')}</strong>}
      </td>
      <td>{session.ip ?? '—'}</td>
      <td>{when(session.createdAt)}</td>
      <td>
        <button type="button" class="button button-secondary" onClick={() => void end()} data-testid="end-session">
          {session.current ? tAccount('page.signOut') : tAccount('page.endThisSession')}
        </button>
        <Feedback error={error} />
      </td>
    </tr>
  );
}

function Sessions() {
  const sessions = useLoad(accountsApi.sessions);
  return (
    <section class="account-section" aria-labelledby="sessions-title" data-testid="own-sessions">
      <h2 id="sessions-title">{tAccount('page.whereYouAreSigned')}</h2>
      <Feedback error={sessions.error} />
      <table class="admin-table">
        <thead>
          <tr>
            <th>{tAccount('page.browser')}</th>
            <th>{tAccount('page.ipAddress')}</th>
            <th>{tAccount('page.signedIn')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(sessions.data?.sessions ?? []).map((s) => (
            <SessionRow key={s.id} session={s} onEnded={() => void sessions.reload()} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function AccountPage() {
  const user = me.value;
  if (!user) return null;
  return (
    <div class="account-page" data-testid="account-page">
      <h1>{tAccount('page.myAccount')}</h1>
      <p class="muted">
        {user.user.displayName} · {user.user.email}
      </p>
      <ChangePassword />
      {!user.mustChangePassword && <Sessions />}
    </div>
  );
}
