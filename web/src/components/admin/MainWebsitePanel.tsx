// The office's main website (a domain): evidence links elsewhere are flagged "not on the main
// website" by the daily link check (worker/domain/link-health.ts). The server checks and reduces
// what is typed to its domain (https://www.office.go.th/ → office.go.th) and answers with it.
import { useEffect, useState } from 'preact/hooks';
import { adminApi } from '../../admin-api';
import type { ApiError } from '../../api';
import { Feedback } from '../Feedback';
import { AdminPanel } from './Panel';
import { useLoad } from './useLoad';
import { tLinks } from '../../messages/links';

export function MainWebsitePanel() {
  const current = useLoad(() => adminApi.mainWebsite());
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [ok, setOk] = useState<string | null>(null);
  useEffect(() => setValue(current.data?.mainWebsite ?? ''), [current.data]);
  async function save(event: Event) {
    event.preventDefault();
    setBusy(true);
    const r = await adminApi.setMainWebsite(value);
    setBusy(false);
    setError(r.ok ? null : r.error);
    if (!r.ok) return setOk(null);
    setOk(r.data.mainWebsite ? tLinks('admin.saved', { domain: r.data.mainWebsite }) : tLinks('admin.cleared'));
    setValue(r.data.mainWebsite ?? '');
  }
  return (
    <AdminPanel name="main-website" title={tLinks('admin.title')}>
      <form onSubmit={(e) => void save(e)} class="main-website-form">
        <label for="main-website">{tLinks('admin.label')}</label>{' '}
        <input id="main-website" type="text" inputMode="url" autoComplete="url" placeholder="office.go.th" value={value} maxLength={300} data-testid="main-website" onInput={(e) => setValue(e.currentTarget.value)} />{' '}
        <button type="submit" class="button" disabled={busy} data-testid="main-website-save">
          {tLinks('admin.save')}
        </button>
      </form>
      <p class="muted">{tLinks('admin.help')}</p>
      <Feedback testId="main-website" error={current.error ?? error} ok={ok} />
    </AdminPanel>
  );
}
