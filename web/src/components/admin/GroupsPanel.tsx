import { useState } from 'preact/hooks';
import { adminApi, type AdminGroup } from '../../admin-api';
import type { ApiError } from '../../api';
import { Feedback } from '../Feedback';
import { AdminPanel, AdminTable, SaveCell } from './Panel';
import { useLoad } from './useLoad';
import { tAdmin } from '../../messages/admin';

function GroupRow({ group, onSaved }: { group: AdminGroup; onSaved: () => void }) {
  const [nameTh, setTh] = useState(group.nameTh);
  const [nameEn, setEn] = useState(group.nameEn);
  const [error, setError] = useState<ApiError | null>(null);
  const changed = nameTh !== group.nameTh || nameEn !== group.nameEn;
  async function save() {
    const r = await adminApi.renameGroup(group.id, nameTh, nameEn);
    if (r.ok) onSaved();
    setError(r.ok ? null : r.error);
  }
  return (
    <tr data-testid="admin-group">
      <td>
        <input aria-label={tAdmin('groups.thaiName')} value={nameTh} onInput={(e) => setTh(e.currentTarget.value)} />
      </td>
      <td>
        <input aria-label={tAdmin('groups.englishName')} value={nameEn} onInput={(e) => setEn(e.currentTarget.value)} />
      </td>
      <SaveCell changed={changed} onSave={save} error={error} />
    </tr>
  );
}

export function GroupsPanel() {
  const groups = useLoad(adminApi.groups);
  const [nameTh, setTh] = useState('');
  const [nameEn, setEn] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  async function add(e: Event) {
    e.preventDefault();
    const r = await adminApi.createGroup(nameTh, nameEn);
    setError(r.ok ? null : r.error);
    if (r.ok) {
      setTh('');
      setEn('');
      void groups.reload();
    }
  }
  return (
    <AdminPanel name="groups" title={tAdmin('groups.groups')}>
      <Feedback testId="admin" error={groups.error} />
      <AdminTable headers={[tAdmin('groups.thaiName'), tAdmin('groups.englishName'), '']}>
        {(groups.data?.groups ?? []).map((g) => (
          <GroupRow key={`${g.id}:${g.nameTh}:${g.nameEn}`} group={g} onSaved={() => void groups.reload()} />
        ))}
      </AdminTable>
      <form class="admin-form admin-form-inline" onSubmit={add}>
        <label>
          {tAdmin('groups.newGroupThai')}
          <input required value={nameTh} onInput={(e) => setTh(e.currentTarget.value)} />
        </label>
        <label>
          {tAdmin('groups.englishName')}
          <input value={nameEn} onInput={(e) => setEn(e.currentTarget.value)} />
        </label>
        <button type="submit" class="button button-primary">
          {tAdmin('groups.addGroup')}
        </button>
        <Feedback testId="admin" error={error} />
      </form>
    </AdminPanel>
  );
}
