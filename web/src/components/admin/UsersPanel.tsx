import { useState } from 'preact/hooks';
import { adminApi, type AdminGroup, type AdminUser } from '../../admin-api';
import { accountsApi, type Member } from '../../accounts-api';
import { me } from '../../state/session';
import { lang } from '../../state/ui';
import { PasswordField } from '../PasswordField';
import '../../styles/account.css';
import type { ApiError } from '../../api';
import { local, roleLabel } from '../../i18n';
import type { Role } from '../../../../worker/domain/contracts';
import { Feedback } from '../Feedback';
import { AdminPanel, AdminTable, SaveCell } from './Panel';
import { useLoad } from './useLoad';
import { formatMoment } from '../../../../worker/domain/thai-date';

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

/** Buddhist Era and Bangkok time in English too (components/dates/be-date.ts). */
function untilText(ms: number): string {
  return formatMoment(ms, lang.value);
}

const STATE_LABEL = {
  active: ['ใช้งานอยู่', 'Active'],
  disabled: ['ถูกระงับ', 'Disabled'],
  removed: ['นำออกแล้ว', 'Removed'],
} as const;

/** Disable, re-enable, remove, set a temporary password: the account life cycle of one member. */
function MemberActions({ member, onChanged }: { member: Member; onChanged: () => void }) {
  const [error, setError] = useState<ApiError | null>(null);
  const [ok, setOk] = useState<string | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [tempOpen, setTempOpen] = useState(false);
  const [temp, setTemp] = useState('');
  const self = me.value?.user.id === member.id;
  if (self || member.state === 'removed') return null;
  async function act(call: () => ReturnType<typeof accountsApi.disable>, done: string) {
    const r = await call();
    if (r.ok) {
      setError(null);
      setOk(done);
      setConfirmRemove(false);
      onChanged();
    } else {
      setOk(null);
      setError(r.error);
    }
  }
  async function setTemporary(e: Event) {
    e.preventDefault();
    const r = await accountsApi.temporaryPassword(member.id, temp);
    if (r.ok) {
      setError(null);
      setTemp('');
      setTempOpen(false);
      setOk(
        local(
          `ตั้งรหัสผ่านชั่วคราวแล้ว ใช้ได้ถึง ${untilText(r.data.expiresAt)} ส่งให้เจ้าของบัญชีโดยตรง ระบบจะให้เปลี่ยนเมื่อเข้าสู่ระบบครั้งแรก`,
          `Temporary password set, valid until ${untilText(r.data.expiresAt)}. Hand it to the person yourself; they must change it at their first sign-in`,
        ),
      );
      onChanged();
    } else {
      setOk(null);
      setError(r.error);
    }
  }
  const name = member.displayName;
  return (
    <div class="member-actions">
      {member.state === 'active' ? (
        <button type="button" class="button button-secondary" data-testid="member-disable" aria-label={local(`ระงับ ${name}`, `Disable ${name}`)} onClick={() => void act(() => accountsApi.disable(member.id), local('ระงับบัญชีแล้ว', 'Account disabled'))}>
          {local('ระงับ', 'Disable')}
        </button>
      ) : (
        <button type="button" class="button button-secondary" data-testid="member-enable" aria-label={local(`เปิดใช้ ${name}`, `Re-enable ${name}`)} onClick={() => void act(() => accountsApi.enable(member.id), local('เปิดใช้บัญชีแล้ว', 'Account re-enabled'))}>
          {local('เปิดใช้', 'Re-enable')}
        </button>
      )}
      {member.otherOffices === 0 && (
        <button type="button" class="button button-secondary" data-testid="member-temp-open" aria-label={local(`ตั้งรหัสผ่านชั่วคราว ${name}`, `Temporary password ${name}`)} aria-expanded={tempOpen} onClick={() => setTempOpen(!tempOpen)}>
          {local('ตั้งรหัสผ่านชั่วคราว', 'Temporary password')}
        </button>
      )}
      {confirmRemove ? (
        <button type="button" class="button button-secondary" data-testid="member-remove-confirm" onClick={() => void act(() => accountsApi.remove(member.id), local('นำออกจากสำนักงานแล้ว', 'Removed from the office'))}>
          {local(`ยืนยันนำ ${name} ออก`, `Confirm: remove ${name}`)}
        </button>
      ) : (
        <button type="button" class="button button-link" data-testid="member-remove" aria-label={local(`นำออกจากสำนักงาน ${name}`, `Remove ${name}`)} onClick={() => setConfirmRemove(true)}>
          {local('นำออกจากสำนักงาน', 'Remove')}
        </button>
      )}
      {tempOpen && (
        <form class="member-temp-form" onSubmit={setTemporary} data-testid="member-temp-form" noValidate>
          <PasswordField
            id={`temp-${member.id}`}
            label={local('รหัสผ่านชั่วคราว (ใช้ได้ 72 ชั่วโมง)', 'Temporary password (valid 72 hours)')}
            value={temp}
            onInput={setTemp}
            userInputs={[member.email]}
            testId="member-temp-password"
          />
          <button type="submit" class="button button-primary" data-testid="member-temp-submit">
            {local('ตั้งรหัสผ่านชั่วคราว', 'Set temporary password')}
          </button>
        </form>
      )}
      <Feedback testId="member" error={error} ok={ok} />
    </div>
  );
}

