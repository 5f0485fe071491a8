import { t, type PlainStringKey } from '../i18n';
import { me } from '../state/session';
import { goTo, section, type Section } from '../state/ui';

/** `parent`: a parent body's page (issue 19); the others are an office's (a parent body has no boards), but Administration is both's. */
const LINKS: { name: Section; label: PlainStringKey; adminOnly?: boolean; parent?: boolean }[] = [
  { name: 'board', label: 'nav.board' },
  { name: 'dashboard', label: 'nav.dashboard' },
  { name: 'reports', label: 'nav.reports' },
  { name: 'oit', label: 'nav.oit' },
  { name: 'parent', label: 'nav.parent', parent: true },
  { name: 'rollup', label: 'nav.rollup', parent: true },
  // Both kinds: an office's settings, a parent body's users.
  { name: 'admin', label: 'nav.admin', adminOnly: true },
];

/** The app's pages. Links are real links (open in a new tab works); a plain click stays in the app. */
export function Nav() {
  const user = me.value;
  return (
    <nav class="app-nav" aria-label={t('nav.label')} data-testid="nav">
      {LINKS.filter((l) => (l.adminOnly ? user?.role === 'admin' : !l.parent === (user?.org.kind !== 'parent'))).map((l) => (
        <a
          key={l.name}
          href={`/${l.name}`}
          class="nav-link"
          data-testid={`nav-${l.name}`}
          aria-current={section.value === l.name ? 'page' : undefined}
          onClick={(e) => {
            if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
            e.preventDefault();
            goTo(l.name);
          }}
        >
          {t(l.label)}
        </a>
      ))}
    </nav>
  );
}
