// What each security audit entry means, in Thai and English (Administration → Integrity). An
// action without a label is shown by its code.
import { local } from './i18n';

const LABELS: Record<string, [string, string]> = {
  'sign_in.succeeded': ['เข้าสู่ระบบสำเร็จ', 'Signed in'],
  'sign_in.failed': ['เข้าสู่ระบบไม่สำเร็จ (รหัสผ่านผิด)', 'Sign-in failed (wrong password)'],
  'sign_in.throttled': ['เข้าสู่ระบบถูกพักไว้ (ผิดหลายครั้ง)', 'Sign-in held (too many failures)'],
  'sign_in.refused_disabled': ['เข้าสู่ระบบถูกปฏิเสธ: บัญชีถูกระงับ', 'Sign-in refused: account disabled'],
  'sign_in.refused_temporary_expired': ['เข้าสู่ระบบถูกปฏิเสธ: รหัสผ่านชั่วคราวหมดอายุ', 'Sign-in refused: temporary password expired'],
  'sign_out.everywhere': ['ออกจากระบบทุกอุปกรณ์', 'Signed out everywhere'],
  'session.ended': ['ปิดเซสชันของตนเอง', 'Ended one of their sessions'],
  'password.changed': ['เปลี่ยนรหัสผ่าน', 'Changed their password'],
  'password.change_failed': ['เปลี่ยนรหัสผ่านไม่สำเร็จ (รหัสปัจจุบันผิด)', 'Password change failed (wrong current password)'],
  'user.created': ['เพิ่มผู้ใช้', 'Added a user'],
  'user.role_changed': ['เปลี่ยนบทบาทผู้ใช้', "Changed a user's role"],
  'user.disabled': ['ระงับบัญชีผู้ใช้', 'Disabled an account'],
  'user.enabled': ['เปิดใช้บัญชีผู้ใช้อีกครั้ง', 'Re-enabled an account'],
  'user.removed': ['นำผู้ใช้ออกจากสำนักงาน', 'Removed a member'],
  'user.temporary_password_set': ['ตั้งรหัสผ่านชั่วคราว', 'Set a temporary password'],
  'authorisation.refused': ['ปฏิเสธการเข้าถึง (ไม่มีสิทธิ์)', 'Access refused (not allowed)'],
  'access.token_refused': ['ปฏิเสธโทเคน Cloudflare Access', 'Cloudflare Access token refused'],
  'access.unknown_account': ['Cloudflare Access: ไม่พบบัญชี', 'Cloudflare Access: unknown account'],
};

export function auditLabel(action: string): string {
  const label = LABELS[action];
  return label ? local(label[0], label[1]) : action;
}
