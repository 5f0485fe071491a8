import { languageReady, t } from '../i18n';
import { me, status } from '../state/session';
import { Board } from './Board';
import { Header } from './Header';
import { Notices } from './Notices';
import { Nav } from './Nav';
import { section, type Section } from '../state/ui';
import type { ComponentType } from 'preact';
import { lazy, Suspense } from 'preact/compat';
import { PUBLIC_ROUTE } from './public/route';

// Pages other than the board are loaded when first opened: most visits are to the board, and the
// app's first load stays small. A page's strings come with it; with English on, its English
// dictionary is loaded before it shows.
const view = <K extends string, M extends Record<K, ComponentType<any>>>(load: () => Promise<M>, name: K) =>
  lazy(() => load().then((m) => languageReady().then(() => ({ default: m[name] }))));
const DashboardPage = view(() => import('../pages/DashboardPage'), 'DashboardPage');
const ReportsPage = view(() => import('../pages/ReportsPage'), 'ReportsPage');
const OitPage = view(() => import('../pages/OitPage'), 'OitPage');
const AdminPage = view(() => import('../pages/AdminPage'), 'AdminPage');
const RollupPage = view(() => import('../pages/RollupPage'), 'RollupPage');
const parentChunk = () => import('./parent/chunk');
const ParentPage = view(parentChunk, 'ParentPage');
const AccountPage = view(() => import('../pages/AccountPage'), 'AccountPage');
// The sign-in form too: most visits come signed in (the session cookie lasts).
const SignIn = view(() => import('./SignIn'), 'SignIn');
const PublicPage = view(() => import('./public/PublicPage'), 'PublicPage');
// Around the pages of a parent body's users (issue 19): the read-only banner in a descendant
// office, links into one, a parent body's years and pages. Loaded only for them.
const TreeShell = view(parentChunk, 'TreeShell');

/** One view per section of the URL (/board/2567, /dashboard/2567, …). */
const VIEWS: Record<Section, ComponentType> = {
  board: Board,
  dashboard: DashboardPage,
  reports: ReportsPage,
  oit: OitPage,
  // The OIT submission (/submission/2567): OitPage loads it as a chunk of its own.
  submission: OitPage,
  admin: AdminPage,
  account: AccountPage,
  rollup: RollupPage,
  parent: ParentPage,
};

function Loading() {
  return (
    <p class="board-message" aria-busy="true">
      {t('loading')}
    </p>
  );
}

function Splash() {
  return (
    <main id="main" class="splash" aria-busy="true">
      <p>{t('loading')}</p>
    </main>
  );
}

export function App() {
  // The public progress page (/p/<office>/<year>) needs no sign-in: it comes before the session.
  if (PUBLIC_ROUTE) {
    return (
      <>
        <Suspense fallback={<Loading />}>
          <PublicPage route={PUBLIC_ROUTE} />
        </Suspense>
        <Notices />
      </>
    );
  }
  const current = status.value;
  // Signed in with a temporary password: only the account page, until the password is changed.
  const mustChange = me.value?.mustChangePassword === true;
  const View = mustChange ? AccountPage : VIEWS[section.value];
  return (
    <>
      <a class="skip-link" href="#main">
        {t('skip')}
      </a>
      {current === 'loading' && <Splash />}
      {current === 'signed-out' && (
        <Suspense fallback={<Splash />}>
          <SignIn />
        </Suspense>
      )}
      {current === 'signed-in' && (
        <>
          <Header />
          {!mustChange && <Nav />}
          {(me.value!.via || me.value!.org.kind === 'parent') && (
            <Suspense fallback={null}>
              <TreeShell />
            </Suspense>
          )}
          <main id="main" class={`${mustChange ? 'account' : section.value}-page`}>
            <Suspense fallback={<Loading />}>
              <View />
            </Suspense>
          </main>
        </>
      )}
      <Notices />
    </>
  );
}
