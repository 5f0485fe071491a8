// A parent body's invitations: its administrators invite an organisation by its slug (the server
// refuses an unknown slug 404, one already invited 409, one with a parent, a cycle or a tree too
// deep 422: each refusal shown as the server words it) and revoke a pending one; everyone reading
// the parent body sees each invitation's status and expiry (Buddhist Era, Bangkok time).
import { useState } from 'preact/hooks';
import type { ApiError } from '../../api';
import { lang } from '../../state/ui';
import { pickText } from '../../i18n';
import { Feedback } from '../Feedback';
import { ParentTable } from './ParentTable';
import { tParent } from '../../messages/parent';
import { formatMoment } from '../../../../worker/domain/thai-date';
import { parentApi, type ParentInvitation } from './api';

export function Invitations({ invitations, canAdminister, onChanged }: { invitations: readonly ParentInvitation[]; canAdminister: boolean; onChanged: () => Promise<unknown> }) {
  const [slug, setSlug] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | string | null>(null);
  const [ok, setOk] = useState<string | null>(null);
  const say = (r: { error: ApiError | string | null; ok: string | null }) => {
    setError(r.error);
    setOk(r.ok);
  };

  async function invite(event: Event) {
    event.preventDefault();
    if (!slug.trim()) return say({ error: tParent('invite.empty'), ok: null });
    setBusy(true);
    const r = await parentApi.invite(slug.trim());
    setBusy(false);
    if (!r.ok) return say({ error: r.error, ok: null });
    const inv = r.data.invitation;
    setSlug('');
    say({ error: null, ok: tParent('invite.sent', { office: pickText(inv.org.nameTh, inv.org.nameEn), expires: formatMoment(inv.expiresAt, lang.value) }) });
    await onChanged();
  }

  async function revoke(inv: ParentInvitation) {
    // One at a time: a second click would send a second DELETE, whose refusal hid the first's success.
    setBusy(true);
    const r = await parentApi.revoke(inv.id);
    setBusy(false);
    if (!r.ok) return say({ error: r.error, ok: null });
    say({ error: null, ok: tParent('invite.revoked', { office: pickText(inv.org.nameTh, inv.org.nameEn) }) });
    await onChanged();
  }

  return (
    <section aria-labelledby="parent-invitations" data-testid="parent-invitations">
      <h2 id="parent-invitations">{tParent('invite.title')}</h2>
      {canAdminister && (
        <form class="parent-form" onSubmit={(e) => void invite(e)} data-testid="invite-form">
          <label for="invite-slug">{tParent('invite.label')}</label>
          <div class="parent-actions">
            <input id="invite-slug" type="text" value={slug} maxLength={100} autoComplete="off" spellcheck={false} placeholder={tParent('invite.placeholder')} data-testid="invite-slug" onInput={(e) => setSlug(e.currentTarget.value)} />
            <button type="submit" class="button" disabled={busy} data-testid="invite-send">
              {tParent('invite.send')}
            </button>
          </div>
          <p class="muted">{tParent('invite.help')}</p>
        </form>
      )}
      <Feedback testId="invite" error={error} ok={ok} />
      {invitations.length === 0 ? (
        <p class="muted">{tParent('invite.none')}</p>
      ) : (
        <ParentTable headers={[tParent('invite.office'), tParent('invite.sentAt'), tParent('invite.expires'), tParent('invite.status'), ...(canAdminister ? [null] : [])]}>
          {invitations.map((inv) => {
            const office = pickText(inv.org.nameTh, inv.org.nameEn);
            return (
              <tr key={inv.id} data-testid="invitation-row">
                <th scope="row">
                  {office} <span class="muted">({inv.org.slug})</span>
                </th>
                <td data-label={tParent('invite.sentAt')}>{formatMoment(inv.createdAt, lang.value)}</td>
                <td data-label={tParent('invite.expires')}>{formatMoment(inv.expiresAt, lang.value)}</td>
                <td class={`status-${inv.status}`} data-label={tParent('invite.status')} data-testid="invitation-status">
                  {tParent(`status.${inv.status}`)}
                </td>
                {canAdminister && (
                  <td>
                    {inv.status === 'pending' && (
                      <button type="button" class="button button-secondary" aria-label={tParent('invite.revokeLabel', { office })} disabled={busy} onClick={() => void revoke(inv)} data-testid="invitation-revoke">
                        {tParent('invite.revoke')}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </ParentTable>
      )}
    </section>
  );
}
