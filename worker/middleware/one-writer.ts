// Card changes of one office take turns (coord/write-queue.ts): this middleware waits for the
// office's turn before the route runs and gives it back when the route is done. Routes put it
// after their validators, so bad input takes no turn. Reads pass straight through, and so does
// anyone not signed in (the route answers 401).
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';

/** Longest a change may hold the turn (a request that died gives it back by itself). */
const LEASE_MS = 5_000;
/** Longest a change waits for its turn before going ahead unordered (still safe: seqs are unique). */
const WAIT_MS = 3_000;

export const oneWriterPerOffice = createMiddleware<AppEnv>(async (c, next) => {
  const actor = c.get('actor');
  if (c.req.method === 'GET' || !actor) return next();
  const queue = c.env.WRITE_QUEUE.get(c.env.WRITE_QUEUE.idFromName(actor.orgId));
  const turn = queue.acquire(LEASE_MS);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const ticket = await Promise.race([
    turn.catch(() => null),
    new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), WAIT_MS))),
  ]);
  clearTimeout(timer);
  if (ticket === null) {
    // Gone ahead without it: a turn granted later is handed straight back.
    c.executionCtx.waitUntil(turn.then((late) => queue.release(late)).catch(() => undefined));
  }
  try {
    await next();
  } finally {
    if (ticket !== null) c.executionCtx.waitUntil(queue.release(ticket).catch(() => undefined));
  }
});
