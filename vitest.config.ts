import { defineConfig } from 'vitest/config';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';

// A throw-away RSA key pair per run for the Cloudflare Access mode tests: the public half is the
// configured team key set, the private half lets the tests sign Access tokens.
function accessTestKeys() {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = 'test-kid';
  const pub = { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
  const priv = { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256' };
  return { jwks: JSON.stringify({ keys: [pub] }), privateJwk: JSON.stringify(priv) };
}

/** A port free now, for the LINE double (tests/line-double) the globalSetup starts on it. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export default defineConfig(async () => {
  // wrangler.toml names the web app's build folder as the static assets; the worker tests never
  // read it, but wrangler refuses a folder that does not exist, as on a fresh clone before a build.
  mkdirSync('web/dist', { recursive: true });
  const migrations = await readD1Migrations('./migrations');
  const access = accessTestKeys();
  // The LINE API double: a real HTTP server in this Node process, reached by the worker over the
  // network through LINE_API_BASE as it would reach api.line.me.
  process.env.ITA_LINE_DOUBLE_PORT ??= String(await freePort());
  const lineApiBase = `http://127.0.0.1:${process.env.ITA_LINE_DOUBLE_PORT}`;
  // The evidence-website double of the link check (tests/link-double), reached the same way.
  process.env.ITA_LINK_DOUBLE_PORT ??= String(await freePort());
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: './wrangler.toml' },
        miniflare: {
          bindings: {
            TEST_MIGRATIONS: migrations,
            DEMO_SEED: '0',
            ACCESS_JWKS: access.jwks,
            ACCESS_AUD: 'ita-board-test-aud',
            TEST_ACCESS_PRIVATE_JWK: access.privateJwk,
            LINE_API_BASE: lineApiBase,
            LINE_CREDENTIALS_KEY: 'test-line-credentials-key-0123456789abcdef',
            APP_URL: 'https://ita.test',
            TEST_LINK_DOUBLE_PORT: process.env.ITA_LINK_DOUBLE_PORT,
          },
        },
      }),
    ],
    test: {
      include: ['tests/worker/**/*.test.ts'],
      setupFiles: ['./tests/worker/apply-migrations.ts'],
      globalSetup: ['./tests/line-double/setup.ts', './tests/link-double/setup.ts'],
    },
  };
});
