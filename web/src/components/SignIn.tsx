import { useEffect, useRef, useState } from 'preact/hooks';
import { pickText, roleLabel, t } from '../i18n';
import {
  demoAccounts,
  loadDemoAccounts,
  signIn,
  signingIn,
  signInError,
} from '../state/session';
import { LangSwitch } from './LangSwitch';
import { tSignIn } from '../messages/signin';
import '../styles/account.css';

export function SignIn() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  // ASVS 2.1.12: the person may see the password they type.
  const [shown, setShown] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  // After a 429 the server says how long this account waits (Retry-After): count it down, and
  // keep the button off for that account until then.
  const [wait, setWait] = useState<{ email: string; until: number } | null>(null);
  const [now, setNow] = useState(Date.now());

  useEffect(() => {
    void loadDemoAccounts();
    emailRef.current?.focus();
  }, []);

  const error = signInError.value;
  useEffect(() => {
    const seconds = Number((error?.body as { error?: { details?: { retryAfterSeconds?: number } } } | null)?.error?.details?.retryAfterSeconds);
    if (error?.code === 'too_many_attempts' && seconds > 0) {
      // One clock reading for both, so the first render counts from the server's figure (it showed
      // 31 for a 30-second wait when `now` was still the moment the page opened).
      const at = Date.now();
      setNow(at);
      setWait({ email: email.trim().toLowerCase(), until: at + seconds * 1000 });
    }
  }, [error]);
  useEffect(() => {
    if (!wait) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [wait]);
  const remaining = wait && wait.email === email.trim().toLowerCase() ? Math.max(0, Math.ceil((wait.until - now) / 1000)) : 0;
  const busy = signingIn.value;
  const errorText = missing
    ? tSignIn('signIn.required')
    : error
      ? pickText(error.messageTh, error.messageEn)
      : '';

  async function onSubmit(event: Event) {
    event.preventDefault();
    if (!email.trim() || !password) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const ok = await signIn(email, password);
    if (!ok) setPassword('');
  }

  async function signInAs(accountEmail: string, accountPassword: string) {
    setMissing(false);
    setEmail(accountEmail);
    setPassword('');
    await signIn(accountEmail, accountPassword);
  }

  const accounts = demoAccounts.value;

  return (
    <main id="main" class="sign-in-page">
      <div class="sign-in-top">
        <LangSwitch />
      </div>
      <section class="sign-in-card" aria-labelledby="sign-in-title">
        <p class="brand">{t('app.name')}</p>
        <h1 id="sign-in-title">{tSignIn('signIn.title')}</h1>
        <p class="muted">{t('app.tagline')}</p>

        <form class="form" data-testid="sign-in-form" noValidate onSubmit={onSubmit}>
          <div class="field">
            <label for="sign-in-email">{tSignIn('signIn.email')}</label>
            <input
              ref={emailRef}
              id="sign-in-email"
              name="email"
              type="email"
              inputMode="email"
              autoComplete="username"
              spellcheck={false}
              required
              aria-invalid={errorText ? true : undefined}
              aria-describedby={errorText ? 'sign-in-error' : undefined}
              value={email}
              onInput={(e) => setEmail(e.currentTarget.value)}
            />
          </div>
          <div class="field">
            <label for="sign-in-password">{tSignIn('signIn.password')}</label>
            <input
              id="sign-in-password"
              name="password"
              type={(shown ? 'text' : 'password') as 'password'}
              autoComplete="current-password"
              required
              aria-invalid={errorText ? true : undefined}
              aria-describedby={errorText ? 'sign-in-error' : undefined}
              value={password}
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
            <label class="password-show">
              <input type="checkbox" checked={shown} onChange={(e) => setShown(e.currentTarget.checked)} data-testid="sign-in-show-password" />
              {tSignIn('signIn.showPassword')}
            </label>
          </div>
          <p id="sign-in-error" class="form-error" role="alert" data-testid="sign-in-error">
            {errorText}
          </p>
          {(error?.code === 'challenge_required' || error?.code === 'challenge_failed') && (
            // Optional Turnstile (worker/routes/auth.ts): a page of its own, then back here.
            <p>
              <a class="button button-secondary" href="/api/auth/challenge" data-testid="sign-in-challenge">
                {tSignIn('signIn.showYouAreNot')}
              </a>
            </p>
          )}
          {remaining > 0 && (
            <p class="muted" data-testid="sign-in-wait">
              {tSignIn('signIn.youCanTryAgain', { remaining })}
            </p>
          )}
          <button type="submit" class="button button-primary button-block" disabled={busy || remaining > 0}>
            {busy ? tSignIn('signIn.submitting') : tSignIn('signIn.submit')}
          </button>
        </form>

        {accounts.length > 0 && (
          <section class="demo-accounts" aria-labelledby="demo-title" data-testid="demo-accounts">
            <h2 id="demo-title">{tSignIn('signIn.demoTitle')}</h2>
            <ul>
              {accounts.map((account) => {
                const label = pickText(account.labelTh, account.labelEn);
                return (
                  <li key={account.email}>
                    <button
                      type="button"
                      class="demo-account"
                      disabled={busy}
                      data-email={account.email}
                      onClick={() => signInAs(account.email, account.password)}
                    >
                      <span class="demo-label">{tSignIn('signIn.demoAs', { label })}</span>
                      <span class="demo-meta">
                        {roleLabel(account.role)} · {account.email}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        )}
      </section>
    </main>
  );
}
