// Optional Cloudflare Turnstile (issue 13): with TURNSTILE_SITE_KEY and TURNSTILE_SECRET set, an
// unknown browser's 4th attempt on an (account, address) pair and later ones need a solved
// challenge, verified with siteverify before the password is checked. The siteverify endpoint is a
// double given as the TURNSTILE_VERIFY service binding: it speaks the real protocol (a form POST
// of secret, response, remoteip and idempotency_key; JSON with success and error-codes).
import { beforeAll, describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import app from '../../worker/app';
import { BASE, seedOffice } from './helpers';
import { DEMO_PASSWORD } from '../../worker/seed/demo';
import type { Env } from '../../worker/env';

beforeAll(async () => {
  await seedOffice();
});

const SECRET = '0x4AAAAAAATestSecret';
const SITE_KEY = '0x4AAAAAAATestSiteKey<"&>';
const GOOD = 'solved-token-';
const seen: { secret: string | null; response: string | null; remoteip: string | null; idempotencyKey: string | null }[] = [];

/** The siteverify double: success only for this secret and a token it issued, each token once. */
const used = new Set<string>();
const siteverify = {
  async fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const request = new Request(input, init);
    if (request.method !== 'POST') return new Response('method', { status: 405 });
    const form = new URLSearchParams(await request.text());
    const entry = { secret: form.get('secret'), response: form.get('response'), remoteip: form.get('remoteip'), idempotencyKey: form.get('idempotency_key') };
    seen.push(entry);
    const codes: string[] = [];
    if (entry.secret !== SECRET) codes.push('invalid-input-secret');
    if (!entry.response?.startsWith(GOOD)) codes.push('invalid-input-response');
    else if (used.has(entry.response)) codes.push('timeout-or-duplicate');
    if (codes.length === 0) used.add(entry.response!);
    return Response.json({ success: codes.length === 0, 'error-codes': codes });
  },
};

async function signIn(email: string, password: string, ip: string, cookie?: string, configured = true) {
  const headers: Record<string, string> = { origin: BASE, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json', 'cf-connecting-ip': ip };
  if (cookie) headers.cookie = cookie;
  const turnstile = configured ? { TURNSTILE_SITE_KEY: SITE_KEY, TURNSTILE_SECRET: SECRET, TURNSTILE_VERIFY: siteverify } : {};
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(`${BASE}/api/auth/sign-in`, { method: 'POST', headers, body: JSON.stringify({ email, password }) }), { ...env, ...turnstile } as unknown as Env, ctx);
  await waitOnExecutionContext(ctx);
  return { status: res.status, json: (await res.json()) as any, headers: res.headers };
}