function UserRow({ user, member, groups, onSaved }: { user: AdminUser; member: Member | undefined; groups: AdminGroup[]; onSaved: () => void }) {
  const [role, setRole] = useState<Role>(user.role);
  const [groupId, setGroupId] = useState<string | null>(user.groupId);
  const [error, setError] = useState<ApiError | null>(null);
  const changed = role !== user.role || groupId !== user.groupId;
  const group = groups.find((g) => g.id === user.groupId);
  async function save() {
    const r = await adminApi.setRole(user.id, role, groupId);
    if (r.ok) {
      setError(null);
      onSaved();
    } else setError(r.error);
  }
  return (
    <tr data-testid="admin-user" data-email={user.email} data-state={member?.state}>
      <td>
        <strong>{user.displayName}</strong>
        <br />
        <small>{user.email}</small>
        {member && (
          <>
            <br />
            <span class={`member-state member-state-${member.state}`} data-testid="member-state">
              {local(STATE_LABEL[member.state][0], STATE_LABEL[member.state][1])}
            </span>
            {member.temporaryPasswordUntil !== null && member.state !== 'removed' && (
              <small>
                {' '}
                · {local(`รหัสผ่านชั่วคราวถึง ${untilText(member.temporaryPasswordUntil)}`, `temporary password until ${untilText(member.temporaryPasswordUntil)}`)}
              </small>
            )}
          </>
        )}
      </td>
      {member?.state === 'removed' ? (
        // A removed member keeps their row (their name is on the history) but has no role to change.
        <>
          <td>{roleLabel(user.role)}</td>
          <td>{group ? local(group.nameTh, group.nameEn || group.nameTh) : '—'}</td>
          <td />
        </>
      ) : (
        <>
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
        </>
      )}
      <td>{member && <MemberActions member={member} onChanged={onSaved} />}</td>
    </tr>
  );
}

export function UsersPanel() {
  const users = useLoad(adminApi.users);
  // One call: the users list carries each member's account state.
  const reloadAll = () => void users.reload();
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
      reloadAll();
    } else {
      setOk(null);
      setError(r.error);
    }
  }
  return (
    <AdminPanel name="users" title={local('ผู้ใช้และบทบาท', 'Users and roles')}>
      <Feedback testId="admin" error={users.error} />
      <AdminTable headers={[local('ผู้ใช้', 'User'), local('บทบาท', 'Role'), local('กลุ่มงาน', 'Group'), '', local('บัญชี', 'Account')]}>
        {(users.data?.users ?? []).map((u) => (
          <UserRow key={`${u.id}:${u.role}:${u.groupId}`} user={u} member={u} groups={groupList} onSaved={reloadAll} />
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
        <PasswordField
          id="new-user-password"
          label={local('รหัสผ่านเริ่มต้น', 'Initial password')}
          value={form.password}
          onInput={(password) => setForm({ ...form, password })}
          userInputs={[form.email]}
        />
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
