// Cloudflare Access mode: a valid Cf-Access-Jwt-Assertion for a known email acts as that account.
import { beforeAll, describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { sign } from 'hono/jwt';
import { call, seedOffice } from './helpers';

const now = () => Math.floor(Date.now() / 1000);
const token = (claims: Record<string, unknown>, key = JSON.parse(env.TEST_ACCESS_PRIVATE_JWK)) =>
  sign({ aud: env.ACCESS_AUD, iat: now(), exp: now() + 300, ...claims }, key, 'RS256');

beforeAll(async () => {
  await seedOffice();
});

describe('Cloudflare Access mode', () => {
  it('maps a verified token to the account with its email', async () => {
    const r = await call('GET', '/api/me', { headers: { 'cf-access-jwt-assertion': await token({ email: 'Executive@demo.local' }) } });
    expect(r.status).toBe(200);
    expect(r.json.role).toBe('executive');
  });

  it('refuses a token for another audience, an expired one, one signed by another key, and unknown emails', async () => {
    const other = await crypto.subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['sign']);
    const otherJwk = { ...(await crypto.subtle.exportKey('jwk', (other as CryptoKeyPair).privateKey)), kid: 'test-kid', alg: 'RS256' };
    const bad = [
      await token({ email: 'executive@demo.local', aud: 'someone-else' }),
      await token({ email: 'executive@demo.local', exp: now() - 60 }),
      await token({ email: 'executive@demo.local' }, otherJwk),
      await token({ email: 'stranger@example.com' }),
      'not.a.jwt',
    ];
    for (const t of bad) {
      const r = await call('GET', '/api/me', { headers: { 'cf-access-jwt-assertion': t } });
      expect(r.status).toBe(401);
    }
    const refused = await env.DB.prepare("select count(*) n from audit_log where action in ('access.token_refused', 'access.unknown_account')").first<{ n: number }>();
    expect(refused!.n).toBe(5);
  });
});
