// The monitoring rhythm as a report schedule: how often each audience receives its report,
// wherever the announcement states it (item 3.9 of the Phichit document, or a monitoring cell).
//
//   "เดือนละ ๒ ครั้ง", "ทุกครึ่งเดือน", "ทุก ๑๕ วัน", "ทุก ๒ สัปดาห์"   → twice-monthly
//   "เดือนละครั้ง", "เดือนละ ๑ ครั้ง", "ทุกเดือน", "รายเดือน"             → monthly
//   "ทุกไตรมาส", "รายไตรมาส", "ไตรมาสละ ๑ ครั้ง", "ทุก ๓ เดือน"          → quarterly
//   "รอบ ๖ เดือน และ ๑๒ เดือน", "ทุก ๖ เดือน", "ปีละ ๒ ครั้ง"            → half-yearly
// Audience: ผู้บริหาร / ผู้อำนวยการกลุ่ม / หัวหน้ากลุ่ม → executives and group directors;
// บุคลากร / เจ้าหน้าที่ / ข้าราชการ / พนักงาน → all staff. A rhythm belongs to the audience named
// closest before it (not further back than the previous rhythm), else to one named just after it.
// The first rhythm found per audience counts.
import type { Cadence } from '../report-cadence';
import type { ParsedSchedule } from './types';
import { collapseSpaces, toArabicDigits } from './thai-text';

const RHYTHMS: [Cadence, RegExp][] = [
  ['twice-monthly', /เดือนละ\s*2\s*ครั้ง|ทุก\s*ครึ่ง\s*เดือน|ทุก\s*15\s*วัน|ทุก\s*2\s*สัปดาห์|ครึ่งเดือนละ\s*(?:1\s*)?ครั้ง/],
  ['monthly', /เดือนละ\s*(?:1\s*)?ครั้ง|ทุก\s*(?:1\s*)?เดือน(?!\s*[0-9])|ราย\s*เดือน/],
  ['quarterly', /ทุก\s*ไตรมาส|ราย\s*ไตรมาส|ไตรมาสละ\s*(?:1\s*)?ครั้ง|ทุก\s*3\s*เดือน/],
  ['half-yearly', /รอบ\s*6\s*เดือน|ทุก\s*6\s*เดือน|ปีละ\s*2\s*ครั้ง|ราย\s*6\s*เดือน/],
];
const ANY_RHYTHM = new RegExp(RHYTHMS.map(([, re]) => re.source).join('|'), 'g');
const EXECUTIVES = /ผู้บริหาร|ผู้อำนวยการกลุ่ม|ผอ\.\s*กลุ่ม|หัวหน้ากลุ่ม|ผู้บังคับบัญชา/g;
const STAFF = /บุคลากร|เจ้าหน้าที่|ข้าราชการ|พนักงาน/g;
const WINDOW_BEFORE = 120;
const WINDOW_AFTER = 60;

function last(re: RegExp, text: string): { index: number; end: number } | null {
  let found: { index: number; end: number } | null = null;
  for (const m of text.matchAll(re)) found = { index: m.index, end: m.index + m[0].length };
  return found;
}

function first(re: RegExp, text: string): { index: number } | null {
  for (const m of text.matchAll(re)) return { index: m.index };
  return null;
}

export function findSchedule(text: string): ParsedSchedule {
  const schedule: ParsedSchedule = { executive: null, staff: null, source: [] };
  // Same indices in both: Thai digits convert one unit for one unit.
  const original = collapseSpaces(text);
  const a = toArabicDigits(original);
  const matches = [...a.matchAll(ANY_RHYTHM)];
  let previousEnd = 0;
  matches.forEach((m, i) => {
    const start = m.index;
    const end = start + m[0].length;
    const cadence = RHYTHMS.find(([, re]) => new RegExp(`^(?:${re.source})$`).test(m[0]))?.[0];
    const windowStart = Math.max(previousEnd, start - WINDOW_BEFORE);
    previousEnd = end;
    if (!cadence) return;
    const before = a.slice(windowStart, start);
    const exec = last(EXECUTIVES, before);
    const staff = last(STAFF, before);
    let audience: 'executive' | 'staff' | null = null;
    let from = start;
    if (exec || staff) {
      audience = (exec?.index ?? -1) > (staff?.index ?? -1) ? 'executive' : 'staff';
      from = windowStart + (audience === 'executive' ? exec! : staff!).index;
    } else {
      const nextStart = matches[i + 1]?.index ?? a.length;
      const after = a.slice(end, Math.min(nextStart, end + WINDOW_AFTER));
      const e = first(EXECUTIVES, after);
      const s = first(STAFF, after);
      if (!e && !s) return;
      audience = (e?.index ?? Infinity) < (s?.index ?? Infinity) ? 'executive' : 'staff';
    }
    // "รอบ ๖ เดือน และ ๑๒ เดือน": quote the 12 months too.
    const tail = /^\s*(?:และ|,)\s*(?:รอบ\s*)?12\s*เดือน/.exec(a.slice(end));
    let quoteEnd = end + (tail ? tail[0].length : 0);
    if (a[quoteEnd] === ')' && a.lastIndexOf('(', start) > from) quoteEnd++;
    if (schedule[audience] !== null) return;
    schedule[audience] = cadence;
    schedule.source.push(original.slice(from, quoteEnd).trim());
  });
  return schedule;
}
