// The office's parent body (issue 19), for its administrators: the body it belongs to, or none;
// the invitations it received (who invites, when, until when, in Buddhist Era dates and Bangkok
// time) to accept or decline while pending, the closed ones with their status; and leaving, after
// a confirmation that says what it means. Every answer of the server is shown in the interface's
// language, and the panel reads the server again after each action.
import { useState } from 'preact/hooks';
import type { ApiError } from '../../api';
import { pickText } from '../../i18n';
import { formatMoment } from '../../../../worker/domain/thai-date';
import { lang } from '../../state/ui';
import { Feedback } from '../Feedback';
import { AdminPanel, AdminTable } from './Panel';
import { useLoad } from './useLoad';
import { officeTreeApi, type ReceivedInvitation } from './tree-api';
import { tParentOffice as tp } from '../../messages/parent-office';

const nameOf = (org: { nameTh: string; nameEn: string }) => pickText(org.nameTh, org.nameEn);

export function ParentPanel({ onChanged }: { onChanged: () => void }) {
  const { data, error: loadError, reload } = useLoad(() => officeTreeApi.parent());
  const [error, setError] = useState<ApiError | null>(null);
  const [ok, setOk] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);

  async function act<T>(send: () => Promise<{ ok: true; data: T } | { ok: false; error: ApiError }>, said: string) {
    setBusy(true);
    const r = await send();
    setBusy(false);
    setConfirming(false);
    if (r.ok) {
      setError(null);
      setOk(said);
    } else {
      setOk(null);
      setError(r.error);
    }
    await reload();
    onChanged();
  }

  const parent = data?.parent ?? null;
  const pending = data?.invitations.filter((i) => i.status === 'pending') ?? [];
  const closed = data?.invitations.filter((i) => i.status !== 'pending') ?? [];
  const when = (ms: number) => formatMoment(ms, lang.value);

  const row = (inv: ReceivedInvitation, actions: boolean) => (
    <tr key={inv.id} data-testid={actions ? 'parent-invitation' : 'parent-invitation-closed'}>
      <td>
        <strong>{nameOf(inv.org)}</strong> <span class="muted">({inv.org.slug})</span>
        {inv.invitedBy && (
          <>
            <br />
            <span class="muted">{tp('invitation.by', { name: inv.invitedBy })}</span>
          </>
        )}
      </td>
      <td data-label={tp('col.sent')}>{when(inv.createdAt)}</td>
      <td data-label={tp('col.expires')}>{when(inv.expiresAt)}</td>
      <td data-label={tp('col.status')} data-testid="parent-invitation-status">{tp(`status.${inv.status}`)}</td>
      {actions && (
        <td>
          <div class="po-actions">
            {(['accept', 'decline'] as const).map((what) => (
              <button
                key={what}
                type="button"
                class={`button ${what === 'accept' ? 'button-primary' : 'button-secondary'}`}
                disabled={busy}
                onClick={() => void act(() => officeTreeApi[what](inv.id), tp(what === 'accept' ? 'invitation.accepted' : 'invitation.declined', { name: nameOf(inv.org) }))}
                data-testid={`parent-invitation-${what}`}
              >
                {tp(`invitation.${what}`)}
              </button>
            ))}
          </div>
        </td>
      )}
    </tr>
  );

  return (
    <AdminPanel name="parent" title={tp('parent.title')}>
      {!data && !loadError && <p aria-busy="true">{tp('loading')}</p>}
      <Feedback error={loadError} testId="parent-load" />
      {data && (
        <>
          {parent ? (
            <div class="po-current" data-testid="parent-current">
              <p>
                {tp('parent.current')} <strong data-testid="parent-name">{nameOf(parent)}</strong> <span class="muted">({parent.slug})</span>
              </p>
              <p class="muted">{tp('parent.reads')}</p>
              {!confirming ? (
                <button type="button" class="button button-secondary" disabled={busy} onClick={() => setConfirming(true)} data-testid="parent-leave">
                  {tp('leave.button')}
                </button>
              ) : (
                <div class="po-confirm" role="group" aria-labelledby="po-leave-title" data-testid="parent-leave-confirm">
                  <h3 id="po-leave-title">{tp('leave.title', { name: nameOf(parent) })}</h3>
                  <p>{tp('leave.means', { name: nameOf(parent) })}</p>
                  <p>{tp('leave.keeps')}</p>
                  <p class="po-actions">
                    <button
                      type="button"
                      class="button po-danger"
                      disabled={busy}
                      onClick={() => void act(() => officeTreeApi.leave(), tp('leave.done', { name: nameOf(parent) }))}
                      data-testid="parent-leave-confirm-button"
                    >
                      {tp('leave.confirm')}
                    </button>
                    <button type="button" class="button button-secondary" disabled={busy} onClick={() => setConfirming(false)}>
                      {tp('leave.cancel')}
                    </button>
                  </p>
                </div>
              )}
            </div>
          ) : (
            <p data-testid="parent-none">{tp('parent.none')}</p>
          )}
          <Feedback error={error} ok={ok} testId="parent" />
          <h3>{tp('invitations.pending')}</h3>
          {pending.length === 0 ? (
            <p class="muted" data-testid="parent-no-invitations">
              {tp('invitations.nonePending')}
            </p>
          ) : (
            <>
              <p class="muted">{parent ? tp('invitations.hasParent') : tp('invitations.acceptMeans')}</p>
              <div class="po-invitations">
                <AdminTable headers={[tp('col.invitedBy'), tp('col.sent'), tp('col.expires'), tp('col.status'), '']}>{pending.map((inv) => row(inv, true))}</AdminTable>
              </div>
            </>
          )}
          {closed.length > 0 && (
            <details class="po-closed po-invitations">
              <summary>
                {tp('invitations.closed')} ({closed.length})
              </summary>
              <AdminTable headers={[tp('col.invitedBy'), tp('col.sent'), tp('col.expires'), tp('col.status')]}>{closed.map((inv) => row(inv, false))}</AdminTable>
            </details>
          )}
        </>
      )}
    </AdminPanel>
  );
}
