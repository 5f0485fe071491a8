// The announcement importer (worker/domain/announcement): the shipped Phichit 2567 announcement,
// and small synthetic announcements in the same style for every warning and input quirk.
import { describe, expect, it } from 'vitest';
import { parseAnnouncement, type ImportWarning, type KnownGroup, type ParsedAnnouncement } from '../../worker/domain/announcement';
import { PHICHIT_2567_ANNOUNCEMENT } from '../../worker/seed/announcement-phichit-2567';
import { PROVINCIAL_EDUCATION_OFFICE_GROUPS } from '../../worker/seed/office-groups';

const PHICHIT_GROUPS: KnownGroup[] = PROVINCIAL_EDUCATION_OFFICE_GROUPS.map((g, i) => ({ id: `g${i + 1}`, nameTh: g.nameTh }));
const ADMIN = 'g1'; // กลุ่มอำนวยการ
const PERSONNEL = 'g2'; // กลุ่มบริหารงานบุคคล

const codesOf = (r: ParsedAnnouncement) => r.warnings.map((w) => w.code);
const warningsAt = (r: ParsedAnnouncement, code: ImportWarning['code']) => r.warnings.filter((w) => w.code === code);

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

describe('the shipped Phichit 2567 announcement', () => {
  const r = parseAnnouncement(PHICHIT_2567_ANNOUNCEMENT, PHICHIT_GROUPS);
  const measure = (n: number) => r.measures.find((m) => m.number === n)!;

  it('is the source document byte for byte', async () => {
    // sha256sum shared/source-documents/phichit-integrity-measures-2567.th.md
    expect(await sha256(PHICHIT_2567_ANNOUNCEMENT)).toBe('f9186d25544e42af6bf21b9955b63b10140389d5c7861139c49484123a286cbd');
    expect(PHICHIT_2567_ANNOUNCEMENT.split('\t')).toHaveLength(41); // 10 table lines, 4 tabs each
  });

  it('reads the header facts', () => {
    expect(r.title).toBe(
      'มาตรการเพื่อขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน สำนักงานศึกษาธิการจังหวัดพิจิตร ประจำปีงบประมาณ พ.ศ. ๒๕๖๗',
    );
    expect(r.organisationName).toBe('สำนักงานศึกษาธิการจังหวัดพิจิตร');
    expect(r.fiscalYearBE).toBe(2567);
    expect(r.announcedOn).toBe('2024-06-11');
    expect(r.monitoringRhythm).toEqual({ executivesPerMonth: 2, staffPerMonth: 1 });
    expect(r.schedule).toEqual({
      executive: 'twice-monthly',
      staff: 'monthly',
      source: ['ผู้อำนวยการกลุ่ม (เดือนละ ๒ ครั้ง)', 'บุคลากรในสำนักงาน (เดือนละ ๑ ครั้ง)'],
    });
  });

  it('finds seven measures with 2, 2, 3, 4, 3, 2 and 5 steps', () => {
    expect(r.measures.map((m) => m.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(r.measures.map((m) => m.steps.length)).toEqual([2, 2, 3, 4, 3, 2, 5]);
    expect(r.measures.flatMap((m) => m.steps)).toHaveLength(21);
    for (const m of r.measures) expect(m.steps.map((s) => s.number)).toEqual(m.steps.map((_, i) => i + 1));
  });

  it('keeps step texts whole and removes only the stray PDF spaces', () => {
    expect(measure(1).title).toBe('ปรับปรุงระบบสารสนเทศเพื่อการเผยแพร่ข้อมูลต่อสาธารณะ');
    expect(measure(1).steps[0]!.text).toBe('แต่งตั้งคณะทำงานปรับปรุง/พัฒนาเว็บไซต์');
    expect(measure(4).steps.map((s) => s.text)).toEqual([
      'จัดให้มีคู่มือบริหารจัดการข้อร้องเรียน',
      'แต่งตั้งคณะทำงาน',
      'เผยแพร่ข้อมูลไว้บนเว็บไซต์ของหน่วยงาน',
      'จัดช่องทางการร้องเรียนที่หลากหลาย',
    ]);
    // Latin words, quoted slogans and list spaces stay.
    expect(measure(5).steps[2]!.text).toBe('ประกาศนโยบาย No give policy ของผู้บริหาร “ไม่ให้ ไม่รับ ของขวัญ ของกำนัลทุกเทศกาล”');
    expect(measure(6).steps[1]!.text).toBe(
      'สอดแทรกความรู้ แนวคิด วิธีการทำงานที่มองเห็นประโยชน์ส่วนรวมมากกว่าประโยชน์ส่วนตัว เช่นกิจกรรมเข้าแถวเคารพธงชาติ กิจกรรมจิตอาสา',
    );
    // Measure 7 wrapped in narrow PDF columns.
    expect(measure(7).title).toBe('การตรวจสอบการใช้ดุลยพินิจ');
    expect(measure(7).steps.map((s) => s.text)).toEqual([
      'จัดให้มีการประชุมของบุคลากรของหน่วยงาน',
      'ทบทวนกติกา หลักเกณฑ์ในการมอบหมายงาน การประเมินผลงาน การฝึกอบรม การศึกษาดูงานให้ชัดเจน',
      'สื่อสารกติกา หลักเกณฑ์ให้บุคลากรให้เข้าใจ',
      'ผู้บริหารระดับสูงกำกับการปฏิบัติงานให้เป็นไปตามกติกา และหลักเกณฑ์',
      'ตรวจสอบการใช้ดุลยพินิจในการปฏิบัติงานของสำนักงาน เช่น การจ่ายเงินงบประมาณที่เกี่ยวข้อง การบริหารงานบุคคล',
    ]);
  });

  it('reports every space it removed, with the original and the result', () => {
    const spaces = warningsAt(r, 'spaces-normalised');
    expect(spaces.every((w) => w.severity === 'info' && w.from && w.to && w.from.replace(/ /g, '') === w.to.replace(/ /g, ''))).toBe(true);
    expect(spaces).toContainEqual(
      expect.objectContaining({ from: 'การตรวจสอบการใช้ ดุลยพินิจ', to: 'การตรวจสอบการใช้ดุลยพินิจ', location: expect.stringContaining('measure 7') }),
    );
    expect(spaces).toContainEqual(
      expect.objectContaining({ from: 'สรุปและ วิเคราะห์ผล ประเมินเสนอต่อ ผู้บังคับบัญชา', to: 'สรุปและวิเคราะห์ผลประเมินเสนอต่อผู้บังคับบัญชา' }),
    );
    // Group names broken by stray spaces are repaired words too.
    expect(spaces.filter((w) => w.location.includes('responsible')).map((w) => [w.location, w.from, w.to])).toEqual([
      ['มาตรการ 1, ผู้รับผิดชอบ / measure 1, responsible', 'กลุ่ม อำนวยการ', 'กลุ่มอำนวยการ'],
      ['มาตรการ 2, ผู้รับผิดชอบ / measure 2, responsible', 'กลุ่ม อำนวยการ', 'กลุ่มอำนวยการ'],
      ['มาตรการ 4, ผู้รับผิดชอบ / measure 4, responsible', 'กลุ่ม บริหารงาน บุคคล', 'กลุ่มบริหารงานบุคคล'],
    ]);
  });

  it('resolves the responsible groups, correcting the "อำนาจการ" typo', () => {
    expect(r.measures.map((m) => m.responsibleText)).toEqual([
      'กลุ่ม อำนวยการ',
      'กลุ่ม อำนวยการ',
      'กลุ่ม อำนาจการ',
      'กลุ่ม บริหารงาน บุคคล',
      'อำนาจการ และทุกกลุ่ม งาน',
      'อำนาจการ และทุกกลุ่ม งาน',
      'อำนวยการ และทุกกลุ่ม งาน',
    ]);
    expect(r.measures.map((m) => m.leadGroupId)).toEqual([ADMIN, ADMIN, ADMIN, PERSONNEL, ADMIN, ADMIN, ADMIN]);
    expect(measure(4).leadGroupName).toBe('กลุ่มบริหารงานบุคคล');
    expect(r.measures.map((m) => m.allGroups)).toEqual([false, false, false, false, true, true, true]);

    const corrected = warningsAt(r, 'group-corrected');
    expect(corrected.map((w) => w.location)).toEqual(['มาตรการ 3 / measure 3', 'มาตรการ 5 / measure 5', 'มาตรการ 6 / measure 6']);
    expect(corrected[0]).toMatchObject({ severity: 'warning', from: 'กลุ่ม อำนาจการ', to: 'กลุ่มอำนวยการ' });
    expect(corrected[1]).toMatchObject({ from: 'อำนาจการ', to: 'กลุ่มอำนวยการ' });
    expect(warningsAt(r, 'every-group').map((w) => w.location)).toEqual([
      'มาตรการ 5 / measure 5',
      'มาตรการ 6 / measure 6',
      'มาตรการ 7 / measure 7',
    ]);
    expect(codesOf(r)).not.toContain('group-unknown');
  });

  it('splits the monitoring requirements of every measure into the same two entries', () => {
    for (const m of r.measures) {
      expect(m.monitoring).toEqual(['สรุปและวิเคราะห์ผลประเมินเสนอต่อผู้บังคับบัญชา', 'แจ้งผลการดำเนินการให้บุคลากรในสังกัดทราบ']);
    }
  });

  it('keeps the numbered sections in order, including the duplicated item 1.5', () => {
    expect(r.sections.map((s) => s.number)).toEqual(['1', '2', '1', '2', '3']);
    const [first] = r.sections;
    expect(first!.title).toBe('การกำหนดผู้รับผิดชอบตัวชี้วัดหรือผู้เกี่ยวข้อง และขั้นตอน วิธีการในการปฏิบัติงาน');
    expect(first!.items.map((i) => i.number)).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5', '1.5']);
    expect(first!.items[1]!.text).toContain('ที่ ๓๒/๒๕๖๗');
    expect(r.sections[3]!.items.map((i) => i.text)).toContain('การตรวจสอบการใช้ดุลยพินิจ');
    expect(r.sections[4]!.items.map((i) => i.number)).toEqual(['3.1', '3.2', '3.3', '3.4', '3.5', '3.6', '3.7', '3.8', '3.9']);

    const duplicates = warningsAt(r, 'duplicate-item');
    expect(duplicates).toHaveLength(1);
    expect(duplicates[0]).toMatchObject({ severity: 'warning', location: 'ข้อ 1.5 / item 1.5' });
    expect(duplicates[0]!.from).toContain('เร่งรัด');
    expect(duplicates[0]!.to).toContain('เฝ้าระวัง');
    expect(duplicates[0]!.messageTh).toContain('เร่งรัด');
    expect(duplicates[0]!.messageEn).toContain('เฝ้าระวัง');
  });

  it('reads the same measures when the table arrives without tabs (one line per cell)', () => {
    const lines = parseAnnouncement(PHICHIT_2567_ANNOUNCEMENT.replace(/\t/g, '\n'), PHICHIT_GROUPS);
    const board = (x: ParsedAnnouncement) => x.measures.map(({ number, title, steps, leadGroupId, groupIds, allGroups, monitoring }) => ({ number, title, steps, leadGroupId, groupIds, allGroups, monitoring }));
    expect(board(lines)).toEqual(board(r));
    expect(lines.sections.map((s) => s.items.length)).toEqual(r.sections.map((s) => s.items.length));
    expect(lines.schedule).toEqual(r.schedule);
  });

  it('notes the Thai digits once and nothing it did not find', () => {
    expect(warningsAt(r, 'thai-digits')).toHaveLength(1);
    expect(warningsAt(r, 'thai-digits')[0]!.severity).toBe('info');
    expect(codesOf(r)).not.toContain('step-numbering');
    expect(codesOf(r)).not.toContain('no-measures');
    for (const w of r.warnings) {
      expect(w.messageTh).toMatch(/[ก-๙]/);
      expect(w.messageEn).toMatch(/[A-Za-z]/);
      expect(w.location).not.toBe('');
    }
  });
});

// Another office, with other groups, Arabic digits and Windows line endings.
const NAKHON_GROUPS: KnownGroup[] = [
  { id: 'adm', nameTh: 'กลุ่มอำนวยการ' },
  { id: 'fin', nameTh: 'กลุ่มบริหารงานการเงินและสินทรัพย์' },
  { id: 'law', nameTh: 'กลุ่มกฎหมายและคดี' },
  { id: 'ict', nameTh: 'กลุ่มส่งเสริมการศึกษาทางไกล เทคโนโลยีสารสนเทศและการสื่อสาร' },
  { id: 'audit', nameTh: 'หน่วยตรวจสอบภายใน' },
];
const HEADER = 'ที่\tมาตรการ/แนวทาง\tขั้นตอน/วิธีดำเนินการ\tผู้รับผิดชอบ\tการกำกับติดตาม/รายงานผล';

function announcement(...rows: string[]): string {
  return [
    'ประกาศสำนักงานเขตพื้นที่การศึกษาประถมศึกษานครสวรรค์ เขต 1',
    'เรื่อง มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. 2568',
    '',
    '1. ดำเนินการตามมาตรการภายใน',
    '',
    '1.1 เผยแพร่ข้อมูลต่อสาธารณะ',
    '1.2 รายงานความก้าวหน้าในที่ประชุมผู้บริหาร (เดือนละครั้ง)',
    '',
    HEADER,
    ...rows,
    '',
    'ประกาศ ณ วันที่ 3 มีนาคม พ.ศ. 2568',
  ].join('\r\n');
}

describe('another office in the same style', () => {
  it('reads Arabic digits and CRLF line endings, matching its own groups exactly', () => {
    const r = parseAnnouncement(
      announcement(
        '1\tการเปิดเผยข้อมูล\t1. จัดทำประกาศ 2. เผยแพร่บนเว็บไซต์\tกลุ่มส่งเสริมการศึกษาทางไกล เทคโนโลยีสารสนเทศและการสื่อสาร\t1. รายงานผู้บริหาร 2. แจ้งบุคลากร',
        '2\tการจัดซื้อจัดจ้าง\t1. จัดทำแผนจัดซื้อ\tกลุ่มบริหารงานการเงิน และสินทรัพย์\t1. รายงานผู้บริหาร',
      ),
      NAKHON_GROUPS,
    );
    expect(r.organisationName).toBe('สำนักงานเขตพื้นที่การศึกษาประถมศึกษานครสวรรค์ เขต 1');
    expect(r.title).toBe('มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. 2568');
    expect(r.fiscalYearBE).toBe(2568);
    expect(r.announcedOn).toBe('2025-03-03');
    expect(r.monitoringRhythm).toEqual({ executivesPerMonth: 1, staffPerMonth: null });
    expect(r.measures.map((m) => [m.number, m.leadGroupId, m.steps.length])).toEqual([
      [1, 'ict', 2],
      [2, 'fin', 1],
    ]);
    expect(r.measures[0]!.monitoring).toEqual(['รายงานผู้บริหาร', 'แจ้งบุคลากร']);
    expect(JSON.stringify(r)).not.toContain('\r');
    expect(r.sections).toEqual([
      {
        number: '1',
        title: 'ดำเนินการตามมาตรการภายใน',
        items: [
          { number: '1.1', text: 'เผยแพร่ข้อมูลต่อสาธารณะ' },
          { number: '1.2', text: 'รายงานความก้าวหน้าในที่ประชุมผู้บริหาร (เดือนละครั้ง)' },
        ],
      },
    ]);
    expect(r.schedule).toEqual({ executive: 'monthly', staff: null, source: ['ผู้บริหาร (เดือนละครั้ง)'] });
    // The stray space in a group's name is a repaired word; only the staff's rhythm is missing:
    // the default applies, and the preview says so.
    expect(r.warnings).toEqual([
      expect.objectContaining({
        code: 'spaces-normalised',
        location: 'มาตรการ 2, ผู้รับผิดชอบ / measure 2, responsible',
        changes: [{ from: 'กลุ่มบริหารงานการเงิน และสินทรัพย์', to: 'กลุ่มบริหารงานการเงินและสินทรัพย์' }],
      }),
      expect.objectContaining({ code: 'schedule-not-found', severity: 'info' }),
    ]);
    expect(r.warnings[1]!.messageEn).toContain('monthly to all staff');
  });

  it('corrects a misspelt group name and says so', () => {
    const r = parseAnnouncement(announcement('1\tการจัดการเรื่องร้องเรียน\t1. จัดทำคู่มือ\tกลุ่มกฏหมายและคดี\t1. รายงานผล'), NAKHON_GROUPS);
    expect(r.measures[0]).toMatchObject({ leadGroupId: 'law', leadGroupName: 'กลุ่มกฎหมายและคดี', responsibleText: 'กลุ่มกฏหมายและคดี' });
    expect(warningsAt(r, 'group-corrected')).toEqual([
      expect.objectContaining({ severity: 'warning', location: 'มาตรการ 1 / measure 1', from: 'กลุ่มกฏหมายและคดี', to: 'กลุ่มกฎหมายและคดี' }),
    ]);
  });

  it('leaves an unknown or ambiguous group unassigned with a warning', () => {
    const groups: KnownGroup[] = [...NAKHON_GROUPS, { id: 'p1', nameTh: 'กลุ่มแผนงาน' }, { id: 'p2', nameTh: 'กลุ่มแผนเงิน' }];
    const r = parseAnnouncement(
      announcement(
        '1\tการเปิดเผยข้อมูล\t1. จัดทำข่าว\tกลุ่มประชาสัมพันธ์\t1. รายงานผล',
        '2\tการวางแผน\t1. จัดทำแผน\tกลุ่มแผนงิน\t1. รายงานผล',
        '3\tการประชุม\t1. จัดประชุม\t\t1. รายงานผล',
      ),
      groups,
    );
    expect(r.measures.map((m) => m.leadGroupId)).toEqual([null, null, null]);
    const unknown = warningsAt(r, 'group-unknown');
    expect(unknown.map((w) => [w.location, w.from, w.severity])).toEqual([
      ['มาตรการ 1 / measure 1', 'กลุ่มประชาสัมพันธ์', 'warning'],
      ['มาตรการ 2 / measure 2', 'กลุ่มแผนงิน', 'warning'],
      ['มาตรการ 3 / measure 3', '', 'warning'],
    ]);
    expect(unknown[1]!.messageEn).toContain('กลุ่มแผนงาน');
  });

  it('reads "every group" with any spacing, with or without a lead group', () => {
    const r = parseAnnouncement(
      announcement(
        '1\tการป้องกันการรับสินบน\t1. ประกาศนโยบาย\tหน่วยตรวจสอบ ภายใน และ ทุก กลุ่มงาน\t1. รายงานผล',
        '2\tการป้องกันผลประโยชน์ทับซ้อน\t1. จัดอบรม\tทุกกลุ่มงาน\t1. รายงานผล',
      ),
      NAKHON_GROUPS,
    );
    expect(r.measures.map((m) => [m.leadGroupId, m.allGroups])).toEqual([
      ['audit', true],
      [null, true],
    ]);
    expect(warningsAt(r, 'every-group').map((w) => [w.severity, w.to])).toEqual([
      ['info', 'หน่วยตรวจสอบภายใน'],
      ['info', undefined],
    ]);
    expect(codesOf(r)).not.toContain('group-unknown');
  });

  it('takes the first of several named groups as the lead, the others take part, and ignores remarks in parentheses', () => {
    const r = parseAnnouncement(
      announcement(
        '1\tการจัดการเรื่องร้องเรียน\t1. จัดทำคู่มือ\tกลุ่มกฎหมายและคดี และกลุ่มอำนวยการ\t1. รายงานผล',
        '2\tการจัดซื้อจัดจ้าง\t1. จัดทำแผน\tกลุ่มอำนวยการ (งานพัสดุ)\t1. รายงานผล',
      ),
      NAKHON_GROUPS,
    );
    expect(r.measures.map((m) => [m.leadGroupId, m.groupIds, m.allGroups])).toEqual([
      ['law', ['adm'], false],
      ['adm', [], false],
    ]);
    expect(r.warnings.filter((w) => w.code !== 'schedule-not-found')).toEqual([]);
  });

  it('strips zero-width characters, non-breaking spaces, a BOM and Markdown, and recomposes SARA AM', () => {
    const text = `\ufeff**${announcement(
      '1\tการเปิด\u200bเผยข้อมูล\t1.\u00a0จัดทำประกาศ\u00a02.\u00a0เผยแพร่\tกลุ่ม\u200bอํานวยการ\t1. รายงานผล',
    )}**`.replace('1. ดำเนินการ', '## 1. ดำเนินการ');
    const r = parseAnnouncement(text, NAKHON_GROUPS);
    expect(r.organisationName).toBe('สำนักงานเขตพื้นที่การศึกษาประถมศึกษานครสวรรค์ เขต 1');
    expect(r.sections[0]!.title).toBe('ดำเนินการตามมาตรการภายใน');
    expect(r.measures[0]).toMatchObject({ title: 'การเปิดเผยข้อมูล', leadGroupId: 'adm' });
    expect(r.measures[0]!.steps).toEqual([
      { number: 1, text: 'จัดทำประกาศ' },
      { number: 2, text: 'เผยแพร่' },
    ]);
    expect(codesOf(r)).not.toContain('group-corrected');
  });

  it('follows a table split over pages, mapping columns by header text', () => {
    const r = parseAnnouncement(
      announcement(
        '1\tการเปิดเผยข้อมูล\t1. จัดทำประกาศ 2. เผยแพร่\tกลุ่มอำนวยการ\t1. รายงานผล',
        '- 2 -', // the page number printed at the top of the next page
        // Next page: header repeats with another column order, an extra column and a stray space.
        'ที่\tมาตรการ/แนวทาง\tผู้รับผิดชอบ\tระยะเวลา\tขั้นตอน/วิธีดำเนินการ\tการกำกับติดตาม/ รายงานผล',
        '2\tการจัดซื้อจัดจ้าง\tกลุ่มบริหารงานการเงินและสินทรัพย์\tต.ค. 2567 - ก.ย. 2568\t1. จัดทำแผน 2. ประกาศแผน\t1. รายงานผล 2. แจ้งบุคลากร',
        // A row whose steps cell wrapped onto the next line, without a leading number.
        '3\tการป้องกันการรับสินบน\tหน่วยตรวจสอบภายใน\tตลอดปี\t1. ประกาศนโยบาย No Gift Policy 2. จัดกิจกรรมรณรงค์',
        'ในสำนักงาน 3. รายงานผล\t1. สรุปผล',
      ),
      NAKHON_GROUPS,
    );
    expect(r.measures.map((m) => [m.number, m.leadGroupId, m.steps.length, m.monitoring.length])).toEqual([
      [1, 'adm', 2, 1],
      [2, 'fin', 2, 2],
      [3, 'audit', 3, 1],
    ]);
    expect(r.measures[0]!.monitoring).toEqual(['รายงานผล']);
    expect(r.measures[1]!.steps[1]!.text).toBe('ประกาศแผน');
    expect(r.measures[2]!.steps.map((s) => s.text)).toEqual([
      'ประกาศนโยบาย No Gift Policy',
      'จัดกิจกรรมรณรงค์ ในสำนักงาน',
      'รายงานผล',
    ]);
    expect(r.measures[2]!.monitoring).toEqual(['สรุปผล']);
    // The extra column is the timeline: it gives the due date, and leaks into no other field.
    expect(r.measures.map((m) => [m.timeline, m.dueOn])).toEqual([
      ['', null],
      ['ต.ค. 2567 - ก.ย. 2568', '2025-09-30'],
      ['ตลอดปี', '2025-09-30'],
    ]);
    expect(JSON.stringify(r.measures.map((m) => [m.title, m.steps, m.monitoring, m.responsibleText]))).not.toContain('ตลอดปี');
  });

  it('splits steps only on the next number followed by a dot', () => {
    const r = parseAnnouncement(
      announcement(
        '1\tการเปิดเผยข้อมูล\t1. ออกคำสั่งที่ 32/2567 ลงวันที่ 11 มิถุนายน 2567 ตามข้อ 2.1 ของคู่มือ 2. เผยแพร่ภายใน 3 วัน 3. รายงานผลทุก 3 เดือน\tกลุ่มอำนวยการ\t1. รายงานผล',
      ),
      NAKHON_GROUPS,
    );
    expect(r.measures[0]!.steps).toEqual([
      { number: 1, text: 'ออกคำสั่งที่ 32/2567 ลงวันที่ 11 มิถุนายน 2567 ตามข้อ 2.1 ของคู่มือ' },
      { number: 2, text: 'เผยแพร่ภายใน 3 วัน' },
      { number: 3, text: 'รายงานผลทุก 3 เดือน' },
    ]);
    expect(codesOf(r)).not.toContain('step-numbering');
  });

  it('warns when steps are not numbered 1..n', () => {
    const r = parseAnnouncement(
      announcement(
        '1\tการเปิดเผยข้อมูล\t1. จัดทำประกาศ 2. เผยแพร่ 4. ติดตามผล\tกลุ่มอำนวยการ\t1. รายงานผล',
        '2\tการจัดซื้อจัดจ้าง\t2. จัดทำแผน 3. ประกาศแผน\tกลุ่มอำนวยการ\t1. รายงานผล',
      ),
      NAKHON_GROUPS,
    );
    expect(r.measures[0]!.steps.map((s) => [s.number, s.text])).toEqual([
      [1, 'จัดทำประกาศ'],
      [2, 'เผยแพร่'],
      [4, 'ติดตามผล'],
    ]);
    expect(r.measures[1]!.steps.map((s) => s.number)).toEqual([2, 3]);
    expect(warningsAt(r, 'step-numbering').map((w) => [w.severity, w.location, w.from])).toEqual([
      ['warning', 'มาตรการ 1, ขั้นตอน / measure 1, steps', '1, 2, 4'],
      ['warning', 'มาตรการ 2, ขั้นตอน / measure 2, steps', '2, 3'],
    ]);
  });

  it('removes wrap spaces in cells but keeps spaces around numbers, Latin words and list items', () => {
    const r = parseAnnouncement(
      announcement(
        '1\tการส่งเสริมคุณธรรม\t1. จัดให้มีการประชุมของ คณะทำงาน 2. ส่งเสริมคุณธรรม จริยธรรม และความซื่อสัตย์ 3. ประกาศนโยบาย No Gift Policy ภายใน 30 วัน\tกลุ่มอำนวยการ\t1. รายงานผลต่อ ผู้บังคับบัญชา',
      ),
      NAKHON_GROUPS,
    );
    expect(r.measures[0]!.steps.map((s) => s.text)).toEqual([
      'จัดให้มีการประชุมของคณะทำงาน',
      'ส่งเสริมคุณธรรม จริยธรรม และความซื่อสัตย์',
      'ประกาศนโยบาย No Gift Policy ภายใน 30 วัน',
    ]);
    expect(r.measures[0]!.monitoring).toEqual(['รายงานผลต่อผู้บังคับบัญชา']);
    expect(warningsAt(r, 'spaces-normalised').map((w) => [w.from, w.to])).toEqual([
      ['จัดให้มีการประชุมของ คณะทำงาน', 'จัดให้มีการประชุมของคณะทำงาน'],
      ['รายงานผลต่อ ผู้บังคับบัญชา', 'รายงานผลต่อผู้บังคับบัญชา'],
    ]);
    // Body text outside the table is never changed.
    expect(parseAnnouncement('1. ดำเนินการของ หน่วยงาน', []).sections[0]!.title).toBe('ดำเนินการของ หน่วยงาน');
  });

  it('reads a Markdown pipe table as well as a tab-separated one', () => {
    const text = [
      '| ที่ | มาตรการ/แนวทาง | ขั้นตอน/วิธีดำเนินการ | ผู้รับผิดชอบ | การกำกับติดตาม/รายงานผล |',
      '|---|---|---|---|---|',
      '| 1 | การเปิดเผยข้อมูล | 1. จัดทำประกาศ<br>2. เผยแพร่ | **กลุ่มอำนวยการ** | 1. รายงานผล |',
    ].join('\n');
    const r = parseAnnouncement(text, NAKHON_GROUPS);
    expect(r.measures).toEqual([
      {
        number: 1,
        title: 'การเปิดเผยข้อมูล',
        steps: [
          { number: 1, text: 'จัดทำประกาศ' },
          { number: 2, text: 'เผยแพร่' },
        ],
        responsibleText: 'กลุ่มอำนวยการ',
        leadGroupId: 'adm',
        leadGroupName: 'กลุ่มอำนวยการ',
        groupIds: [],
        groupNames: [],
        responsibleNames: [{ text: 'กลุ่มอำนวยการ', groupId: 'adm', groupName: 'กลุ่มอำนวยการ' }],
        allGroups: false,
        monitoring: ['รายงานผล'],
        timeline: '',
        dueOn: null,
      },
    ]);
  });

  it('warns about a repeated item number, even with identical text', () => {
    const r = parseAnnouncement('๑. เตรียมการ\n\n๑.๑ ศึกษาคู่มือ\n\n๑.๑ ศึกษาคู่มือ\n\n๒. ดำเนินการ\n\n๒.๑ ศึกษาคู่มือ', []);
    expect(r.sections.map((s) => [s.number, s.items.map((i) => i.number)])).toEqual([
      ['1', ['1.1', '1.1']],
      ['2', ['2.1']],
    ]);
    expect(warningsAt(r, 'duplicate-item')).toEqual([
      expect.objectContaining({ severity: 'warning', location: 'ข้อ 1.1 / item 1.1', from: 'ศึกษาคู่มือ', to: 'ศึกษาคู่มือ' }),
    ]);
    expect(codesOf(r)).toEqual(['thai-digits', 'duplicate-item', 'no-measures']);
  });

  it('returns no measures and an error when there is no table', () => {
    const r = parseAnnouncement('ประกาศ\nสำนักงานตัวอย่าง\nเรื่อง ทดสอบ\n\nไม่มีตาราง', NAKHON_GROUPS);
    expect(r.measures).toEqual([]);
    expect(r.organisationName).toBe('สำนักงานตัวอย่าง');
    expect(r.title).toBe('ทดสอบ');
    expect(r.fiscalYearBE).toBeNull();
    expect(r.announcedOn).toBeNull();
    expect(r.monitoringRhythm).toEqual({ executivesPerMonth: null, staffPerMonth: null });
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'no-measures', severity: 'error' })]);
  });

  it('rejects impossible dates and prefers the fiscal year the announcement is for', () => {
    const r = parseAnnouncement(
      'ผลในปีงบประมาณ พ.ศ. 2566 ต่ำ จึงกำหนดมาตรการ ประจำปีงบประมาณ 2567\nประกาศ ณ วันที่ 31 เมษายน พ.ศ. 2567',
      [],
    );
    expect(r.fiscalYearBE).toBe(2567);
    expect(r.announcedOn).toBeNull();
  });
});

