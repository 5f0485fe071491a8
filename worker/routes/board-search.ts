// The board's free-text search beyond titles: the web app matches titles at once and asks here for
// the cards whose details or checklist items match too (web/src/state/search.ts). One rule of
// matching for both (domain/search-text.ts).
import { Hono } from 'hono';
import { valid } from '../middleware/validate';
import { actorOf } from '../middleware/session';
import { searchableCards } from '../db/board-search';
import { beYearParam } from '../domain/params';
import { boardSearchQuery } from '../domain/schemas/board';
import { cardMatchesSearch, searchQuery } from '../domain/search-text';
import type { BoardSearchResponse } from '../domain/contracts';
import type { AppEnv } from '../env';

export const boardSearchRoutes = new Hono<AppEnv>().get(
  '/boards/:beYear/search',
  valid('param', beYearParam),
  valid('query', boardSearchQuery),
  async (c) => {
    // Everyone signed in to the office reads its whole board, so its search too: the office's own cards only.
    const actor = actorOf(c);
    const query = searchQuery(c.req.valid('query').q);
    const rows = await searchableCards(c.get('db'), actor.orgId, c.req.valid('param').beYear);
    const answer: BoardSearchResponse = { cardIds: query ? rows.filter((card) => cardMatchesSearch(card, query)).map((card) => card.id) : [] };
    return c.json(answer);
  },
);

/** This sub-app's routes as a type, for the web app's typed client (hc, web/src/api.ts). */
export type BoardSearchApi = typeof boardSearchRoutes;
