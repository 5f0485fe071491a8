// Optional Cloudflare Access mode, for offices that already put their apps behind Access: when
// ACCESS_JWKS (the team's key set, JSON) and ACCESS_AUD (the application's audience tag) are
// configured, a request without a session but with a valid `Cf-Access-Jwt-Assertion` acts as the
// account with the token's email. The key set is configured rather than fetched, so verification
// never depends on a network call at request time (rotate it with `wrangler secret put`).
import { createMiddleware } from 'hono/factory';
import { verifyWithJwks } from 'hono/jwt';
import type { HonoJsonWebKey } from 'hono/utils/jwt/jws';
import { audit, loadByEmail } from '../db/auth';
import { clientIp } from './session';
import type { AppEnv } from '../env';

export const withAccess = createMiddleware<AppEnv>(async (c, next) => {
  const token = c.req.header('cf-access-jwt-assertion');
  const { ACCESS_JWKS, ACCESS_AUD } = c.env;
  if (token && !c.get('actor') && ACCESS_JWKS && ACCESS_AUD) {
    const db = c.get('db');
    let email: string | null = null;
    try {
      const keys = (JSON.parse(ACCESS_JWKS) as { keys: HonoJsonWebKey[] }).keys;
      const payload = await verifyWithJwks(token, { keys, allowedAlgorithms: ['RS256'], verification: { aud: ACCESS_AUD } });
      email = typeof payload.email === 'string' ? payload.email : null;
    } catch (e) {
      await audit(db, { orgId: null, userId: null, action: 'access.token_refused', detail: { reason: (e as Error).name }, ip: clientIp(c) });
    }
    const account = email ? await loadByEmail(db, email) : null;
    if (account) {
      c.set('actor', account.actor);
      c.set('me', account.me);
    } else if (email) {
      await audit(db, { orgId: null, userId: null, action: 'access.unknown_account', detail: { email }, ip: clientIp(c) });
    }
  }
  await next();
});
