// What each security audit entry means, in Thai and English (Administration → Integrity). An
// action without a label is shown by its code.
import { tAdmin, type AdminLabel } from './messages/admin';

const LABELS: Record<string, AdminLabel> = {
  'sign_in.succeeded': 'audit.sign_in.succeeded',
  'sign_in.failed': 'audit.sign_in.failed',
  'sign_in.throttled': 'audit.sign_in.throttled',
  'sign_in.refused_disabled': 'audit.sign_in.refused_disabled',
  'sign_in.refused_temporary_expired': 'audit.sign_in.refused_temporary_expired',
  'sign_out.everywhere': 'audit.sign_out.everywhere',
  'session.ended': 'audit.session.ended',
  'password.changed': 'audit.password.changed',
  'password.change_failed': 'audit.password.change_failed',
  'user.created': 'audit.user.created',
  'user.role_changed': 'audit.user.role_changed',
  'user.disabled': 'audit.user.disabled',
  'user.enabled': 'audit.user.enabled',
  'user.removed': 'audit.user.removed',
  'user.temporary_password_set': 'audit.user.temporary_password_set',
  'authorisation.refused': 'audit.authorisation.refused',
  'access.token_refused': 'audit.access.token_refused',
  'access.unknown_account': 'audit.access.unknown_account',
};

export function auditLabel(action: string): string {
  const label = LABELS[action];
  return label ? tAdmin(label) : action;
}
