import { t } from '../i18n';
import { status } from '../state/session';
import { Board } from './Board';
import { Header } from './Header';
import { Notices } from './Notices';
import { SignIn } from './SignIn';

export function App() {
  const current = status.value;
  return (
    <>
      <a class="skip-link" href="#main">
        {t('skip')}
      </a>
      {current === 'loading' && (
        <main id="main" class="splash" aria-busy="true">
          <p>{t('loading')}</p>
        </main>
      )}
      {current === 'signed-out' && <SignIn />}
      {current === 'signed-in' && (
        <>
          <Header />
          <main id="main" class="board-page">
            <Board />
          </main>
        </>
      )}
      <Notices />
    </>
  );
}
