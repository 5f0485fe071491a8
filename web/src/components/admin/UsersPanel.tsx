import { useState } from 'preact/hooks';
import { adminApi, type AdminGroup, type AdminUser } from '../../admin-api';
import { accountsApi, type Member } from '../../accounts-api';
import { me } from '../../state/session';
import { lang } from '../../state/ui';
import { PasswordField } from '../PasswordField';
import '../../styles/account.css';
import type { ApiError } from '../../api';
import { pickText, roleLabel } from '../../i18n';
import { ROLES, type Role } from '../../../../worker/domain/contracts';
import { roleFitsOrg } from '../../../../worker/domain/policy';
import { Feedback } from '../Feedback';
import { AdminPanel, AdminTable, SaveCell } from './Panel';
import { useLoad } from './useLoad';
import { formatMoment } from '../../../../worker/domain/thai-date';
import { tAdmin } from '../../messages/admin';

/** The roles an organisation of this kind has (an office: no oversight users; a parent body: administrators and oversight users). */
const rolesHere = (): Role[] => ROLES.filter((r) => roleFitsOrg(r, me.value?.org.kind ?? 'office'));
/** A parent body has no groups: no group column or choice. */
const hasGroups = () => me.value?.org.kind !== 'parent';

function GroupSelect({ groups, value, onChange, label }: { groups: AdminGroup[]; value: string | null; onChange: (v: string | null) => void; label: string }) {
  return (
    <select class="select select-small" aria-label={label} value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value || null)}>
      <option value="">{tAdmin('users.noGroup')}</option>
      {groups.map((g) => (
        <option key={g.id} value={g.id}>
          {pickText(g.nameTh, g.nameEn || g.nameTh)}
        </option>
      ))}
    </select>
  );
}

