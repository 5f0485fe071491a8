declare namespace Cloudflare {
  interface GlobalProps {
    mainModule: typeof import('../../worker/index');
  }
  interface Env {
    DB: D1Database;
    ASSETS: Fetcher;
    BOARD_ROOM: DurableObjectNamespace;
    WRITE_QUEUE: DurableObjectNamespace<import('../../worker/coord/write-queue').WriteQueue>;
    EMAIL: SendEmail;
    MAIL_FROM: string;
    DEMO_SEED: string;
    ACCESS_JWKS: string;
    ACCESS_AUD: string;
    TEST_ACCESS_PRIVATE_JWK: string;
    TEST_MIGRATIONS: import('cloudflare:test').D1Migration[];
  }
}
