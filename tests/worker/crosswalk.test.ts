// The pure parts of OIT catalogue versions (issue 18, part 1): reading a pasted list or a TSV
// (domain/catalogue-list.ts), trigram similarity and the proposed crosswalk, and what a confirmed
// crosswalk does to evidence (domain/crosswalk.ts), on the shipped 43-item list of 2567 and a
// 26-item list of our own in the style of 2568/2569 (fixtures/oit-26-items.ts).
import { describe, expect, it } from 'vitest';
import { parseCatalogueList } from '../../worker/domain/catalogue-list';
import { codesLost, normaliseTitle, planRecoding, proposeCrosswalk, recodeKeyed, titleSimilarity, trigrams, unmappedItems } from '../../worker/domain/crosswalk';
import { OIT_ITEMS_2567 } from '../../worker/seed/oit-items-2567';
import { OIT_26_LIST } from './fixtures/oit-26-items';

describe('reading a catalogue list', () => {
  it('reads a pasted list: tabs, several spaces, "." or ":" after the code, Thai digits, blank lines', () => {
    const text = ['O1 โครงสร้าง', '', 'O2\tข้อมูลผู้บริหาร', 'O3.  อำนาจหน้าที่', 'o๔: ข้อมูลการติดต่อ', '  O 5     กฎหมายที่เกี่ยวข้อง  ', 'O6\t\tข่าวประชาสัมพันธ์', 'O๒๕ การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร', ''].join('\n');
    const { items, errors } = parseCatalogueList(text);
    expect(errors).toEqual([]);
    expect(items.map((i) => [i.code, i.titleTh])).toEqual([
      ['O1', 'โครงสร้าง'],
      ['O2', 'ข้อมูลผู้บริหาร'],
      ['O3', 'อำนาจหน้าที่'],
      ['O4', 'ข้อมูลการติดต่อ'],
      ['O5', 'กฎหมายที่เกี่ยวข้อง'],
      ['O6', 'ข่าวประชาสัมพันธ์'],
      ['O25', 'การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร'],
    ]);
  });

  it('reads the reference TSV by its header, and code-first TSV without one', () => {
    const tsv = ['# comment', 'code\ttitle_th\tsub_indicator\ttitle_en', ...OIT_ITEMS_2567.map((i) => [i.code, i.titleTh, i.subIndicator, i.titleEn].join('\t'))].join('\n');
    const withHeader = parseCatalogueList(tsv);
    expect(withHeader.errors).toEqual([]);
    expect(withHeader.items).toEqual(OIT_ITEMS_2567);
    const bare = parseCatalogueList('O1\tโครงสร้าง\t9.1 ข้อมูลพื้นฐาน\tOrganisation structure');
    expect(bare.items).toEqual([{ code: 'O1', titleTh: 'โครงสร้าง', subIndicator: '9.1 ข้อมูลพื้นฐาน', titleEn: 'Organisation structure' }]);
    expect(parseCatalogueList(OIT_26_LIST).items).toHaveLength(26);
  });

  it('names every line it cannot read, in Thai and English', () => {
    const { errors } = parseCatalogueList(['O1 โครงสร้าง', 'โครงสร้าง ไม่มีรหัส', 'O2', 'O1 ซ้ำ', `O3 ${'ก'.repeat(501)}`].join('\n'));
    expect(errors.map((e) => [e.line, e.code])).toEqual([[2, ''], [3, 'O2'], [4, 'O1'], [5, 'O3']]);
    expect(errors[0]).toMatchObject({ text: 'โครงสร้าง ไม่มีรหัส', messageEn: 'Cannot read an item code and title on this line (for example O1 โครงสร้าง)' });
    expect(errors[0]!.messageTh).toContain('อ่านรหัสข้อและชื่อข้อ');
    expect(errors[1]!.messageEn).toBe('The Thai title is missing');
    expect(errors[2]).toMatchObject({ messageEn: 'The code repeats line 1', messageTh: 'รหัสข้อซ้ำกับบรรทัดที่ 1' });
    expect(errors[3]!.messageEn).toBe('A cell is longer than 500 characters');
    expect(parseCatalogueList('\n\n# nothing\n').errors.map((e) => e.messageEn)).toEqual(['No importable OIT items were found in the text']);
  });
});

describe('trigram similarity (Dice on character trigrams)', () => {
  it('ignores spaces, punctuation, case and Thai digits', () => {
    expect(normaliseTitle('รายงาน รอบ ๖ เดือน (E-Service)')).toBe('รายงานรอบ6เดือนeservice');
    expect(titleSimilarity('ประกาศต่าง ๆ', 'ประกาศต่างๆ')).toBe(1);
    expect(trigrams('abcd')).toEqual(new Set(['abc', 'bcd']));
    expect(trigrams('ab')).toEqual(new Set(['ab']));
  });

  it('scores 2|A∩B| / (|A|+|B|), rounded to two decimals', () => {
    // abcd → {abc, bcd}; abce → {abc, bce}: one shared of four.
    expect(titleSimilarity('abcd', 'abce')).toBe(0.5);
    expect(titleSimilarity('abc', 'xyz')).toBe(0);
    expect(titleSimilarity('', 'abc')).toBe(0);
    expect(titleSimilarity('แผนปฏิบัติการป้องกันการทุจริต', 'แผนปฏิบัติการป้องกันการทุจริตและประพฤติมิชอบ')).toBe(0.78);
  });
});

