// Administration → LINE (issue 17): connect the office's LINE Official Account (channel secret and
// access token, never shown back), the month's message usage, the LINE groups the bot is in and
// what each receives, one-time link codes, and unlinking.
import { useState } from 'preact/hooks';
import { adminApi, type LineSettingsView } from '../../admin-api';
import type { ApiError } from '../../api';
import { me } from '../../state/session';
import { Feedback } from '../Feedback';
import { AdminPanel, AdminTable } from './Panel';
import { useLoad } from './useLoad';
import { tAdmin } from '../../messages/admin';

type Audience = 'executives' | 'staff' | 'group';
type LineGroup = LineSettingsView['groups'][number];

function receives(g: LineGroup): string {
  if (g.audience === 'executives') return tAdmin('line.aud.executives');
  if (g.audience === 'staff') return tAdmin('line.aud.staff');
  if (g.audience === 'group') return tAdmin('line.aud.group', { group: g.officeGroupNameTh ?? '' });
  return tAdmin('line.notLinked');
}

function Usage({ usage }: { usage: LineSettingsView['usage'] }) {
  if (!usage) return <p>{tAdmin('line.usageUnknown')}</p>;
  const used = String(usage.used);
  return <p data-testid="line-usage">{usage.quota === null ? tAdmin('line.usageUnlimited', { used }) : tAdmin('line.usage', { used, quota: String(usage.quota) })}</p>;
}

export function LinePanel() {
  const settings = useLoad(adminApi.lineSettings);
  const groups = useLoad(adminApi.groups);
  const [secret, setSecret] = useState('');
  const [token, setToken] = useState('');
  const [audience, setAudience] = useState<Audience>('executives');
  const [groupId, setGroupId] = useState('');
  const [code, setCode] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const slug = me.value?.org.slug ?? '';

  async function save(e: Event) {
    e.preventDefault();
    const r = await adminApi.saveLineSettings(secret.trim(), token.trim());
    setError(r.ok ? null : r.error);
    setSaved(r.ok);
    if (r.ok) {
      setSecret('');
      setToken('');
      void settings.reload();
    }
  }
  async function makeCode(e: Event) {
    e.preventDefault();
    const r = await adminApi.lineLinkCode(audience, audience === 'group' ? groupId : undefined);
    setError(r.ok ? null : r.error);
    setCode(r.ok ? r.data.code : null);
  }
  async function unlink(id: string) {
    const r = await adminApi.unlinkLineGroup(id);
    setError(r.ok ? null : r.error);
    void settings.reload();
  }

  const view = settings.data;
  return (
    <AdminPanel name="line" title={tAdmin('line.title')}>
      <Feedback testId="admin" error={settings.error ?? error} ok={saved ? tAdmin('line.saved') : null} />
      {view && <p data-testid="line-status">{view.configured ? tAdmin('line.on') : tAdmin('line.off')}</p>}
      {view?.configured && <Usage usage={view.usage} />}
      {view?.configured && <p data-testid="line-report-cost">{tAdmin('line.reportCost', { cost: String(view.reportCost) })}</p>}
      {view && view.undelivered.length > 0 && (
        <div class="form-error" role="status" data-testid="line-undelivered">
          <p>{tAdmin('line.undelivered')}</p>
          <ul>
            {view.undelivered.map((u) => (
              <li key={u.id}>
                {u.subject} — {u.lastError}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p>{tAdmin('line.arithmetic')}</p>
      <p>{tAdmin('line.webhook', { url: `${location.origin}/api/line/webhook/${slug}` })}</p>
      <form class="admin-form" onSubmit={save}>
        <label>
          {tAdmin('line.secret')}
          <input required autocomplete="off" value={secret} onInput={(e) => setSecret(e.currentTarget.value)} />
        </label>
        <label>
          {tAdmin('line.token')}
          <input required type="password" autocomplete="off" value={token} onInput={(e) => setToken(e.currentTarget.value)} />
        </label>
        <button type="submit" class="button button-primary">
          {tAdmin('line.save')}
        </button>
      </form>
      {view?.configured && (
        <>
          <h3>{tAdmin('line.groups')}</h3>
          {view.groups.length === 0 ? (
            <p>{tAdmin('line.noGroups')}</p>
          ) : (
            <AdminTable headers={[tAdmin('line.group'), tAdmin('line.receives'), tAdmin('line.members'), '']}>
              {view.groups.map((g) => (
                <tr key={g.id} data-testid="line-group">
                  <td>{g.lineGroupId}</td>
                  <td>{receives(g)}</td>
                  <td>{g.memberCount ?? '–'}</td>
                  <td>
                    {g.audience && (
                      <button type="button" class="button button-secondary" onClick={() => void unlink(g.id)}>
                        {tAdmin('line.unlink')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </AdminTable>
          )}
          <form class="admin-form admin-form-inline" onSubmit={makeCode}>
            <label>
              {tAdmin('line.audience')}
              <select value={audience} onChange={(e) => setAudience(e.currentTarget.value as Audience)}>
                <option value="executives">{tAdmin('line.aud.executives')}</option>
                <option value="staff">{tAdmin('line.aud.staff')}</option>
                <option value="group">{tAdmin('line.aud.group', { group: '' })}</option>
              </select>
            </label>
            {audience === 'group' && (
              <label>
                {tAdmin('line.officeGroup')}
                <select required value={groupId} onChange={(e) => setGroupId(e.currentTarget.value)}>
                  <option value="" />
                  {(groups.data?.groups ?? []).map((g) => (
                    <option key={g.id} value={g.id}>
                      {g.nameTh}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <button type="submit" class="button button-primary">
              {tAdmin('line.makeCode')}
            </button>
          </form>
          {code && (
            <p class="line-code" data-testid="line-code">
              {tAdmin('line.code', { code })}
            </p>
          )}
        </>
      )}
    </AdminPanel>
  );
}
