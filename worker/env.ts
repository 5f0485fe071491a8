import type { Db } from './db/client';
import type { Actor } from './domain/policy';
import type { Me } from './domain/contracts';
import type { BoardRoom } from './live/board-room';
import type { WriteQueue } from './coord/write-queue';

export interface Env {
  DB: D1Database;
  ASSETS: Fetcher;
  BOARD_ROOM: DurableObjectNamespace<BoardRoom>;
  /** One per office: card changes take turns (coord/write-queue.ts). */
  WRITE_QUEUE: DurableObjectNamespace<WriteQueue>;
  /** Cloudflare Email Routing binding (send_email). */
  EMAIL: SendEmail;
  /** The envelope sender and From: address of report emails. */
  MAIL_FROM?: string;
  /** "1" under `npm start` only: enables the demo seed and the demo-account list. */
  DEMO_SEED?: string;
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
}

export interface AppEnv {
  Bindings: Env;
  Variables: {
    db: Db;
    actor: Actor | null;
    me: Me | null;
    sessionId: string | null;
  };
}
