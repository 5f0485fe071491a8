import { t } from '../i18n';
import { status } from '../state/session';
import { Board } from './Board';
import { Header } from './Header';
import { Notices } from './Notices';
import { SignIn } from './SignIn';
import { Nav } from './Nav';
import { section, type Section } from '../state/ui';
import { DashboardPage } from '../pages/DashboardPage';
import { ReportsPage } from '../pages/ReportsPage';
import { OitPage } from '../pages/OitPage';
import { AdminPage } from '../pages/AdminPage';
import type { ComponentType } from 'preact';

/** One view per section of the URL (/board/2567, /dashboard/2567, …). */
const VIEWS: Record<Section, ComponentType> = {
  board: Board,
  dashboard: DashboardPage,
  reports: ReportsPage,
  oit: OitPage,
  admin: AdminPage,
};

export function App() {
  const current = status.value;
  const View = VIEWS[section.value];
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
          <Nav />
          <main id="main" class={`${section.value}-page`}>
            <View />
          </main>
        </>
      )}
      <Notices />
    </>
  );
}