/** Buddhist Era and Bangkok time in English too (components/dates/be-date.ts). */
function untilText(ms: number): string {
  return formatMoment(ms, lang.value);
}


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
        tAdmin('users.temporaryPasswordSetValid', { untilText: untilText(r.data.expiresAt) }),
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
        <button type="button" class="button button-secondary" data-testid="member-disable" aria-label={tAdmin('users.disableName', { name })} onClick={() => void act(() => accountsApi.disable(member.id), tAdmin('users.accountDisabled'))}>
          {tAdmin('users.disable')}
        </button>
      ) : (
        <button type="button" class="button button-secondary" data-testid="member-enable" aria-label={tAdmin('users.reEnableName', { name })} onClick={() => void act(() => accountsApi.enable(member.id), tAdmin('users.accountReEnabled'))}>
          {tAdmin('users.reEnable')}
        </button>
      )}
      {member.otherOffices === 0 && (
        <button type="button" class="button button-secondary" data-testid="member-temp-open" aria-label={tAdmin('users.temporaryPasswordName', { name })} aria-expanded={tempOpen} onClick={() => setTempOpen(!tempOpen)}>
          {tAdmin('users.temporaryPassword')}
        </button>
      )}
      {confirmRemove ? (
        <button type="button" class="button button-secondary" data-testid="member-remove-confirm" onClick={() => void act(() => accountsApi.remove(member.id), tAdmin('users.removedFromTheOffice'))}>
          {tAdmin('users.confirmRemoveName', { name })}
        </button>
      ) : (
        <button type="button" class="button button-link" data-testid="member-remove" aria-label={tAdmin('users.removeName', { name })} onClick={() => setConfirmRemove(true)}>
          {tAdmin('users.remove')}
        </button>
      )}
      {tempOpen && (
        <form class="member-temp-form" onSubmit={setTemporary} data-testid="member-temp-form" noValidate>
          <PasswordField
            id={`temp-${member.id}`}
            label={tAdmin('users.temporaryPasswordValid72')}
            value={temp}
            onInput={setTemp}
            userInputs={[member.email]}
            testId="member-temp-password"
          />
          <button type="submit" class="button button-primary" data-testid="member-temp-submit">
            {tAdmin('users.setTemporaryPassword')}
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
              {tAdmin(`users.state.${member.state}`)}
            </span>
            {member.temporaryPasswordUntil !== null && member.state !== 'removed' && (
              <small>
                {' '}
                · {tAdmin('users.temporaryPasswordUntilUntiltext', { untilText: untilText(member.temporaryPasswordUntil) })}
              </small>
            )}
          </>
        )}
      </td>
      {member?.state === 'removed' ? (
        // A removed member keeps their row (their name is on the history) but has no role to change.
        <>
          <td>{roleLabel(user.role)}</td>
          {hasGroups() && <td>{group ? pickText(group.nameTh, group.nameEn || group.nameTh) : '—'}</td>}
          <td />
        </>
      ) : (
        <>
          <td>
            <select class="select select-small" aria-label={tAdmin('users.role')} value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
              {rolesHere().map((r) => (
                <option key={r} value={r}>
                  {roleLabel(r)}
                </option>
              ))}
            </select>
          </td>
          {hasGroups() && (
            <td>
              <GroupSelect groups={groups} value={groupId} onChange={setGroupId} label={tAdmin('users.group')} />
            </td>
          )}
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
  const [form, setForm] = useState({ email: '', displayName: '', password: '', role: (me.value?.org.kind === 'parent' ? 'oversight' : 'staff') as Role, groupId: null as string | null });
  const [error, setError] = useState<ApiError | null>(null);
  const [ok, setOk] = useState<string | null>(null);
  const groupList = groups.data?.groups ?? [];
  async function create(e: Event) {
    e.preventDefault();
    const r = await adminApi.createUser(form);
    if (r.ok) {
      setError(null);
      setOk(tAdmin('users.addedEmail', { email: form.email }));
      setForm({ ...form, email: '', displayName: '', password: '' });
      reloadAll();
    } else {
      setOk(null);
      setError(r.error);
    }
  }
  return (
    <AdminPanel name="users" title={tAdmin('users.usersAndRoles')}>
      <Feedback testId="admin" error={users.error} />
      <AdminTable headers={[tAdmin('users.user'), tAdmin('users.role'), ...(hasGroups() ? [tAdmin('users.group')] : []), '', tAdmin('users.account')]}>
        {(users.data?.users ?? []).map((u) => (
          <UserRow key={`${u.id}:${u.role}:${u.groupId}`} user={u} member={u} groups={groupList} onSaved={reloadAll} />
        ))}
      </AdminTable>
      <form class="admin-form" onSubmit={create} data-testid="admin-new-user">
        <h3>{tAdmin('users.addAUser')}</h3>
        <label>
          {tAdmin('users.email')}
          <input type="email" required value={form.email} onInput={(e) => setForm({ ...form, email: e.currentTarget.value })} />
        </label>
        <label>
          {tAdmin('users.displayName')}
          <input required value={form.displayName} onInput={(e) => setForm({ ...form, displayName: e.currentTarget.value })} />
        </label>
        <PasswordField
          id="new-user-password"
          label={tAdmin('users.initialPassword')}
          value={form.password}
          onInput={(password) => setForm({ ...form, password })}
          userInputs={[form.email]}
        />
        <label>
          {tAdmin('users.role')}
          <select class="select" value={form.role} onChange={(e) => setForm({ ...form, role: e.currentTarget.value as Role })}>
            {rolesHere().map((r) => (
              <option key={r} value={r}>
                {roleLabel(r)}
              </option>
            ))}
          </select>
        </label>
        {hasGroups() && (
          <label>
            {tAdmin('users.group')}
            <GroupSelect groups={groupList} value={form.groupId} onChange={(groupId) => setForm({ ...form, groupId })} label={tAdmin('users.group')} />
          </label>
        )}
        <button type="submit" class="button button-primary">
          {tAdmin('users.addUser')}
        </button>
        <Feedback testId="admin" error={error} ok={ok} />
      </form>
    </AdminPanel>
  );
}
