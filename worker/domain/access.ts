// Who acts, what the policy looks at, and the policy's decisions as db/ receives them.
// db/ never imports policy.ts: a write to a card must be decided on the card as the write loop has
// just read it (db/cards.ts: a decision on a stale read fails the write, and the retry decides
// again), so the route hands db/ the decisions of policy.ts bound to the actor (`accessOf`), and
// db/ asks them of the rows it read. Which decision an action needs is policy.ts's too.
import type { Role } from './contracts';

export interface Actor {
  userId: string;
  orgId: string;
  role: Role;
  groupId: string | null;
  /**
   * A parent body's user reading this descendant office (issue 19): the ancestor organisation whose
   * membership lets them (their role here is then 'oversight', whatever it is there). Absent for members.
   */
  via?: string | null;
}

export interface CardScope {
  orgId: string;
  leadGroupId: string | null;
  groupIds: readonly string[];
  allGroups: boolean;
}

/** A membership of the user in the organisation opened (`depth` 0) or in one of its ancestors (1 = its parent…). */
export interface MembershipFact {
  orgId: string;
  role: Role;
  groupId: string | null;
  depth: number;
}

/** policy.actorIn: who the user is in the organisation opened, given their memberships there and above. */
export type ActorResolver = (userId: string, orgId: string, facts: readonly MembershipFact[]) => Actor | null;

/** A fiscal year as the policy sees it. */
export interface YearScope {
  orgId: string;
  /** Set while the year is archived (read-only). */
  archivedAt: number | null;
}

/** The changes to a card or to what hangs off it that db/ commits, each decided by policy.ts. */
export type CardAction = 'card.move' | 'card.edit' | 'evidence.add' | 'evidence.publication' | 'comment.add';

/** policy.ts's decisions for one actor (policy.accessOf builds it). */
export interface Access {
  readsBoard(orgId: string): boolean;
  administers(orgId: string): boolean;
  /** Anything recorded in the year may change (it is not archived). */
  writesYear(year: YearScope): boolean;
  /** The `editable` flag of a card view. */
  editsCard(card: CardScope): boolean;
  /** The `canContribute` flag of a card's details. */
  contributesTo(card: CardScope): boolean;
  /** May make this change to this card, as it is now. */
  mayChangeCard(action: CardAction, card: CardScope): boolean;
  /** May change who is responsible for the card (lead group, groups, every-group flag). */
  changesCardGroups(card: CardScope): boolean;
  /** Still edits the card once an edit has given it `after`'s groups. */
  keepsCard(after: CardScope): boolean;
  removesEvidence(card: CardScope, addedBy: string | null): boolean;
  publishesEvidence(card: CardScope): boolean;
}
