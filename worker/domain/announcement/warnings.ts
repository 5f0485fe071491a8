// Import warnings: one place for their codes, severities and bilingual wording.
import type { ImportWarning } from './types';

export function measureLocation(n: number, fieldTh?: string, fieldEn?: string): string {
  return fieldTh && fieldEn ? `มาตรการ ${n}, ${fieldTh} / measure ${n}, ${fieldEn}` : `มาตรการ ${n} / measure ${n}`;
}

export function thaiDigits(): ImportWarning {
  return {
    code: 'thai-digits',
    severity: 'info',
    messageTh: 'เอกสารใช้เลขไทย ระบบแปลงเลขลำดับเป็นเลขอารบิกแล้ว ข้อความคงเลขไทยตามต้นฉบับ',
    messageEn: 'The document uses Thai digits; numbering was converted to Arabic digits, text keeps the original digits.',
    location: 'ทั้งเอกสาร / whole document',
  };
}

export function noMeasures(): ImportWarning {
  return {
    code: 'no-measures',
    severity: 'error',
    messageTh: 'ไม่พบตารางมาตรการ (บรรทัดที่คั่นช่องด้วยแท็บ เริ่มด้วยเลขที่ของมาตรการ) จึงไม่มีมาตรการที่นำเข้าได้',
    messageEn: 'No table of measures was found (lines with tab-separated cells starting with a measure number), so there is nothing to import.',
    location: 'ทั้งเอกสาร / whole document',
  };
}

export function spacesNormalised(location: string, from: string, to: string, changes: { from: string; to: string }[] = []): ImportWarning {
  const list = changes.map((c) => `«${c.from}» → «${c.to}»`).join(', ');
  return {
    code: 'spaces-normalised',
    severity: 'info',
    messageTh: list ? `ตัดช่องว่างที่เกิดจากการตัดบรรทัดในตารางของไฟล์ PDF ออก: ${list}` : 'ตัดช่องว่างที่เกิดจากการตัดบรรทัดในตารางของไฟล์ PDF ออก',
    messageEn: list ? `Removed spaces left by line wrapping in the PDF table: ${list}` : 'Removed spaces left by line wrapping in the PDF table.',
    location,
    from,
    to,
    ...(changes.length ? { changes } : {}),
  };
}

export function dueDateUnreadable(n: number, text: string, reason: 'unreadable' | 'no-fiscal-year'): ImportWarning {
  return {
    code: 'due-date-unreadable',
    severity: 'warning',
    messageTh:
      reason === 'no-fiscal-year'
        ? `ระยะเวลา "${text}" ไม่ระบุปี และไม่ทราบปีงบประมาณ จึงไม่ได้กำหนดวันครบกำหนด โปรดกำหนดเองหลังนำเข้า`
        : `อ่านระยะเวลา "${text}" เป็นวันที่ไม่ได้ จึงไม่ได้กำหนดวันครบกำหนด โปรดกำหนดเองหลังนำเข้า`,
    messageEn:
      reason === 'no-fiscal-year'
        ? `The timeline "${text}" names no year and the fiscal year is unknown, so no due date was set; set it after importing.`
        : `The timeline "${text}" could not be read as a date, so no due date was set; set it after importing.`,
    location: measureLocation(n, 'ระยะเวลา', 'timeline'),
    from: text,
  };
}

export function scheduleNotFound(missing: readonly ('executive' | 'staff')[]): ImportWarning {
  const th = missing.map((a) => (a === 'executive' ? 'รายงานผู้บริหารและผู้อำนวยการกลุ่มเดือนละ 2 ครั้ง' : 'รายงานบุคลากรเดือนละครั้ง')).join(' และ');
  const en = missing.map((a) => (a === 'executive' ? 'twice a month to executives and group directors' : 'monthly to all staff')).join(', and ');
  const both = missing.length === 2;
  return {
    code: 'schedule-not-found',
    severity: 'info',
    messageTh: `${both ? 'ประกาศไม่ได้ระบุความถี่ในการรายงานผล' : 'ประกาศไม่ได้ระบุความถี่ในการรายงานผลสำหรับบางกลุ่มผู้รับรายงาน'} จึงใช้ค่าเริ่มต้น: ${th}`,
    messageEn: `${both ? 'The announcement states no reporting rhythm' : 'The announcement states no reporting rhythm for one audience'}, so the default applies: ${en}.`,
    location: 'ทั้งเอกสาร / whole document',
  };
}

