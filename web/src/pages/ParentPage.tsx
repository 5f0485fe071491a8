// A parent body's page (/parent, issue 19): its descendant offices (each opened read-only, its
// attributes set by the administrators), its invitations, the log of offices joining and leaving,
// and its templates of measures. Administrators change; oversight users read it all.
import { useState } from 'preact/hooks';
import { pickText } from '../i18n';
import { lang } from '../state/ui';
import { Feedback } from '../components/Feedback';
import { useLoad } from '../components/admin/useLoad';
import { AttributesForm } from '../components/parent/AttributesForm';
import { Invitations } from '../components/parent/Invitations';
import { Templates } from '../components/parent/Templates';
import { parentApi, type ParentOffice, type ParentOverview } from '../components/parent/api';
import { openOffice } from '../components/parent/open';
import { ParentTable } from '../components/parent/ParentTable';
import { tParent } from '../messages/parent';
import { formatMoment } from '../../../worker/domain/thai-date';
import type { ApiError } from '../api';
import '../components/parent/parent.css';

function Offices({ view, onChanged }: { view: ParentOverview; onChanged: () => Promise<unknown> }) {
  const [editing, setEditing] = useState<string | null>(null);
  const [ok, setOk] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const names = new Map(view.offices.map((o) => [o.id, pickText(o.nameTh, o.nameEn)]));
  // Opening switches the session and reloads the page: one office at a time.
  const [opening, setOpening] = useState(false);
  const open = async (o: ParentOffice) => {
    setOpening(true);
    const refused = await openOffice(o.id);
    setError(refused);
    if (refused) setOpening(false);
  };
  return (
    <section aria-labelledby="parent-offices" data-testid="parent-offices">
      <h2 id="parent-offices">{tParent('offices.title', { n: view.offices.length })}</h2>
      <Feedback testId="offices" error={error} ok={ok} />
      {view.offices.length === 0 ? (
        <p class="muted">{tParent('offices.none')}</p>
      ) : (
        <ParentTable headers={[tParent('offices.name'), tParent('offices.attributes'), null]}>
          {view.offices.map((o) => {
            const name = pickText(o.nameTh, o.nameEn);
            const attrs = Object.entries(o.attributes);
            return (
              <tr key={o.id} data-testid="office-row">
                <th scope="row">
                  {name}
                  <div class="muted">
                    {o.slug}
                    {o.depth > 1 && ` · ${tParent('offices.under', { name: (o.parentId && names.get(o.parentId)) || '' })}`}
                  </div>
                </th>
                <td>
                  {editing === o.id ? (
                    <AttributesForm
                      officeId={o.id}
                      office={name}
                      initial={o.attributes}
                      onCancel={() => setEditing(null)}
                      onSaved={async (message) => {
                        setEditing(null);
                        setOk(message);
                        await onChanged();
                      }}
                    />
                  ) : attrs.length === 0 ? (
                    <span class="muted">{tParent('offices.noAttributes')}</span>
                  ) : (
                    <ul class="parent-attrs" data-testid="office-attributes">
                      {attrs.map(([k, v]) => (
                        <li key={k}>
                          {k}: {v}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  <div class="parent-actions">
                    {o.kind === 'office' && (
                      <button type="button" class="button button-secondary" aria-label={tParent('offices.openLabel', { office: name })} disabled={opening} onClick={() => void open(o)} data-testid="office-open">
                        {tParent('offices.open')}
                      </button>
                    )}
                    {view.canAdminister && editing !== o.id && o.parentId === view.org.id && (
                      <button
                        type="button"
                        class="button button-link"
                        aria-label={tParent('offices.editLabel', { office: name })}
                        data-testid="office-edit"
                        onClick={() => {
                          setOk(null);
                          setEditing(o.id);
                        }}
                      >
                        {tParent('offices.edit')}
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
        </ParentTable>
      )}
    </section>
  );
}

const LOG_KEYS = {
  'org.joined': 'log.joined',
  'org.left': 'log.left',
  'org.invited': 'log.invited',
  'org.invitation_revoked': 'log.revoked',
  'org.invitation_declined': 'log.declined',
} as const;

function MembershipLog({ view }: { view: ParentOverview }) {
  // The office an entry names: by its id, or through the invitation it names.
  const names = new Map<string, string>();
  for (const inv of view.invitations) names.set(inv.org.id, pickText(inv.org.nameTh, inv.org.nameEn));
  for (const o of view.offices) names.set(o.id, pickText(o.nameTh, o.nameEn));
  const byInvitation = new Map(view.invitations.map((inv) => [inv.id, inv.org.id]));
  const officeOf = (detail: Record<string, unknown>) => {
    const id = typeof detail.officeOrgId === 'string' ? detail.officeOrgId : byInvitation.get(String(detail.invitationId));
    return (id && names.get(id)) || tParent('log.unknownOffice');
  };
  return (
    <section aria-labelledby="parent-log" data-testid="parent-log">
      <h2 id="parent-log">{tParent('log.title')}</h2>
      {view.log.length === 0 ? (
        <p class="muted">{tParent('log.none')}</p>
      ) : (
        <ol class="parent-log">
          {view.log.map((entry, i) => {
            const key = LOG_KEYS[entry.action as keyof typeof LOG_KEYS];
            return (
              <li key={i} data-testid="log-entry">
                <time dateTime={new Date(entry.at).toISOString()}>{formatMoment(entry.at, lang.value)}</time> ·{' '}
                {key ? tParent(key, { office: officeOf(entry.detail) }) : tParent('log.other', { action: entry.action })}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

export function ParentPage() {
  const overview = useLoad(() => parentApi.overview());
  const view = overview.data;
  return (
    <div class="page-column parent-page" data-testid="parent-page">
      <h1 class="dash-title">
        {tParent('page.title')}
        {view && <span class="muted"> · {pickText(view.org.nameTh, view.org.nameEn)}</span>}
      </h1>
      {overview.error && (
        <div class="board-problem" role="alert">
          <p>{pickText(overview.error.messageTh, overview.error.messageEn)}</p>
          <button type="button" class="button button-secondary" onClick={() => void overview.reload()}>
            {tParent('page.tryAgain')}
          </button>
        </div>
      )}
      {!view && !overview.error && (
        <p class="board-message" aria-busy="true">
          {tParent('page.loading')}
        </p>
      )}
      {view && (
        <>
          {!view.canAdminister && <p class="muted" data-testid="parent-read-only">{tParent('page.readOnly')}</p>}
          <Offices view={view} onChanged={overview.reload} />
          <Invitations invitations={view.invitations} canAdminister={view.canAdminister} onChanged={overview.reload} />
          <MembershipLog view={view} />
          <Templates canAdminister={view.canAdminister} />
        </>
      )}
    </div>
  );
}
