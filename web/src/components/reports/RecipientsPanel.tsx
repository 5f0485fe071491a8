// Administrators: which scheduled reports the office receives, and who receives them besides the
// default accounts (executives and directors; everyone; each director for the digest).
import { useEffect, useState } from 'preact/hooks';
import { REPORT_KIND_NAMES } from './kinds';
import type { ReportKindName } from '../../../../worker/domain/report-types';
import { pushApiError } from '../../state/notices';
import { reportsApi } from './api';
import { loadSettings, settings } from './model';
import { tReports } from '../../messages/reports';

export function RecipientsPanel() {
  useEffect(() => {
    void loadSettings();
  }, []);
  const [kind, setKind] = useState<ReportKindName>('executive');
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [saving, setSaving] = useState(false);
  const current = settings.value;
  if (!current) return null;

  const act = async (call: () => Promise<{ ok: boolean; error?: Parameters<typeof pushApiError>[0] }>) => {
    setSaving(true);
    const r = await call();
    setSaving(false);
    if (!r.ok && r.error) pushApiError(r.error);
    await loadSettings();
    return r.ok;
  };

  return (
    <section class="rpt-admin no-print" data-testid="report-recipients" aria-labelledby="rpt-recipients-title">
      <h2 id="rpt-recipients-title" class="rpt-h2">
        {tReports('recipients')}
      </h2>
      <p class="muted rpt-help">{tReports('recipientsHelp')}</p>
      <table class="rpt-table rpt-screen-table">
        <tbody>
          {REPORT_KIND_NAMES.map((k) => (
            <tr key={k}>
              <th scope="row">{tReports(`kind.${k}`)}</th>
              <td>{tReports('defaults', { n: current.defaultRecipients[k] })}</td>
              <td>
                <label class="rpt-check">
                  <input
                    type="checkbox"
                    data-testid={`report-kind-${k}`}
                    checked={current.reportKinds[k]}
                    disabled={saving}
                    onChange={(e) => void act(() => reportsApi.setKinds({ [k]: e.currentTarget.checked }))}
                  />
                  {tReports('sendsOn')}
                </label>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {current.recipients.length === 0 ? (
        <p class="muted">{tReports('noRecipients')}</p>
      ) : (
        <ul class="rpt-recipients" data-testid="recipient-list">
          {current.recipients.map((r) => (
            <li key={r.id} data-testid="recipient">
              <span>
                <strong>{tReports(`kind.${r.kind}`)}</strong>: {r.name ? `${r.name} <${r.email}>` : r.email}
              </span>
              <button
                type="button"
                class="button button-link"
                disabled={saving}
                aria-label={tReports('removeLabel', { email: r.email, kind: tReports(`kind.${r.kind}`) })}
                onClick={() => void act(() => reportsApi.removeRecipient(r.id))}
              >
                {tReports('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        class="rpt-form"
        data-testid="recipient-form"
        onSubmit={async (e) => {
          e.preventDefault();
          if (await act(() => reportsApi.addRecipient(kind, email.trim(), name.trim()))) {
            setEmail('');
            setName('');
          }
        }}
      >
        <label class="rpt-field">
          <span>{tReports('previewKind')}</span>
          <select class="select" value={kind} onChange={(e) => setKind(e.currentTarget.value as ReportKindName)}>
            {REPORT_KIND_NAMES.map((k) => (
              <option key={k} value={k}>
                {tReports(`kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label class="rpt-field">
          <span>{tReports('email')}</span>
          <input class="rpt-input" type="email" required maxLength={254} value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        </label>
        <label class="rpt-field">
          <span>{tReports('name')}</span>
          <input class="rpt-input" type="text" maxLength={200} value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <div class="rpt-actions">
          <button type="submit" class="button button-secondary" disabled={saving} data-testid="recipient-add">
            {tReports('add')}
          </button>
        </div>
      </form>
    </section>
  );
}
