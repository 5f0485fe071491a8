// The done rule's decisions (worker/domain/done-rule.ts), pure: a move into done needs evidence, a
// move within done does not, the last evidence of a done step stays, the office's switch turns it
// off, and the refusal says what is missing in both languages.
import { describe, expect, it } from 'vitest';
import { doneNeedsEvidence, evidenceDelta, moveRefusal, removalRefusal, type DoneFacts } from '../../worker/domain/done-rule';

const done = { category: 'done' as const, labelTh: 'เสร็จสิ้น', labelEn: 'Done' };
const review = { category: 'review' as const, labelTh: 'รอรายงาน', labelEn: 'Awaiting report' };
const facts = (over: Partial<DoneFacts> = {}): DoneFacts => ({ required: true, from: 'doing', column: done, evidence: 0, ...over });

describe('the done rule', () => {
  it('refuses a move into done without evidence, and says what is missing in Thai and English', () => {
    const refusal = moveRefusal(facts(), 'จัดทำแผน');
    expect(refusal).toMatchObject({ status: 409, code: 'done_needs_evidence' });
    expect(refusal!.messageTh).toContain('"จัดทำแผน"');
    expect(refusal!.messageTh).toContain('"เสร็จสิ้น"');
    expect(refusal!.messageTh).toContain('หลักฐาน');
    expect(refusal!.messageEn).toContain('"Done"');
    expect(refusal!.messageEn).toContain('evidence');
  });

  it('lets a move go with evidence, within done, to another column, or with the switch off', () => {
    expect(moveRefusal(facts({ evidence: 1 }), 't')).toBeNull();
    expect(moveRefusal(facts({ from: 'done' }), 't')).toBeNull();
    expect(moveRefusal(facts({ column: review }), 't')).toBeNull();
    expect(moveRefusal(facts({ required: false }), 't')).toBeNull();
    expect(moveRefusal(facts({ column: null }), 't')).toBeNull();
  });

  it('keeps the last evidence of a done step, with the same code; not of a step elsewhere, nor with the switch off', () => {
    const refusal = removalRefusal(facts({ from: 'done', evidence: 1 }), 'จัดทำแผน');
    expect(refusal).toMatchObject({ status: 409, code: 'done_needs_evidence' });
    expect(refusal!.messageEn).toContain('"Done"');
    expect(removalRefusal(facts({ from: 'done', evidence: 2 }), 't')).toBeNull();
    expect(removalRefusal(facts({ from: 'review', column: review, evidence: 1 }), 't')).toBeNull();
    expect(removalRefusal(facts({ from: 'done', evidence: 1, required: false }), 't')).toBeNull();
  });

  it('is on unless the office turned it off; evidence events count', () => {
    expect([doneNeedsEvidence(undefined), doneNeedsEvidence({}), doneNeedsEvidence({ doneNeedsEvidence: true }), doneNeedsEvidence({ doneNeedsEvidence: false })]).toEqual([true, true, true, false]);
    expect(['evidence.added', 'evidence.removed', 'evidence.publication', 'card.moved'].map(evidenceDelta)).toEqual([1, -1, 0, 0]);
  });
});
