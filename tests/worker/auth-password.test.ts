import { beforeAll, describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { COMMON_PASSWORD_COUNT, passwordProblem } from '../../worker/domain/password-policy';
import { call, cookieFor, seedOffice, type Demo } from './helpers';

let demo: Demo;
beforeAll(async () => {
  demo = await seedOffice();
});

const ctx = { email: 'somchai.k@phichit.go.th', officeNames: ['สำนักงานศึกษาธิการจังหวัดพิจิตร', 'Phichit Provincial Education Office', 'phichit-peo'] };

describe('password policy (ASVS V2.1)', () => {
  it('ships a common-password list of at least 10,000 entries', () => {
    expect(COMMON_PASSWORD_COUNT).toBeGreaterThanOrEqual(10_000);
  });
  it('refuses short, long, common, guessable, email and office-name passwords', () => {
    const cases: [string, string][] = [
      ['aaaaaaaaaa', 'password_too_short'],
      ['1234567890', 'password_too_short'],
      ['a'.repeat(129), 'password_too_long'],
      ['aaaaaaaaaaaaaaaa', 'password_weak'],
      ['123456789012', 'password_common'],
      ['qwertyuiopasdfgh', 'password_weak'],
      ['abcabcabcabcabc', 'password_weak'],
      ['somchai.k@phichit.go.th', 'password_contains_email'],
      ['my-SOMCHAI.K-secret-99', 'password_contains_email'],
      ['รหัสสำนักงานศึกษาธิการจังหวัดพิจิตร', 'password_contains_office'],
    ];
    for (const [pw, code] of cases) expect(passwordProblem(pw, ctx)?.code, pw).toBe(code);
  });
  it('accepts long passphrases of any characters, with no composition rules', () => {
    for (const pw of ['ม้าลายกินหญ้าริมบึงบอระเพ็ด', 'correct horse battery staple', 'เรือใบ 7 ลำ ลอยกลางทะเล', 'a'.repeat(10) + 'ก้าวไกล!ไม่หยุด'.repeat(7).slice(0, 100)]) {
      expect(passwordProblem(pw, ctx), pw).toBeNull();
    }
  });
});

describe('every password set through the API follows the policy', () => {
  it('refuses the weak passwords that were accepted (aaaaaaaaaa, 1234567890, the user’s own email), bilingually, creating nothing', async () => {
    const admin = await cookieFor(demo, 'admin');
    const email = 'weak.password@demo.local';
    for (const [password, code] of [
      ['aaaaaaaaaa', 'password_too_short'],
      ['1234567890', 'password_too_short'],
      ['aaaaaaaaaaaaaaaaaaaa', 'password_weak'],
      [email, 'password_contains_email'],
      ['พิจิตร-สำนักงานศึกษาธิการจังหวัดพิจิตร', 'password_contains_office'],
    ]) {
      const r = await call('POST', '/api/admin/users', { cookie: admin, body: { email, displayName: 'ทดสอบรหัสผ่าน', password, role: 'staff', groupId: null } });
      expect(r.status, password).toBe(422);
      expect(r.json.error.code, password).toBe(code);
      expect(r.json.error.messageTh).toMatch(/รหัสผ่าน/);
      expect(r.json.error.messageEn).toMatch(/password/i);
    }
    const n = await env.DB.prepare('select count(*) n from users where email = ?').bind(email).first<{ n: number }>();
    expect(n!.n).toBe(0);
    const ok = await call('POST', '/api/admin/users', { cookie: admin, body: { email, displayName: 'ทดสอบรหัสผ่าน', password: 'นกกระจิบ-ร้องเพลง-ยามเช้า', role: 'staff', groupId: null } });
    expect(ok.status).toBe(201);
  });
});
