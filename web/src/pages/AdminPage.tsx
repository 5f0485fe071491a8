// Administration of the office: users and roles, groups, board columns, fiscal years (import),
// and the integrity of the activity log (of a parent body: its users only). The server refuses all of it to non-administrators;
// this page only spares them the controls.
import { useState } from 'preact/hooks';
import { lazy, Suspense } from 'preact/compat';
import { languageReady } from '../i18n';
import { me } from '../state/session';
import { selectedYear } from '../state/ui';
import { UsersPanel } from '../components/admin/UsersPanel';
import { GroupsPanel } from '../components/admin/GroupsPanel';
import { ColumnsPanel } from '../components/admin/ColumnsPanel';
import { DoneRulePanel } from '../components/admin/DoneRulePanel';
import { MainWebsitePanel } from '../components/admin/MainWebsitePanel';
import { MeasuresPanel } from '../components/admin/MeasuresPanel';
import { RolloverPanel } from '../components/admin/RolloverPanel';
import { FiscalYearsPanel } from '../components/admin/FiscalYearsPanel';
import { IntegrityPanel } from '../components/admin/IntegrityPanel';
import { LinePanel } from '../components/admin/LinePanel';
import '../styles/admin.css';
import { tAdmin } from '../messages/admin';
import { tParentOffice } from '../messages/parent-office';

// The office's parent body and its templates (issue 19): a chunk of its own, loaded with its tab.
const ParentTab = lazy(() => import('../components/admin/ParentTab').then((m) => languageReady().then(() => ({ default: m.ParentTab }))));

const TABS = [
  { id: 'users', label: 'page.tab.users' },
  { id: 'groups', label: 'page.tab.groups' },
  { id: 'columns', label: 'page.tab.columns' },
  { id: 'measures', label: 'page.tab.measures' },
  { id: 'years', label: 'page.tab.years' },
  { id: 'integrity', label: 'page.tab.integrity' },
  { id: 'line', label: 'page.tab.line' },
] as const;
type Tab = (typeof TABS)[number]['id'] | 'parent';

export function AdminPage() {
  const [tab, setTab] = useState<Tab>('users');
  if (me.value?.role !== 'admin') {
    return <p class="board-message">{tAdmin('page.thisPageIsFor')}</p>;
  }
  const year = selectedYear.value;
  return (
    <div class="admin-page" data-testid="admin-page">
      <div class="admin-tabs" role="tablist" aria-label={tAdmin('page.settings')}>
        {[
          // A parent body has no boards or groups: its users only.
          ...TABS.filter((t) => me.value!.org.kind === 'office' || t.id === 'users').map((t) => ({ id: t.id as Tab, label: tAdmin(t.label) })),
          // An office's parent body; a parent body's own page is elsewhere.
          ...(me.value.org.kind === 'office' ? [{ id: 'parent' as const, label: tParentOffice('tab') }] : []),
        ].map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls="admin-tabpanel"
            class="admin-tab"
            data-testid={`admin-tab-${t.id}`}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div id="admin-tabpanel" role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {tab === 'users' && <UsersPanel />}
        {tab === 'groups' && <GroupsPanel />}
        {tab === 'columns' && (
          <>
            {year !== null && <ColumnsPanel beYear={year} />}
            <DoneRulePanel />
            <MainWebsitePanel />
          </>
        )}
        {tab === 'measures' && year !== null && <MeasuresPanel beYear={year} />}
        {tab === 'years' && (
          <>
            <FiscalYearsPanel />
            <RolloverPanel />
          </>
        )}
        {tab === 'integrity' && year !== null && <IntegrityPanel beYear={year} />}
        {tab === 'line' && <LinePanel />}
        {tab === 'parent' && (
          <Suspense fallback={<p aria-busy="true">{tParentOffice('loading')}</p>}>
            <ParentTab />
          </Suspense>
        )}
      </div>
    </div>
  );
}
