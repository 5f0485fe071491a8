// Administrators: outgoing email, failures first. A failed message keeps its last error and can be
// queued again; nothing is dropped silently.
import { useEffect } from 'preact/hooks';
import { pushApiError, pushNotice } from '../../state/notices';
import { reportsApi } from './api';
import { when } from './format';
import { loadOutbox, outbox } from './model';
import { tReports } from '../../messages/reports';

export function OutboxPanel() {
  useEffect(() => {
    void loadOutbox();
  }, []);
  const messages = outbox.value;
  if (!messages) return null;
  return (
    <section class="rpt-admin no-print" data-testid="report-outbox" aria-labelledby="rpt-outbox-title">
      <div class="rpt-admin-head">
        <h2 id="rpt-outbox-title" class="rpt-h2">
          {tReports('outbox')}
        </h2>
        <button type="button" class="button button-ghost" onClick={() => void loadOutbox()}>
          {tReports('refresh')}
        </button>
      </div>
      {messages.length === 0 ? (
        <p class="muted">{tReports('outboxEmpty')}</p>
      ) : (
        <div class="rpt-scroll">
          <table class="rpt-table rpt-screen-table">
            <thead>
              <tr>
                <th scope="col">{tReports('status')}</th>
                <th scope="col">{tReports('recipient')}</th>
                <th scope="col">{tReports('subject')}</th>
                <th scope="col">{tReports('attempts')}</th>
                <th scope="col">{tReports('nextAttempt')}</th>
                <th scope="col">{tReports('lastError')}</th>
                <th scope="col">
                  <span class="visually-hidden">{tReports('retry')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {messages.map((m) => (
                <tr key={m.id} data-testid="outbox-row" data-status={m.status}>
                  <td>
                    <span class={`rpt-status rpt-status-${m.status}`}>{tReports(`status.${m.status}`)}</span>
                  </td>
                  <td>{m.toEmail ?? m.target}</td>
                  <td>{m.subject}</td>
                  <td class="rpt-num">{m.attempts}</td>
                  <td class="rpt-nowrap">{m.status === 'pending' ? when(m.nextAttemptAt) : m.sentAt ? when(m.sentAt) : '-'}</td>
                  <td class="rpt-error">{m.lastError ?? ''}</td>
                  <td>
                    {m.status === 'failed' && (
                      <button
                        type="button"
                        class="button button-secondary"
                        onClick={async () => {
                          const r = await reportsApi.retry(m.id);
                          if (r.ok) pushNotice('info', tReports.both('retried'));
                          else pushApiError(r.error);
                          await loadOutbox();
                        }}
                      >
                        {tReports('retry')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