describe('Turnstile after repeated failures', () => {
  it('asks for a challenge from the 4th attempt, checks it with siteverify before the password, and lets a solved one through', async () => {
    const email = 'staff@demo.local';
    const ip = '198.51.100.120';
    for (let i = 0; i < 3; i++) expect((await signIn(email, 'wrong-guess', ip)).status).toBe(401);
    expect(seen).toHaveLength(0);
    // The 4th: the right password, but no challenge solved: refused before the password is checked.
    const asked = await signIn(email, DEMO_PASSWORD, ip);
    expect(asked.status).toBe(401);
    expect(asked.json.error).toMatchObject({ code: 'challenge_required', messageTh: expect.stringContaining('ยืนยัน'), details: { siteKey: SITE_KEY, challengeUrl: '/api/auth/challenge' } });
    expect(seen).toHaveLength(0);
    // Solved (the 5th attempt): the password is checked, and the token cookie is cleared.
    const solved = await signIn(email, DEMO_PASSWORD, ip, `__Secure-ita_turnstile=${GOOD}1`);
    expect(solved.status).toBe(200);
    expect(seen.at(-1)).toMatchObject({ secret: SECRET, response: `${GOOD}1`, remoteip: ip, idempotencyKey: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(solved.headers.get('set-cookie')).toMatch(/__Secure-ita_turnstile=; Max-Age=0; Path=\/api\/auth; Secure/);
    // That counts as the pair's success: the next attempts start from 1 again, with no challenge.
    expect((await signIn(email, 'wrong-again', ip)).json.error.code).toBe('invalid_credentials');
  });

  it('refuses a token siteverify does not vouch for, or one already used; a solved challenge with a wrong password is still a wrong password', async () => {
    const email = 'executive@demo.local';
    const ip = '198.51.100.121';
    for (let i = 0; i < 3; i++) await signIn(email, 'wrong-guess', ip);
    expect((await signIn(email, 'wrong-guess', ip, `__Secure-ita_turnstile=${GOOD}2`)).json.error.code).toBe('invalid_credentials');
    // The same token again (the 5th attempt, the right password): siteverify says it was used.
    const again = await signIn(email, DEMO_PASSWORD, ip, `__Secure-ita_turnstile=${GOOD}2`);
    expect(again.json.error).toMatchObject({ code: 'challenge_failed', messageEn: expect.stringContaining('not a bot') });
    const other = '198.51.100.125';
    for (let i = 0; i < 3; i++) await signIn(email, 'wrong-guess', other);
    const forged = await signIn(email, DEMO_PASSWORD, other, '__Secure-ita_turnstile=made-up');
    expect(forged.json.error.code).toBe('challenge_failed');
    expect(seen.at(-1)).toMatchObject({ secret: SECRET, response: 'made-up', remoteip: other });
    // Counted all the same: the 6th attempt of the first pair waits.
    expect((await signIn(email, DEMO_PASSWORD, ip, `__Secure-ita_turnstile=${GOOD}3`)).json.error.code).toBe('too_many_attempts');
  });

  it('spares a browser that signed in before, and asks nothing when Turnstile is not configured', async () => {
    const email = 'director.admin@demo.local';
    const first = await signIn(email, DEMO_PASSWORD, '198.51.100.122');
    const device = /(__Host-ita_device_[0-9a-f]{16}=[^;]+)/.exec(first.headers.get('set-cookie') ?? '')![1]!;
    for (let i = 0; i < 3; i++) await signIn(email, 'wrong-guess', '198.51.100.123', device);
    expect((await signIn(email, DEMO_PASSWORD, '198.51.100.123', device)).status).toBe(200);
    for (let i = 0; i < 3; i++) await signIn('director.personnel@demo.local', 'wrong-guess', '198.51.100.124', undefined, false);
    expect((await signIn('director.personnel@demo.local', DEMO_PASSWORD, '198.51.100.124', undefined, false)).status).toBe(200);
  });

  it('serves the challenge page with a CSP that adds only Cloudflare’s challenge origin, and 404 when not configured', async () => {
    const get = async (configured: boolean) => {
      const ctx = createExecutionContext();
      const extra = configured ? { TURNSTILE_SITE_KEY: SITE_KEY, TURNSTILE_SECRET: SECRET } : {};
      const res = await app.fetch(new Request(`${BASE}/api/auth/challenge`), { ...env, ...extra } as unknown as Env, ctx);
      await waitOnExecutionContext(ctx);
      return { status: res.status, csp: res.headers.get('content-security-policy') ?? '', text: await res.text(), hsts: res.headers.get('strict-transport-security') };
    };
    const page = await get(true);
    expect(page.status).toBe(200);
    const nonce = /'nonce-([0-9a-f]{32})'/.exec(page.csp)![1];
    expect(page.csp).toBe(
      `default-src 'none'; script-src 'nonce-${nonce}' https://challenges.cloudflare.com; frame-src https://challenges.cloudflare.com; connect-src https://challenges.cloudflare.com; style-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    );
    expect(page.hsts).toBe('max-age=31536000; includeSubDomains');
    expect(page.text).toContain('data-sitekey="0x4AAAAAAATestSiteKey&#60;&#34;&#38;&#62;"');
    expect(page.text).toContain(`<script nonce="${nonce}">`);
    expect((await get(false)).status).toBe(404);
  });
});
