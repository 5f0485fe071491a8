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
//
// db/ does not import this module: routes hand it `accessOf(actor)`, these decisions bound to the
// actor, and it asks them of the rows its write loop has just read (domain/access.ts says why).
import type { Access, Actor, CardAction, CardScope, MembershipFact, YearScope } from './access';
import type { OrgKind, Role } from './contracts';

export type { Access, Actor, CardScope, MembershipFact, YearScope } from './access';

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

/**
 * Change who is responsible for a card: its lead group, its participating groups or its
 * every-group flag. Only the lead group's director (and administrators): a participating group
 * could otherwise make itself the lead and lock the lead group out.
 */
export function canChangeCardGroups(actor: Actor, card: CardScope): boolean {
  if (!sameOrg(actor, card.orgId)) return false;
  if (actor.role === 'admin') return true;
  return actor.role === 'director' && actor.groupId !== null && card.leadGroupId === actor.groupId;
}

/**
 * A director may not make an edit after which their group neither leads nor takes part in the
 * card: they would lose it mid-edit (an administrator hands cards between groups).
 */
export function keepsCardAfterEdit(actor: Actor, after: CardScope): boolean {
  return actor.role !== 'director' || canEditCard(actor, after);
}

/**
 * Remove an evidence link. Card editors may remove any link on their card; whoever added a link
 * may take it back only while they may still contribute to the card — the decision follows the
 * CURRENT role and group, never what the person was when they added it.
 */
export function canRemoveEvidence(actor: Actor, card: CardScope, addedBy: string | null): boolean {
  if (canEditCard(actor, card)) return true;
  return addedBy !== null && addedBy === actor.userId && canContributeToCard(actor, card);
}

/**
 * Account life cycle (disable, re-enable, remove a member; set a temporary password): an
 * administrator of the member's office, never on their own account (an office must not lose its
 * last administrator by a slip, and nobody locks themselves out).
 */
export function canManageMember(actor: Actor, member: { orgId: string; userId: string }): boolean {
  return canAdminister(actor, member.orgId) && actor.userId !== member.userId;
}

/**
 * Setting a temporary password replaces the person's password everywhere, so an administrator may
 * do it only for an account that belongs to no other office (another office's administrator
 * would otherwise take over an account of theirs).
 */
export function canResetPassword(actor: Actor, member: { orgId: string; userId: string; otherOffices: number }): boolean {
  return canManageMember(actor, member) && member.otherOffices === 0;
}

/** Publish or withdraw a fiscal year's public progress page and open data. */
export function canPublish(actor: Actor, orgId: string): boolean {
  return canAdminister(actor, orgId);
}

/** Choose whether one evidence link, and its note, appear on the public page: the card's editors. */
export function canChangeEvidencePublication(actor: Actor, card: CardScope): boolean {
  return canEditCard(actor, card);
}

/**
 * Change anything recorded in a fiscal year: its cards, evidence, comments, columns, OIT items,
 * report schedule, or send its reports. An archived year is read-only for everyone, the
 * administrator included, until it is restored; the caller's own permission is asked separately.
 */
export function canWriteYear(actor: Actor, year: YearScope): boolean {
  return sameOrg(actor, year.orgId) && year.archivedAt === null;
}

/** Archive or restore a fiscal year (administrators). */
export function canArchiveYear(actor: Actor, year: YearScope): boolean {
  return canAdminister(actor, year.orgId);
}

/**
 * Delete a fiscal year: administrators, and only a year whose log holds nothing but its import
 * (`activity` counts everything else: moves, edits, evidence, comments, kept reports). Any other
 * year can only be archived: records are kept at least ten years.
 */
export function canDeleteYear(actor: Actor, year: YearScope, activity: number): boolean {
  return canAdminister(actor, year.orgId) && activity === 0;
}

/** Which decision each change to a card needs: editors move and edit; contributors add. */
export function canChangeCard(actor: Actor, action: CardAction, card: CardScope): boolean {
  switch (action) {
    case 'card.move':
    case 'card.edit':
      return canEditCard(actor, card);
    case 'evidence.publication':
      return canChangeEvidencePublication(actor, card);
    case 'evidence.add':
    case 'comment.add':
      return canContributeToCard(actor, card);
  }
}

/** This module's decisions bound to one actor, for db/ to ask of the rows it has just read. */
export function accessOf(actor: Actor): Access {
  return {
    readsBoard: (orgId) => canReadBoard(actor, orgId),
    administers: (orgId) => canAdminister(actor, orgId),
    writesYear: (year) => canWriteYear(actor, year),
    editsCard: (card) => canEditCard(actor, card),
    contributesTo: (card) => canContributeToCard(actor, card),
    mayChangeCard: (action, card) => canChangeCard(actor, action, card),
    changesCardGroups: (card) => canChangeCardGroups(actor, card),
    keepsCard: (after) => keepsCardAfterEdit(actor, after),
    removesEvidence: (card, addedBy) => canRemoveEvidence(actor, card, addedBy),
    publishesEvidence: (card) => canChangeEvidencePublication(actor, card),
  };
}

/** Connect the office's LINE Official Account, make link codes, unlink groups: its administrators. */
export function canManageLine(actor: Actor, orgId: string): boolean {
  return canAdminister(actor, orgId);
}

