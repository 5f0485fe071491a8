// The office's official-memo settings through the real API: every member reads them, only an
// administrator changes them (audited), the emblem must really be a small PNG or JPEG, and the
// other settings of the office are untouched.
import { beforeAll, describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { call, cookieFor, seedOffice, type Demo, type Who } from './helpers';

let demo: Demo;
const cookie: Partial<Record<Who, string>> = {};

// A 1×1 PNG and the same bytes labelled as JPEG.
const PNG_B64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const memo = {
  department: 'สำนักงานศึกษาธิการจังหวัดพิจิตร กลุ่มอำนวยการ โทร. ๐ ๕๖๖๑ ๒๓๔๕',
  docPrefix: 'ศธ ๐๒๖๒.๑๑/',
  addressee: 'ศึกษาธิการจังหวัดพิจิตร',
  signerName: 'นางสาวสมใจ ใจดี',
  signerPosition: 'ผู้อำนวยการกลุ่มอำนวยการ',
  thaiDigits: true,
};

beforeAll(async () => {
  demo = await seedOffice('memo-home');
  for (const who of ['admin', 'executive', 'directorAdmin', 'staff'] as const) cookie[who] = await cookieFor(demo, who);
  await env.DB.prepare(`update organisations set settings = json_set(settings, '$.reportKinds', json('{"staff":false}')) where id = ?`).bind(demo.orgId).run();
});

describe('memo settings', () => {
  it('start from the office name, and an administrator sets them with an emblem', async () => {
    const first = await call('GET', '/api/memo', { cookie: cookie.staff });
    expect(first.status, first.text).toBe(200);
    expect(first.json.memo).toMatchObject({ department: 'สำนักงานศึกษาธิการจังหวัดพิจิตร', docPrefix: '', emblem: null, thaiDigits: false });
    const put = await call('PUT', '/api/memo', { cookie: cookie.admin, body: { ...memo, emblem: `data:image/png;base64,${PNG_B64}` } });
    expect(put.status, put.text).toBe(200);
    expect(put.json.memo).toEqual({ ...memo, emblem: `data:image/png;base64,${PNG_B64}` });
    // Everyone reads them; the emblem is kept when a change leaves it out.
    await call('PUT', '/api/memo', { cookie: cookie.admin, body: { ...memo, signerName: 'นายสมชาย ใจงาม' } });
    const read = await call('GET', '/api/memo', { cookie: cookie.executive });
    expect(read.json.memo).toMatchObject({ signerName: 'นายสมชาย ใจงาม', emblem: `data:image/png;base64,${PNG_B64}` });
    const row = (await env.DB.prepare('select settings from organisations where id = ?').bind(demo.orgId).first()) as { settings: string };
    expect(JSON.parse(row.settings)).toMatchObject({ reportKinds: { staff: false }, thaiDigits: true });
    expect(JSON.parse(row.settings).memo).not.toHaveProperty('emblem');
    const audited = await env.DB.prepare(`select count(*) n from audit_log where org_id = ? and action = 'settings.changed'`).bind(demo.orgId).first<{ n: number }>();
    expect(audited!.n).toBeGreaterThanOrEqual(2);
  });

  it('refuses changes from everyone but administrators, and bad emblems with a clear error, changing nothing', async () => {
    const before = (await call('GET', '/api/memo', { cookie: cookie.admin })).json.memo;
    for (const who of ['executive', 'directorAdmin', 'staff'] as const) {
      expect((await call('PUT', '/api/memo', { cookie: cookie[who], body: memo })).status).toBe(403);
    }
    expect((await call('PUT', '/api/memo', { body: memo })).status).toBe(401);
    const bad: [string, string][] = [
      ['data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=', 'invalid_emblem'],
      [`data:image/jpeg;base64,${PNG_B64}`, 'invalid_emblem'],
      ['data:image/png;base64,PHNjcmlwdD4=', 'invalid_emblem'],
      ['javascript:alert(1)', 'invalid_emblem'],
      [`data:image/png;base64,${'A'.repeat(60_000)}`, 'invalid_input'],
    ];
    for (const [emblem, code] of bad) {
      const r = await call('PUT', '/api/memo', { cookie: cookie.admin, body: { ...memo, emblem } });
      expect(r.json.error?.code, emblem.slice(0, 30)).toBe(code);
      expect(r.json.error.messageTh).toBeTruthy();
      expect(r.json.error.messageEn).toBeTruthy();
    }
    for (const body of [{ ...memo, extra: 1 }, { ...memo, thaiDigits: 'yes' }, { ...memo, department: 'ก'.repeat(301) }, {}]) {
      expect((await call('PUT', '/api/memo', { cookie: cookie.admin, body })).status).toBe(400);
    }
    expect((await call('GET', '/api/memo', { cookie: cookie.admin })).json.memo).toEqual(before);
  });
});
