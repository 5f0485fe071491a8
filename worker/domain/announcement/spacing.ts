// Removing stray spaces that PDF extraction leaves inside table cells.
//
// Thai is written without spaces between words; a space marks a phrase or clause boundary, a
// list separator, or sits around numbers and foreign words (e.g. "กติกา หลักเกณฑ์" is a list of
// two nouns; "ส่วนตัว เช่นกิจกรรม" puts a space before "เช่น"). When a PDF table cell wraps onto a
// new line, extraction turns the line break into a space that Thai would never write, e.g.
// "การตรวจสอบการใช้ ดุลยพินิจ" or "สรุปและ วิเคราะห์ผล ประเมินเสนอต่อ ผู้บังคับบัญชา". Removing every
// space between Thai letters would destroy the legitimate ones, so a space is removed only with
// positive evidence that it is a wrap artefact. The rule, applied to table cells only:
//
// A candidate is one space with a Thai letter or mark on both sides, outside quotation marks
// (quoted slogans such as “ไม่ให้ ไม่รับ ของขวัญ” are reproduced verbatim). Spaces next to digits,
// Latin words ("No give policy"), ๆ, ฯ or punctuation are never candidates. Let L be the word
// just before the space and R the word just after (Intl.Segmenter, Thai dictionary).
//  1. Keep it when R opens a new phrase by Thai spacing convention: a conjunction or list word
//     (และ หรือ แต่ เช่น ได้แก่ คือ ซึ่ง โดย เพื่อ ...) or a nominaliser (การ, ความ) starting a new
//     noun phrase, the usual start of a list item ("มอบหมายงาน การประเมินผลงาน").
//  2. Remove it when L cannot end a phrase: a preposition, conjunction or prefix that needs its
//     complement (ของ ใน ต่อ กับ และ ผู้ ความ ให้ ...), or "การ" used as a nominaliser after such
//     a word ("ในการ มอบหมายงาน"). Written Thai puts the space before these words, not after.
//  3. Remove it when the document itself writes L and R joined elsewhere ("ผลประเมิน",
//     "ใช้ดุลยพินิจ", "สังกัดทราบ"): the author's own spelling is the evidence. The joined form
//     must be at least 6 code points long so that short, common fragments prove nothing.
//  4. Otherwise keep it.
// Without Intl.Segmenter (it is present in workerd and Node) L and R are the whole Thai runs, so
// rule 2 rarely fires and rule 3 needs longer matches: the rule degrades to keeping spaces.
import { collapseSpaces, isThaiWordChar } from './thai-text';

/** R words before which Thai conventionally writes a space (rule 1). */
const OPENS_PHRASE = [
  'และ', 'หรือ', 'แต่', 'เช่น', 'ได้แก่', 'คือ', 'ซึ่ง', 'โดย', 'เพื่อ', 'ทั้งนี้', 'ตลอดจน', 'รวมทั้ง',
  'รวมถึง', 'อีกทั้ง', 'ดังนี้', 'ดังนั้น', 'หาก', 'ถ้า', 'การ', 'ความ',
];

/** L words that need a complement, so a space right after them is not a phrase boundary (rule 2). */
const NEEDS_COMPLEMENT = new Set([
  'ของ', 'ใน', 'ต่อ', 'แก่', 'กับ', 'จาก', 'สู่', 'แห่ง', 'สำหรับ', 'ระหว่าง', 'โดย', 'เพื่อ', 'และ',
  'หรือ', 'ผู้', 'ความ', 'ให้',
]);

/**
 * Words after which "การ" is the nominalising prefix of the next phrase ("ในการ ปฏิบัติงาน"),
 * not the end of a compound such as "วิธีการ" or "ดำเนินการ" (which the ICU dictionary splits
 * into "วิธี|การ", so the word before การ is what tells the two apart).
 */
const BEFORE_NOMINAL_KAN = new Set([
  'ใน', 'ของ', 'ผล', 'และ', 'หรือ', 'กับ', 'ต่อ', 'โดย', 'เพื่อ', 'จาก', 'แก่', 'สู่', 'ด้วย', 'ตาม',
  'ถึง', 'เป็น', 'ให้', 'มี', 'ทุก', 'ซึ่ง', 'ที่', 'ด้าน', 'เรื่อง',
]);