/**
 * A parent body's roll-up of its descendant offices (issue 19): its own oversight users and
 * administrators, signed in to the parent body. Offices never read it (nor their siblings).
 */
export function canReadRollup(actor: Actor, org: { id: string; kind: string }): boolean {
  return sameOrg(actor, org.id) && org.kind === 'parent' && (actor.role === 'oversight' || actor.role === 'admin');
}

/**
 * Edit an OIT item's submission fields (its website page, explanation, publish-permission form):
 * administrators; and directors for the items their evidence serves — the item is named by
 * evidence on a card the director edits (`servingCards`: the cards whose evidence names the item).
 * Executives and staff read.
 */
export function canEditSubmissionItem(actor: Actor, orgId: string, servingCards: readonly CardScope[]): boolean {
  if (canAdminister(actor, orgId)) return true;
  return sameOrg(actor, orgId) && actor.role === 'director' && servingCards.some((card) => canEditCard(actor, card));
}

// ---- Parent bodies (issue 19) ------------------------------------------------------------------
//
// Organisations form a tree: an office may belong to a parent body, a parent body to its own
// parent. A parent body's users are its administrators ('admin') and its oversight users
// ('oversight'). Both read every DESCENDANT office (its boards, dashboards, reports, OIT readiness)
// by opening it: their actor there has the role 'oversight' and `via` the parent, so every read
// check above (same organisation) holds and every write check (administrator, director, editor)
// fails. Offices never see their parent or their siblings: nothing here lets an office's member
// read upward or sideways. Only an office's own administrator accepts an invitation or leaves.

/** Roles that belong in each kind of organisation: offices have no oversight users, parent bodies no groups. */
export const ROLES_OF_KIND: Record<OrgKind, readonly Role[]> = {
  office: ['admin', 'executive', 'director', 'staff'],
  parent: ['admin', 'oversight'],
};

export function roleFitsOrg(role: Role, kind: OrgKind): boolean {
  return ROLES_OF_KIND[kind].includes(role);
}

/** How deep the tree may be: an office and at most three bodies above it (ministry, department, region). */
export const MAX_TREE_DEPTH = 4;


/** An ancestor's membership reads the descendant: parent bodies' administrators and oversight users. */
export function overseesDescendants(role: Role): boolean {
  return role === 'admin' || role === 'oversight';
}

/**
 * Who the user is in the organisation opened, from their active memberships in it and in its
 * ancestors: their own membership when they have one; else the nearest ancestor's that oversees,
 * read-only ('oversight', `via` that ancestor); else nobody (null).
 */
export function actorIn(userId: string, orgId: string, facts: readonly MembershipFact[]): Actor | null {
  const own = facts.find((f) => f.depth === 0);
  if (own) return { userId, orgId, role: own.role, groupId: own.groupId, via: null };
  const above = [...facts].filter((f) => f.depth > 0 && overseesDescendants(f.role)).sort((a, b) => a.depth - b.depth)[0];
  return above ? { userId, orgId, role: 'oversight', groupId: null, via: above.orgId } : null;
}

/** The organisation as the tree's decisions see it. */
export interface OrgScope {
  id: string;
  kind: OrgKind;
  parentId: string | null;
}

/** Administer a parent body: invite offices, set their attributes, import and publish templates. */
export function canAdministerParent(actor: Actor, org: OrgScope): boolean {
  return org.kind === 'parent' && canAdminister(actor, org.id) && !actor.via;
}

/** Read a parent body's own pages (its offices, templates, roll-up): its administrators and oversight users. */
export function canReadParent(actor: Actor, org: OrgScope): boolean {
  return org.kind === 'parent' && sameOrg(actor, org.id) && !actor.via && overseesDescendants(actor.role);
}

/**
 * Invite an organisation to join: the parent's administrator; not itself, not one of its
 * ancestors (`ancestorsOfParent`, nearest first: the invitation would make a cycle), not an
 * organisation that already has a parent, and only while the tree stays within MAX_TREE_DEPTH
 * (`heightOfInvited`: levels below the invited organisation, 0 for an office).
 */
export type InviteProblem = 'self' | 'cycle' | 'has_parent' | 'too_deep' | null;
export function invitationProblem(parent: { id: string; ancestors: readonly string[] }, invited: OrgScope & { height: number }): InviteProblem {
  if (invited.id === parent.id) return 'self';
  if (parent.ancestors.includes(invited.id)) return 'cycle';
  if (invited.parentId !== null) return 'has_parent';
  if (parent.ancestors.length + 1 + invited.height + 1 > MAX_TREE_DEPTH) return 'too_deep';
  return null;
}

/** Accept or decline an invitation, leave the parent body: the invited organisation's own administrator. */
export function canDecideMembershipOfParent(actor: Actor, orgId: string): boolean {
  return canAdminister(actor, orgId) && !actor.via;
}

/** Adopt a parent's template, decide its revisions: the office's administrator. */
export function canAdoptTemplate(actor: Actor, org: OrgScope): boolean {
  return org.kind === 'office' && canAdminister(actor, org.id) && !actor.via;
}