describe('input that is not an announcement', () => {
  const random = (length: number, alphabet: string) => {
    const chars = Array.from(alphabet);
    let out = '';
    for (let i = 0; i < length; i++) out += chars[(i * 7919 + ((i * i) % 104729)) % chars.length];
    return out;
  };

  it.each([
    ['empty', ''],
    ['whitespace', ' \t\r\n\u00a0\u200b'],
    ['HTML', '<html><body><table><tr><td>1</td><td>มาตรการ</td></tr></table><script>alert(1)</script></body></html>'],
    ['emoji', '🙂👍🏽\t๑\t🚀\n'.repeat(50)],
    ['lone surrogates', '\ud800\t\udfff\n1\t\ud83d'],
    ['Thai noise', random(5_000, 'กขคง ๑๒๓.\t\n่้ำะา')],
  ])('never throws on %s', (_name, text) => {
    const r = parseAnnouncement(text, PHICHIT_GROUPS);
    expect(Array.isArray(r.measures)).toBe(true);
    expect(Array.isArray(r.warnings)).toBe(true);
    expect(() => JSON.stringify(r)).not.toThrow();
  });

  it('never throws on non-string input from untyped callers', () => {
    const r = parseAnnouncement(undefined as unknown as string, null as unknown as KnownGroup[]);
    expect(r.measures).toEqual([]);
    expect(codesOf(r)).toEqual(['no-measures']);
  });

  it('handles 1 MB of text, and a 1 MB table, in reasonable time', () => {
    const noise = random(1_000_000, 'กขคงจฉชซ ๑๒.๓\t\nabc<>/"“”');
    const started = Date.now();
    expect(() => parseAnnouncement(noise, PHICHIT_GROUPS)).not.toThrow();
    const row = '1\tการป้องกัน การรับ สินบน\t1. จัดให้มี มาตรการ 2. ประกาศ ของ หน่วยงาน\tกลุ่ม อำนาจการ และทุกกลุ่ม งาน\t1. รายงาน ผล\n';
    const copies = Math.ceil(1_000_000 / row.length);
    const r = parseAnnouncement(HEADER + '\n' + row.repeat(copies), PHICHIT_GROUPS);
    expect(r.measures).toHaveLength(copies);
    // Rule 2 of the spacing rule ("ของ" needs its complement) applies; nothing attests the others.
    expect(r.measures.at(-1)!.steps.map((s) => s.text)).toEqual(['จัดให้มี มาตรการ', 'ประกาศ ของหน่วยงาน']);
    expect(r.measures.at(-1)).toEqual({ ...r.measures[0]!, number: 1 });
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 30_000);
});
