import { t } from '../i18n';
import { lang, toggleLang } from '../state/ui';

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
      onClick={toggleLang}
    >
      {t('lang.switch')}
    </button>
  );
}
