import { fiscalYearLabel, pickText, roleLabel, t } from '../i18n';
import { fiscalYears, groupsById } from '../state/board';
import { me, signingOut, signOut, signOutEverywhere } from '../state/session';
import { goTo, selectedYear, selectYear } from '../state/ui';
import { LangSwitch } from './LangSwitch';

export function Header() {
  const user = me.value;
  if (!user) return null;
  const years = fiscalYears.value ?? [];
  const year = selectedYear.value;
  const group = user.groupId ? groupsById.value.get(user.groupId) : undefined;
  const busy = signingOut.value;

  return (
    <header class="app-header">
      <div class="header-brand">
        <span class="brand">{t('app.name')}</span>
        <h1 class="office-name">{pickText(user.org.nameTh, user.org.nameEn)}</h1>
      </div>

      <div class="header-year">
        <label for="fiscal-year" class="visually-hidden">
          {t('header.fiscalYear')}
        </label>
        <select
          id="fiscal-year"
          class="select"
          data-testid="fiscal-year-select"
          value={year ?? ''}
          disabled={years.length === 0}
          onChange={(e) => {
            const value = Number(e.currentTarget.value);
            if (Number.isFinite(value) && value > 0) selectYear(value);
          }}
        >
          {years.length === 0 && <option value="">{t('header.fiscalYear')}</option>}
          {/* Archived years stay off this menu (administration lists them), unless one is open. */}
          {years
            .filter((y) => y.archivedAt === null || y.beYear === year)
            .map((y) => (
              <option key={y.id} value={y.beYear}>
                {fiscalYearLabel(y.beYear)}
                {y.archivedAt !== null ? t('header.archived') : ''}
              </option>
            ))}
        </select>
      </div>

      <div class="header-user">
        <p class="user" data-testid="user">
          <span class="visually-hidden">{t('header.user')}: </span>
          <a
            class="user-name"
            href="/account"
            data-testid="account-link"
            title={t('header.myAccountPasswordAnd')}
            onClick={(e) => {
              if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
              e.preventDefault();
              goTo('account');
            }}
          >
            {user.user.displayName}
          </a>
          <span class="user-role">
            {roleLabel(user.role)}
            {group ? ` · ${pickText(group.nameTh, group.nameEn)}` : ''}
          </span>
        </p>
        <LangSwitch />
        <button
          type="button"
          class="button button-secondary"
          data-testid="sign-out"
          disabled={busy}
          onClick={() => void signOut()}
        >
          {t('header.signOut')}
        </button>
        <button
          type="button"
          class="button button-link"
          data-testid="sign-out-everywhere"
          disabled={busy}
          onClick={() => void signOutEverywhere()}
        >
          {t('header.signOutEverywhere')}
        </button>
      </div>
    </header>
  );
}
