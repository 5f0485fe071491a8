// The test run's own bindings (vitest.config.ts, miniflare.bindings), added to the Worker's
// generated Cloudflare.Env (worker-configuration.d.ts, worker/env.ts).
declare namespace Cloudflare {
  interface Env {
    TEST_ACCESS_PRIVATE_JWK: string;
    TEST_MIGRATIONS: import('cloudflare:test').D1Migration[];
    /** The port of the evidence-website double (tests/link-double), on 127.0.0.1 and localhost. */
    TEST_LINK_DOUBLE_PORT: string;
  }
}