export function groupCorrected(n: number, from: string, to: string): ImportWarning {
  return {
    code: 'group-corrected',
    severity: 'warning',
    messageTh: `ผู้รับผิดชอบ "${from}" ไม่ตรงกับชื่อกลุ่มใด จึงใช้กลุ่มที่ใกล้เคียงที่สุด "${to}" โปรดตรวจสอบ`,
    messageEn: `The responsible group "${from}" matches no group exactly; the closest group "${to}" was used. Please check.`,
    location: measureLocation(n),
    from,
    to,
  };
}

export function groupUnknown(n: number, from: string, candidates: string[]): ImportWarning {
  const empty = from.trim() === '';
  const tie = candidates.length > 1 ? candidates.join(', ') : '';
  return {
    code: 'group-unknown',
    severity: 'warning',
    messageTh: empty
      ? 'ไม่ได้ระบุผู้รับผิดชอบ โปรดเลือกกลุ่มที่รับผิดชอบเอง'
      : tie
        ? `ผู้รับผิดชอบ "${from}" ใกล้เคียงกับหลายกลุ่มเท่ากัน (${tie}) จึงไม่ได้กำหนดกลุ่ม โปรดเลือกเอง`
        : `ไม่พบกลุ่มที่ตรงหรือใกล้เคียงกับผู้รับผิดชอบ "${from}" จึงไม่ได้กำหนดกลุ่ม โปรดเลือกเอง`,
    messageEn: empty
      ? 'No responsible group is given; please choose one.'
      : tie
        ? `The responsible group "${from}" is equally close to several groups (${tie}); none was assigned. Please choose one.`
        : `No group matches or resembles the responsible group "${from}"; none was assigned. Please choose one.`,
    location: measureLocation(n),
    from,
  };
}

export function everyGroup(n: number, from: string, lead: string | null): ImportWarning {
  return {
    code: 'every-group',
    severity: 'info',
    messageTh: lead
      ? `"${from}" หมายถึง ${lead} เป็นผู้นำ และทุกกลุ่มงานมีส่วนร่วม`
      : `"${from}" หมายถึง ทุกกลุ่มงานมีส่วนร่วม โดยไม่มีกลุ่มใดเป็นผู้นำ`,
    messageEn: lead
      ? `"${from}" means ${lead} leads and every group takes part.`
      : `"${from}" means every group takes part, with no lead group.`,
    location: measureLocation(n),
    from,
    ...(lead ? { to: lead } : {}),
  };
}

export function stepNumbering(n: number, kindTh: string, kindEn: string, numbers: number[]): ImportWarning {
  const found = numbers.join(', ');
  const location = measureLocation(n, kindTh, kindEn);
  if (numbers.length === 0) {
    return {
      code: 'step-numbering',
      severity: 'warning',
      messageTh: `มาตรการ ${n} ไม่มี${kindTh} โปรดเพิ่มเองหลังนำเข้า`,
      messageEn: `Measure ${n} has no ${kindEn}; add them after importing.`,
      location,
    };
  }
  return {
    code: 'step-numbering',
    severity: 'warning',
    messageTh: `${kindTh}ของมาตรการ ${n} ไม่ได้เรียงเลข 1 ถึง ${numbers.length} (พบ ${found}) โปรดตรวจสอบว่าไม่มีข้อตกหล่น`,
    messageEn: `The ${kindEn} of measure ${n} are not numbered 1 to ${numbers.length} (found ${found}); check that nothing is missing.`,
    location,
    from: found,
  };
}

/** The words where two texts differ: the common leading and trailing words are dropped. */
function difference(a: string, b: string): [string, string] {
  const x = a.split(' ');
  const y = b.split(' ');
  let head = 0;
  while (head < x.length && head < y.length && x[head] === y[head]) head++;
  let tail = 0;
  while (tail < x.length - head && tail < y.length - head && x[x.length - 1 - tail] === y[y.length - 1 - tail]) tail++;
  return [x.slice(head, x.length - tail).join(' '), y.slice(head, y.length - tail).join(' ')];
}

export function duplicateItem(number: string, first: string, second: string): ImportWarning {
  const [a, b] = difference(first, second);
  const same = a === '' && b === '';
  return {
    code: 'duplicate-item',
    severity: 'warning',
    messageTh: same
      ? `ข้อ ${number} ปรากฏสองครั้งด้วยข้อความเดียวกัน โปรดตรวจสอบว่าควรมีเพียงข้อเดียว`
      : `ข้อ ${number} ปรากฏสองครั้ง ข้อความต่างกันที่ "${a}" กับ "${b}" โปรดตรวจสอบว่าข้อใดถูกต้อง`,
    messageEn: same
      ? `Item ${number} appears twice with the same text; check whether only one was meant.`
      : `Item ${number} appears twice; the texts differ in "${a}" versus "${b}". Check which one is intended.`,
    location: `ข้อ ${number} / item ${number}`,
    from: first,
    to: second,
  };
}