describe('the crosswalk from the 43 items of 2567 to a 26-item list', () => {
  const next = parseCatalogueList(OIT_26_LIST).items;
  const rows = proposeCrosswalk(OIT_ITEMS_2567, next);
  const row = (code: string) => rows.find((r) => r.oldCode === code)!;

  it('proposes the same code with the same title, a renumbered item, and nothing under 0.5', () => {
    expect(rows).toHaveLength(43);
    expect(row('O1')).toMatchObject({ newCode: 'O1', score: 1, reason: 'same_code' });
    expect(row('O5')).toMatchObject({ newCode: 'O4', score: 1, reason: 'similar_title' });
    expect(row('O12')).toMatchObject({ newCode: 'O8', score: 0.91, reason: 'similar_title' });
    expect(row('O43')).toMatchObject({ newCode: 'O26', score: 0.81 });
    expect(row('O42')).toMatchObject({ newCode: 'O26', score: 0.75 });
    expect(row('O35')).toMatchObject({ newCode: null, score: 0.49, reason: 'none' });
    expect(row('O8')).toMatchObject({ newCode: null, reason: 'none' });
    expect(rows.filter((r) => r.newCode === null).map((r) => r.oldCode)).toEqual(['O4', 'O8', 'O9', 'O10', 'O17', 'O32', 'O33', 'O35', 'O39', 'O40', 'O41']);
    expect(rows.every((r) => r.newCode === null ? r.score < 0.5 : r.score >= 0.5)).toBe(true);
  });

  it('prefers the same code on a tie', () => {
    const tie = proposeCrosswalk([{ code: 'O2', titleTh: 'abcd' }], [{ code: 'O1', titleTh: 'abcd' }, { code: 'O2', titleTh: 'abcd' }]);
    expect(tie[0]).toMatchObject({ newCode: 'O2', reason: 'same_code' });
  });

  it('re-codes evidence through the confirmed rows, requires a row for every code in use that disappears, and lists the unmapped', () => {
    const links = [
      { id: 'e1', cardId: 'c1', oitCode: 'O1' },
      { id: 'e2', cardId: 'c1', oitCode: 'O12' },
      { id: 'e3', cardId: 'c2', oitCode: 'o 43' },
      { id: 'e4', cardId: 'c3', oitCode: 'O40' },
      { id: 'e5', cardId: 'c3', oitCode: null },
    ];
    // O12 stays a code, but of another item (service statistics): lost as surely as O40 and O43.
    expect(codesLost(links, OIT_ITEMS_2567, next)).toEqual([
      { code: 'O12', links: 1, change: 'changed' },
      { code: 'O40', links: 1, change: 'gone' },
      { code: 'O43', links: 1, change: 'gone' },
    ]);
    const proposed = rows.map((r) => ({ oldCode: r.oldCode, newCode: r.newCode }));
    expect(planRecoding(links, next, proposed.filter((r) => r.oldCode !== 'O43'), false).problem).toEqual({ kind: 'unanswered', codes: ['O43'] });
    expect(planRecoding(links, next, proposed, false).problem).toEqual({ kind: 'unmapped_unconfirmed', codes: ['O40'] });
    expect(planRecoding(links, next, [{ oldCode: 'O12', newCode: 'O99' }], true).problem).toEqual({ kind: 'unknown_new_code', code: 'O99' });
    const plan = planRecoding(links, next, proposed, true);
    expect(plan.problem).toBeNull();
    expect(plan.recodes).toEqual([
      { evidenceId: 'e2', cardId: 'c1', from: 'O12', to: 'O8' },
      { evidenceId: 'e3', cardId: 'c2', from: 'o 43', to: 'O26' },
    ]);
    expect(plan.unmapped).toEqual([{ code: 'O40', links: 1 }]);
    // Corrected: O40 to O24 by hand.
    const corrected = proposed.map((r) => (r.oldCode === 'O40' ? { ...r, newCode: 'O24' } : r));
    expect(planRecoding(links, next, corrected, false).recodes.map((r) => r.to)).toEqual(['O8', 'O26', 'O24']);
    expect(unmappedItems(OIT_ITEMS_2567, corrected, next).map((i) => i.code)).toEqual(['O4', 'O8', 'O9', 'O10', 'O17', 'O32', 'O33', 'O35', 'O39', 'O41']);
  });
});

describe('rows keyed by code through the crosswalk', () => {
  it('moves each row to its new code, never two onto one, and drops none', () => {
    const rows = [{ code: 'O5', page: 'contact' }, { code: 'O4', page: 'plan' }, { code: 'O42', page: 'measures' }, { code: 'O43', page: 'results' }];
    const choices = [
      { oldCode: 'O4', newCode: null },
      { oldCode: 'O5', newCode: 'O4' },
      { oldCode: 'O42', newCode: 'O26' },
      { oldCode: 'O43', newCode: 'O26' },
    ];
    const { rows: out, moved } = recodeKeyed(rows, choices);
    // O4 keeps its code (no new one), so O5's row cannot take O4; O42's takes O26 first.
    expect(out.map((r) => [r.code, r.page])).toEqual([['O5', 'contact'], ['O4', 'plan'], ['O26', 'measures'], ['O43', 'results']]);
    expect(moved).toEqual([{ from: 'O42', to: 'O26' }]);
  });
});
