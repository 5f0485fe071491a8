// policy.ts decides; db/ asks the decisions a route hands it (accessOf). These check that the
// bundle db/ receives answers as the named decisions do, for the cases the write loops ask.
import { describe, expect, it } from 'vitest';
import { accessOf, canChangeCard, keepsCardAfterEdit, type Actor, type CardScope } from '../../worker/domain/policy';

const org = 'o1';
const director = (groupId: string): Actor => ({ userId: `u-${groupId}`, orgId: org, role: 'director', groupId });
const admin: Actor = { userId: 'a', orgId: org, role: 'admin', groupId: null };
const staff: Actor = { userId: 's', orgId: org, role: 'staff', groupId: 'g1' };
const card = (over: Partial<CardScope> = {}): CardScope => ({ orgId: org, leadGroupId: 'g1', groupIds: ['g2'], allGroups: false, ...over });

describe('the decisions db/ is handed', () => {
  it('moves and edits for editors, contributions for every director of an every-group card', () => {
    const everyGroup = card({ allGroups: true });
    expect(canChangeCard(director('g1'), 'card.move', everyGroup)).toBe(true);
    expect(canChangeCard(director('g3'), 'card.move', everyGroup)).toBe(false);
    expect(canChangeCard(director('g3'), 'evidence.add', everyGroup)).toBe(true);
    expect(canChangeCard(director('g3'), 'comment.add', everyGroup)).toBe(true);
    expect(canChangeCard(director('g3'), 'evidence.publication', everyGroup)).toBe(false);
    expect(canChangeCard(staff, 'comment.add', everyGroup)).toBe(false);
    expect(canChangeCard({ ...admin, orgId: 'o2' }, 'card.edit', card())).toBe(false);
  });

  it('lets no director hand a card away from their own group; administrators hand cards over', () => {
    expect(keepsCardAfterEdit(director('g1'), card({ leadGroupId: 'g3', groupIds: [] }))).toBe(false);
    expect(keepsCardAfterEdit(director('g1'), card({ leadGroupId: 'g3', groupIds: ['g1'] }))).toBe(true);
    expect(keepsCardAfterEdit(admin, card({ leadGroupId: 'g3', groupIds: [] }))).toBe(true);
  });

  it('answers through accessOf as the named decisions do', () => {
    const d = accessOf(director('g2'));
    expect(d.editsCard(card())).toBe(true);
    expect(d.changesCardGroups(card())).toBe(false);
    expect(d.removesEvidence(card(), 'someone-else')).toBe(true);
    expect(accessOf(director('g3')).removesEvidence(card({ allGroups: true }), 'u-g3')).toBe(true);
    expect(accessOf(staff).removesEvidence(card({ allGroups: true }), 's')).toBe(false);
    expect(d.writesYear({ orgId: org, archivedAt: null })).toBe(true);
    expect(accessOf(admin).writesYear({ orgId: org, archivedAt: 1 })).toBe(false);
    expect(d.mayChangeCard('card.move', card())).toBe(true);
    expect(d.administers(org)).toBe(false);
    expect(d.readsBoard(org)).toBe(true);
  });
});