const MIN_EVIDENCE_LENGTH = 6;
/** Longest stretch of Thai letters examined on each side of a space. */
const RUN_LIMIT = 40;

/**
 * Shared state for one document: the evidence text (rule 3) and a work budget, so that a
 * pathological 1 MB input cannot make the evidence search quadratic.
 */
export class SpacingContext {
  private remainingWork: number;
  private readonly answers = new Map<string, boolean>();
  private readonly segmenter: Intl.Segmenter | null;

  constructor(readonly evidence: string) {
    this.remainingWork = 50_000_000;
    this.segmenter = makeSegmenter();
  }

  /** Words of a short Thai run; the whole run when no segmenter is available. */
  words(run: string): string[] {
    if (!this.segmenter || run === '') return run ? [run] : [];
    return Array.from(this.segmenter.segment(run), (s) => s.segment);
  }

  /**
   * Whether the document writes `joined` somewhere. Answers are remembered (tables repeat the
   * same phrases row after row); new questions get `false` once the work budget is spent.
   */
  attests(joined: string): boolean {
    if (joined.length < MIN_EVIDENCE_LENGTH) return false;
    const known = this.answers.get(joined);
    if (known !== undefined) return known;
    this.remainingWork -= this.evidence.length;
    if (this.remainingWork < 0) return false;
    const found = this.evidence.includes(joined);
    this.answers.set(joined, found);
    return found;
  }
}

function makeSegmenter(): Intl.Segmenter | null {
  try {
    return typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function'
      ? new Intl.Segmenter('th', { granularity: 'word' })
      : null;
  } catch {
    return null;
  }
}

/** Marks the positions inside “…”, ‘…’, «…» or straight "…" quotation marks. */
function quotedPositions(text: string): boolean[] {
  const inside = new Array<boolean>(text.length).fill(false);
  const closers: Record<string, string> = { '“': '”', '‘': '’', '«': '»', '"': '"' };
  let i = 0;
  while (i < text.length) {
    const close = closers[text[i]!];
    const end = close ? text.indexOf(close, i + 1) : -1;
    if (close && end > i) {
      for (let k = i; k <= end; k++) inside[k] = true;
      i = end + 1;
    } else {
      i++;
    }
  }
  return inside;
}

function shouldRemove(ctx: SpacingContext, left: string, right: string): boolean {
  if (OPENS_PHRASE.some((w) => right.startsWith(w))) return false; // rule 1
  const leftWords = ctx.words(left);
  const rightWords = ctx.words(right);
  const l1 = leftWords[leftWords.length - 1] ?? '';
  const l2 = leftWords[leftWords.length - 2] ?? '';
  const r1 = rightWords[0] ?? '';
  // Rule 2. "ไม่ให้" ("not give") is a complete verb phrase, unlike "ให้" ("to", "for").
  if (NEEDS_COMPLEMENT.has(l1) && !(l1 === 'ให้' && l2 === 'ไม่')) return true;
  if (l1 === 'การ' && BEFORE_NOMINAL_KAN.has(l2)) return true;
  return ctx.attests(l1 + r1); // rule 3
}

/**
 * A table cell's text with whitespace collapsed and stray spaces removed as described above.
 * Returns the cleaned text; compare it with collapseSpaces(text) to know whether anything changed.
 */
export function normaliseCellSpacing(text: string, ctx: SpacingContext, changes?: { from: string; to: string }[]): string {
  const s = collapseSpaces(text);
  const quoted = quotedPositions(s);
  let out = '';
  let from = 0;
  for (let i = 1; i < s.length - 1; i++) {
    if (s[i] !== ' ' || quoted[i] || !isThaiWordChar(s[i - 1]) || !isThaiWordChar(s[i + 1])) continue;
    let a = i;
    while (a > 0 && i - a < RUN_LIMIT && isThaiWordChar(s[a - 1])) a--;
    let b = i + 1;
    while (b < s.length && b - i <= RUN_LIMIT && isThaiWordChar(s[b])) b++;
    if (shouldRemove(ctx, s.slice(a, i), s.slice(i + 1, b))) {
      changes?.push({ from: `${s.slice(a, i)} ${s.slice(i + 1, b)}`, to: `${s.slice(a, i)}${s.slice(i + 1, b)}` });
      out += s.slice(from, i);
      from = i + 1;
    }
  }
  return out + s.slice(from);
}
