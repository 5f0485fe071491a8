// The two questions most routes ask of the policy, asked one way everywhere: may this signed-in
// person read the office's data, and are they its administrator. A refused administration is
// recorded in the audit log (by middleware/audit-refusals.ts, like every 403 to a signed-in user).
import type { Context } from 'hono';
import { forbidden } from '../domain/errors';
import { canAdminister, canManageLine, canReadBoard, type Actor } from '../domain/policy';
import { actorOf } from './session';
import type { AppEnv } from '../env';

export function readerOf(c: Context<AppEnv>): Actor {
  const actor = actorOf(c);
  if (!canReadBoard(actor, actor.orgId)) throw forbidden();
  return actor;
}

export function adminOf(c: Context<AppEnv>): Actor {
  const actor = actorOf(c);
  if (!canAdminister(actor, actor.orgId)) throw forbidden();
  return actor;
}

export function lineAdminOf(c: Context<AppEnv>): Actor {
  const actor = actorOf(c);
  if (!canManageLine(actor, actor.orgId)) throw forbidden();
  return actor;
}
