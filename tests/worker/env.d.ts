declare namespace Cloudflare {
  interface GlobalProps {
    mainModule: typeof import('../../worker/index');
  }
  interface Env {
    DB: D1Database;
    ASSETS: Fetcher;
    DEMO_SEED: string;
    ACCESS_JWKS: string;
    ACCESS_AUD: string;
    TEST_ACCESS_PRIVATE_JWK: string;
    TEST_MIGRATIONS: import('cloudflare:test').D1Migration[];
  }
}
