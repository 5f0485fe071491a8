// Numbered sections and items in the body of the announcement (outside the table).
//
// "๑. การกำหนด…" (after Markdown bold/heading markers are stripped) is a section; "๑.๑ …" is an
// item of the current section. Numbering may restart (the source has sections 1, 2, then 1, 2, 3
// inside section 2's text): sections are kept in order of appearance. An item line followed
// directly (no blank line) by an unnumbered line continues on that line.
import { collapseSpaces, toArabicDigits } from './thai-text';

export interface SectionItem {
  number: string;
  text: string;
}

export interface Section {
  number: string;
  title: string;
  items: SectionItem[];
}

export interface DuplicateItem {
  sectionNumber: string;
  number: string;
  first: string;
  second: string;
}

const ITEM = /^([0-9]{1,2})\s?\.\s?([0-9]{1,2})\.?(?![0-9.])\s*(.*)$/;
const SECTION = /^([0-9]{1,2})\s?[.)](?![0-9])\s*(\S.*)$/;
/** A heading is short; a numbered line longer than this is body text that starts with a number. */
const MAX_SECTION_TITLE = 400;

export function scanSections(lines: readonly string[], skip: ReadonlySet<number>): { sections: Section[]; duplicates: DuplicateItem[] } {
  const sections: Section[] = [];
  const repeats: { section: Section; first: SectionItem; second: SectionItem }[] = [];
  const seen = new Map<Section, Map<string, SectionItem>>();
  let current: Section | null = null;
  let lastItem: SectionItem | null = null;

  const addItem = (section: Section, item: SectionItem) => {
    let numbers = seen.get(section);
    if (!numbers) seen.set(section, (numbers = new Map()));
    const earlier = numbers.get(item.number);
    if (earlier) repeats.push({ section, first: earlier, second: item });
    else numbers.set(item.number, item);
    section.items.push(item);
  };

  lines.forEach((raw, index) => {
    if (skip.has(index)) {
      lastItem = null;
      return;
    }
    const line = collapseSpaces(raw);
    if (line === '') {
      lastItem = null;
      return;
    }
    // Same indices in both strings: Thai digits convert one unit for one unit.
    const arabic = toArabicDigits(line);
    const item = ITEM.exec(arabic);
    if (item) {
      const number = `${Number(item[1])}.${Number(item[2])}`;
      const text = line.slice(arabic.length - item[3]!.length).trim();
      if (!current) {
        current = { number: String(Number(item[1])), title: '', items: [] };
        sections.push(current);
      }
      lastItem = { number, text };
      addItem(current, lastItem);
      return;
    }
    const section = SECTION.exec(arabic);
    if (section && section[2]!.length <= MAX_SECTION_TITLE) {
      current = { number: String(Number(section[1])), title: line.slice(arabic.length - section[2]!.length).trim(), items: [] };
      sections.push(current);
      lastItem = null;
      return;
    }
    if (lastItem) {
      // Continuation of a wrapped item (the object is shared with `repeats`).
      const continued: SectionItem = lastItem;
      continued.text = `${continued.text} ${line}`.trim();
    }
  });
  const duplicates = repeats.map(({ section, first, second }) => ({
    sectionNumber: section.number,
    number: first.number,
    first: first.text,
    second: second.text,
  }));
  return { sections, duplicates };
}
