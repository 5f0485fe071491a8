import { pick, t } from '../i18n';
import { announcement, dismissNotice, notices } from '../state/notices';

/**
 * Visible toasts for errors and conflicts (a live region that is always in the page, so
 * screen readers hear new ones), plus a hidden status region for successful moves.
 */
export function Notices() {
  const list = notices.value;
  const said = announcement.value;
  return (
    <>
      <div
        class="notices"
        role="region"
        aria-label={t('notices.region')}
        aria-live="assertive"
        aria-relevant="additions text"
        data-testid="notices"
      >
        {list.map((notice) => (
          <div
            key={notice.id}
            class={`notice notice-${notice.kind}`}
            data-testid="notice"
            data-kind={notice.kind}
            data-code={notice.code}
          >
            <p class="notice-text">{pick(notice.message)}</p>
            <button
              type="button"
              class="notice-close"
              aria-label={t('dismiss')}
              title={t('dismiss')}
              onClick={() => dismissNotice(notice.id)}
            >
              <span aria-hidden="true">×</span>
            </button>
          </div>
        ))}
      </div>
      <div class="visually-hidden" role="status" aria-live="polite" data-testid="live-region">
        {said ? pick(said) : ''}
      </div>
    </>
  );
}
