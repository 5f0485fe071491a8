import { useState } from 'preact/hooks';
import { adminApi, type AdminGroup, type AdminUser } from '../../admin-api';
import type { ApiError } from '../../api';
import { local, roleLabel } from '../../i18n';
import type { Role } from '../../../../worker/domain/contracts';
import { Feedback } from '../Feedback';
import { AdminPanel, AdminTable, SaveCell } from './Panel';
import { useLoad } from './useLoad';

const ROLES: Role[] = ['admin', 'executive', 'director', 'staff'];

function GroupSelect({ groups, value, onChange, label }: { groups: AdminGroup[]; value: string | null; onChange: (v: string | null) => void; label: string }) {
  return (
    <select class="select select-small" aria-label={label} value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value || null)}>
      <option value="">{local('— ไม่ระบุกลุ่ม —', '— no group —')}</option>
      {groups.map((g) => (
        <option key={g.id} value={g.id}>
          {local(g.nameTh, g.nameEn || g.nameTh)}
        </option>
      ))}
    </select>
  );
}

function UserRow({ user, groups, onSaved }: { user: AdminUser; groups: AdminGroup[]; onSaved: () => void }) {
  const [role, setRole] = useState<Role>(user.role);
  const [groupId, setGroupId] = useState<string | null>(user.groupId);
  const [error, setError] = useState<ApiError | null>(null);
  const changed = role !== user.role || groupId !== user.groupId;
  async function save() {
    const r = await adminApi.setRole(user.id, role, groupId);
    if (r.ok) {
      setError(null);
      onSaved();
    } else setError(r.error);
  }
  return (
    <tr data-testid="admin-user" data-email={user.email}>
      <td>
        <strong>{user.displayName}</strong>
        <br />
        <small>{user.email}</small>
      </td>
      <td>
        <select class="select select-small" aria-label={local('บทบาท', 'Role')} value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {roleLabel(r)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <GroupSelect groups={groups} value={groupId} onChange={setGroupId} label={local('กลุ่มงาน', 'Group')} />
      </td>
      <SaveCell changed={changed} onSave={save} error={error} />
    </tr>
  );
}

export function UsersPanel() {
  const users = useLoad(adminApi.users);
  const groups = useLoad(adminApi.groups);
  const [form, setForm] = useState({ email: '', displayName: '', password: '', role: 'staff' as Role, groupId: null as string | null });
  const [error, setError] = useState<ApiError | null>(null);
  const [ok, setOk] = useState<string | null>(null);
  const groupList = groups.data?.groups ?? [];
  async function create(e: Event) {
    e.preventDefault();
    const r = await adminApi.createUser(form);
    if (r.ok) {
      setError(null);
      setOk(local(`เพิ่มผู้ใช้ ${form.email} แล้ว`, `Added ${form.email}`));
      setForm({ ...form, email: '', displayName: '', password: '' });
      void users.reload();
    } else {
      setOk(null);
      setError(r.error);
    }
  }
  return (
    <AdminPanel name="users" title={local('ผู้ใช้และบทบาท', 'Users and roles')}>
      <Feedback testId="admin" error={users.error} />
      <AdminTable headers={[local('ผู้ใช้', 'User'), local('บทบาท', 'Role'), local('กลุ่มงาน', 'Group'), '']}>
        {(users.data?.users ?? []).map((u) => (
          <UserRow key={`${u.id}:${u.role}:${u.groupId}`} user={u} groups={groupList} onSaved={() => void users.reload()} />
        ))}
      </AdminTable>
      <form class="admin-form" onSubmit={create} data-testid="admin-new-user">
        <h3>{local('เพิ่มผู้ใช้', 'Add a user')}</h3>
        <label>
          {local('อีเมล', 'Email')}
          <input type="email" required value={form.email} onInput={(e) => setForm({ ...form, email: e.currentTarget.value })} />
        </label>
        <label>
          {local('ชื่อที่แสดง', 'Display name')}
          <input required value={form.displayName} onInput={(e) => setForm({ ...form, displayName: e.currentTarget.value })} />
        </label>
        <label>
          {local('รหัสผ่านเริ่มต้น (อย่างน้อย 10 ตัวอักษร)', 'Initial password (10 characters or more)')}
          <input type="password" required minLength={10} value={form.password} onInput={(e) => setForm({ ...form, password: e.currentTarget.value })} />
        </label>
        <label>
          {local('บทบาท', 'Role')}
          <select class="select" value={form.role} onChange={(e) => setForm({ ...form, role: e.currentTarget.value as Role })}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {local('กลุ่มงาน', 'Group')}
          <GroupSelect groups={groupList} value={form.groupId} onChange={(groupId) => setForm({ ...form, groupId })} label={local('กลุ่มงาน', 'Group')} />
        </label>
        <button type="submit" class="button button-primary">
          {local('เพิ่มผู้ใช้', 'Add user')}
        </button>
        <Feedback testId="admin" error={error} ok={ok} />
      </form>
    </AdminPanel>
  );
}
