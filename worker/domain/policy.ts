// Who may do what. Every route asks this module; nothing else decides. The interface hides what a
// role cannot do, but these functions, run on the server, are the guard.
//
// Decisions:
// - Administrator: sets up the office (fiscal years, groups, columns, measures, users) and may
//   move and edit any card.
// - Executive: reads everything, changes nothing.
// - Director of a group: moves and edits the cards their group leads or explicitly takes part in.
//   For cards marked "every group" (และทุกกลุ่มงาน) only the lead group's director moves and
//   edits: a card has one status, and eight groups moving it would make that status meaningless.
//   Every director may still contribute to such a card (evidence links, comments).
// - Staff: read only.
import type { Role } from './contracts';

export interface Actor {
  userId: string;
  orgId: string;
  role: Role;
  groupId: string | null;
}

export interface CardScope {
  orgId: string;
  leadGroupId: string | null;
  groupIds: readonly string[];
  allGroups: boolean;
}

const sameOrg = (actor: Actor, orgId: string) => actor.orgId === orgId;

export function canReadBoard(actor: Actor, orgId: string): boolean {
  return sameOrg(actor, orgId);
}

export function canAdminister(actor: Actor, orgId: string): boolean {
  return sameOrg(actor, orgId) && actor.role === 'admin';
}

/** Move the card between columns, or edit its title, details, dates and groups. */
export function canEditCard(actor: Actor, card: CardScope): boolean {
  if (!sameOrg(actor, card.orgId)) return false;
  if (actor.role === 'admin') return true;
  if (actor.role !== 'director' || !actor.groupId) return false;
  return card.leadGroupId === actor.groupId || card.groupIds.includes(actor.groupId);
}

/** Add evidence links and comments. */
export function canContributeToCard(actor: Actor, card: CardScope): boolean {
  if (canEditCard(actor, card)) return true;
  return sameOrg(actor, card.orgId) && actor.role === 'director' && card.allGroups && actor.groupId !== null;
}
