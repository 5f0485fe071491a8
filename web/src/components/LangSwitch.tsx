import { t, toggleLanguage } from '../i18n';
import { lang } from '../state/ui';

/** One button that switches between Thai and English; it names the language it switches to. */
export function LangSwitch() {
  const target = lang.value === 'th' ? 'en' : 'th';
  return (
    <button
      type="button"
      class="button button-ghost lang-switch"
      data-testid="lang-switch"
      lang={target}
      aria-label={t('lang.switchLabel')}
      title={t('lang.switchLabel')}
      onClick={() => void toggleLanguage()}
    >
      {t('lang.switch')}
    </button>
  );
}
