// The office's official-memo settings (the head and signature of printed reports): every member
// reads them (their reports print with them); only administrators change them.
import { Hono } from 'hono';
import { valid } from '../middleware/validate';
import { clientIp } from '../middleware/session';
import { adminOf, readerOf } from '../middleware/authorize';
import { audit } from '../db/auth';
import { loadMemo, saveMemo } from '../db/memo';
import { checkEmblem } from '../domain/memo';
import { memoBody } from '../domain/schemas/office';
import type { AppEnv } from '../env';

export const memoRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const actor = readerOf(c);
    return c.json({ memo: await loadMemo(c.get('db'), actor.orgId) });
  })
  .put('/', valid('json', memoBody), async (c) => {
    const actor = adminOf(c);
    const db = c.get('db');
    const { emblem, ...memo } = c.req.valid('json');
    let stored: string | null | undefined = emblem;
    if (typeof emblem === 'string') {
      const checked = checkEmblem(emblem);
      if (!checked.ok) throw checked.error;
      stored = checked.dataUrl;
    }
    await db.batch([
      saveMemo(db, actor.orgId, memo, stored),
      audit(db, {
        orgId: actor.orgId,
        userId: actor.userId,
        action: 'settings.changed',
        detail: { memo: { ...memo, emblem: stored === undefined ? 'kept' : stored === null ? 'removed' : 'replaced' } },
        ip: clientIp(c),
      }),
    ]);
    return c.json({ memo: await loadMemo(db, actor.orgId) });
  });

/** This sub-app's routes as a type, for the web app's typed client (hc, web/src/api.ts). */
export type MemoApi = typeof memoRoutes;
