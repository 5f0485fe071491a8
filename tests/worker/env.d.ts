declare namespace Cloudflare {
  interface GlobalProps {
    mainModule: typeof import('../../worker/index');
  }
  interface Env {
    DB: D1Database;
    ASSETS: Fetcher;
    DEMO_SEED: string;
    TEST_MIGRATIONS: import('cloudflare:test').D1Migration[];
  }
}
