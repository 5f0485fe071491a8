import type { Db } from './db/client';
import type { Actor } from './domain/policy';
import type { Me } from './domain/contracts';
import type { BoardRoom } from './live/board-room';

// The bindings and variables wrangler.toml declares are generated from it: `npm run types` (wrangler
// types) writes worker-configuration.d.ts, committed, and `npm run typecheck` fails while it is
// stale. The Worker and its tests (cloudflare:workers' `env`) read the same Cloudflare.Env. What
// wrangler.toml cannot name, secrets (`wrangler secret put`, or .dev.vars locally) and optional
// bindings, is declared here, once, into that interface; the generator is told to ignore
// .dev.vars, so the generated file is the same on every clone.
declare global {
  namespace Cloudflare {
    interface Env {
      /** Optional Cloudflare Access mode: the team's JSON Web Key Set and the application's audience tag. */
      ACCESS_JWKS?: string;
      ACCESS_AUD?: string;
      /** Operator's secret that opens POST /api/admin/backup/restore on an empty database. */
      RESTORE_TOKEN?: string;
      /**
       * Optional Cloudflare Turnstile after repeated failed sign-ins (both needed): the widget's site
       * key and the secret for siteverify. TURNSTILE_VERIFY_URL or a TURNSTILE_VERIFY service binding
       * replaces Cloudflare's siteverify endpoint (tests use a double).
       */
      TURNSTILE_SITE_KEY?: string;
      TURNSTILE_SECRET?: string;
      TURNSTILE_VERIFY_URL?: string;
      TURNSTILE_VERIFY?: Fetcher;
      /**
       * Encrypts each office's LINE channel secret and access token at rest (db/line.ts); any long
       * random string (`openssl rand -base64 32`). Without it, LINE settings cannot be saved.
       */
      LINE_CREDENTIALS_KEY?: string;
    }
  }
}

/**
 * The Worker's environment: wrangler.toml's bindings (DB, ASSETS, BOARD_ROOM, EMAIL)
 * and vars (MAIL_FROM, the envelope sender and From: of report emails; DEMO_SEED, "1" under
 * `npm start` only: the demo seed and the demo-account list), and the secrets above.
 */
export type Env = Cloudflare.Env;

export interface AppEnv {
  Bindings: Env;
  Variables: {
    db: Db;
    actor: Actor | null;
    me: Me | null;
    sessionId: string | null;
  };
}
