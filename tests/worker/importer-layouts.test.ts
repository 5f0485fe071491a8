// The importer on four announcements of our own, each in another layout an office may paste:
// A. a PDF viewer's copy that lost the table (no tabs: one line per cell and per wrapped line);
// B. a tab-separated table with wrapped rows, page artefacts and a timeline column;
// C. a table with "(1)" numbering, an unnumbered step, a misspelt and an unknown group, and no
//    stated rhythm;
// D. a Markdown pipe table with "๑)" numbering and groups separated by "/" and ",".
// Every measure, step, group, due date and cadence is checked.
import { describe, expect, it } from 'vitest';
import { dueDateFromTimeline, parseAnnouncement, type KnownGroup, type ParsedAnnouncement, type ParsedMeasure } from '../../worker/domain/announcement';

const GROUPS: KnownGroup[] = [
  { id: 'adm', nameTh: 'กลุ่มอำนวยการ' },
  { id: 'plan', nameTh: 'กลุ่มนโยบายและแผน' },
  { id: 'ict', nameTh: 'กลุ่มส่งเสริมการศึกษาทางไกล เทคโนโลยีสารสนเทศและการสื่อสาร' },
  { id: 'sup', nameTh: 'กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา' },
  { id: 'fin', nameTh: 'กลุ่มบริหารงานการเงินและสินทรัพย์' },
  { id: 'law', nameTh: 'กลุ่มกฎหมายและคดี' },
  { id: 'audit', nameTh: 'หน่วยตรวจสอบภายใน' },
];

/** The parts of a measure a board is made of. */
const shape = (m: ParsedMeasure) => ({
  number: m.number,
  title: m.title,
  steps: m.steps.map((s) => `${s.number}. ${s.text}`),
  lead: m.leadGroupId,
  groups: m.groupIds,
  allGroups: m.allGroups,
  dueOn: m.dueOn,
  monitoring: m.monitoring,
});
const codes = (r: ParsedAnnouncement) => r.warnings.map((w) => w.code);

// A. No tabs at all: the header's cells one per line (two of them wrapped), a title and a step
// wrapped over lines, a wrap between a step's number and its text, a group's name wrapped over
// two lines, co-responsible groups on separate lines, a page number and the header repeated on
// the next page, "หน้า ๓", a step line that starts with "(", Thai digits throughout.
const TEXT_A = `ประกาศสำนักงานเขตพื้นที่การศึกษาประถมศึกษาน่าน เขต ๒
เรื่อง มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๗๐

๑. การกำกับติดตาม
๑.๑ รายงานความก้าวหน้าต่อที่ประชุมผู้บริหารและผู้อำนวยการกลุ่มทุกไตรมาส
๑.๒ รายงานผลต่อบุคลากรในสำนักงาน รอบ ๖ เดือน และ ๑๒ เดือน

ที่
มาตรการ/
แนวทาง
ขั้นตอน/วิธีดำเนินการ
ระยะเวลา
ดำเนินการ
ผู้รับผิดชอบ
การกำกับติดตาม/
รายงานผล
๑
การเปิดเผยข้อมูลต่อ
สาธารณะ
๑. ทบทวนรายการข้อมูลของ
หน่วยงานที่ต้องเผยแพร่
๒.
ปรับปรุงหน้าเว็บไซต์ให้เป็นปัจจุบัน
ภายใน ธันวาคม ๒๕๖๙
กลุ่มส่งเสริมการศึกษาทางไกล
เทคโนโลยีสารสนเทศและการสื่อสาร
และกลุ่มอำนวยการ
๑. รายงานผลต่อผู้อำนวยการเขต
๒
การจัดซื้อจัดจ้างอย่างโปร่งใส
(๑) จัดทำแผนจัดซื้อจัดจ้างประจำปี
(๒) เผยแพร่ผลการจัดซื้อจัดจ้างรายเดือน
ไตรมาสที่ ๒ และ ๔
กลุ่มบริหารงานการเงินและสินทรัพย์
หน่วยตรวจสอบภายใน
(๑) สรุปผลเสนอผู้บริหาร

- ๒ -

ที่
มาตรการ/แนวทาง
ขั้นตอน/วิธีดำเนินการ
ระยะเวลาดำเนินการ
ผู้รับผิดชอบ
การกำกับติดตาม/รายงานผล
๓
การป้องกันผลประโยชน์ทับซ้อน
จัดอบรมบุคลากรเรื่องผลประโยชน์ทับซ้อน
ตลอดปีงบประมาณ
กลุ่มกฎหมายและคดี และทุกกลุ่มงาน
๑. รายงานผลการอบรม
หน้า ๓
๔
การนิเทศการใช้งบประมาณ
๑) ตรวจสอบการเบิกจ่ายงบประมาณ
(ตามแนวทางของสำนักงานการตรวจเงินแผ่นดิน)
๒) แจ้งผลการตรวจสอบ
ต.ค. ๒๕๖๙ - ก.ย. ๒๕๗๐
กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา, กลุ่มนโยบายและแผน
๑) รายงานผลต่อผู้บริหาร
๒) แจ้งบุคลากรทราบ

ประกาศ ณ วันที่ ๑๕ ตุลาคม พ.ศ. ๒๕๖๙

(นายสมชาย ใจดี)
ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาน่าน เขต ๒`;

describe('A. a table copied without tabs', () => {
  const r = parseAnnouncement(TEXT_A, GROUPS);

  it('reads the header facts and the rhythm: quarterly to executives, at 6 and 12 months to staff', () => {
    expect(r.organisationName).toBe('สำนักงานเขตพื้นที่การศึกษาประถมศึกษาน่าน เขต ๒');
    expect(r.fiscalYearBE).toBe(2570);
    expect(r.announcedOn).toBe('2026-10-15');
    expect(r.schedule).toEqual({
      executive: 'quarterly',
      staff: 'half-yearly',
      source: ['ผู้อำนวยการกลุ่มทุกไตรมาส', 'บุคลากรในสำนักงาน รอบ ๖ เดือน และ ๑๒ เดือน'],
    });
    expect(codes(r)).not.toContain('schedule-not-found');
  });

  it('reads every measure, step, group and due date by the shape of its lines', () => {
    expect(r.measures.map(shape)).toEqual([
      {
        number: 1,
        title: 'การเปิดเผยข้อมูลต่อสาธารณะ',
        steps: ['1. ทบทวนรายการข้อมูลของหน่วยงานที่ต้องเผยแพร่', '2. ปรับปรุงหน้าเว็บไซต์ให้เป็นปัจจุบัน'],
        lead: 'ict',
        groups: ['adm'],
        allGroups: false,
        dueOn: '2026-12-31',
        monitoring: ['รายงานผลต่อผู้อำนวยการเขต'],
      },
      {
        number: 2,
        title: 'การจัดซื้อจัดจ้างอย่างโปร่งใส',
        steps: ['1. จัดทำแผนจัดซื้อจัดจ้างประจำปี', '2. เผยแพร่ผลการจัดซื้อจัดจ้างรายเดือน'],
        lead: 'fin',
        groups: ['audit'],
        allGroups: false,
        dueOn: '2027-09-30', // quarters 2 and 4: the last of them
        monitoring: ['สรุปผลเสนอผู้บริหาร'],
      },
      {
        number: 3,
        title: 'การป้องกันผลประโยชน์ทับซ้อน',
        steps: ['1. จัดอบรมบุคลากรเรื่องผลประโยชน์ทับซ้อน'], // one step, no number
        lead: 'law',
        groups: [],
        allGroups: true,
        dueOn: '2027-09-30', // ตลอดปีงบประมาณ
        monitoring: ['รายงานผลการอบรม'],
      },
      {
        number: 4,
        title: 'การนิเทศการใช้งบประมาณ',
        steps: ['1. ตรวจสอบการเบิกจ่ายงบประมาณ (ตามแนวทางของสำนักงานการตรวจเงินแผ่นดิน)', '2. แจ้งผลการตรวจสอบ'],
        lead: 'sup',
        groups: ['plan'],
        allGroups: false,
        dueOn: '2027-09-30',
        monitoring: ['รายงานผลต่อผู้บริหาร', 'แจ้งบุคลากรทราบ'],
      },
    ]);
    expect(r.measures[0]!.timeline).toBe('ภายใน ธันวาคม ๒๕๖๙');
    expect(r.measures[1]!.timeline).toBe('ไตรมาสที่ ๒ และ ๔');
    expect(r.unresolved).toEqual([]);
  });

  it('keeps the table out of the sections and the signature out of the table', () => {
    expect(r.sections.map((s) => [s.number, s.items.map((i) => i.number)])).toEqual([['1', ['1.1', '1.2']]]);
    expect(JSON.stringify(r.measures)).not.toContain('สมชาย');
    expect(JSON.stringify(r.measures)).not.toMatch(/หน้า ๓|- ๒ -|มาตรการ\/แนวทาง/);
  });

  it('lists every repaired word with its text before and after', () => {
    const spaces = r.warnings.filter((w) => w.code === 'spaces-normalised');
    expect(spaces.flatMap((w) => w.changes)).toEqual([
      { from: 'การเปิดเผยข้อมูลต่อ สาธารณะ', to: 'การเปิดเผยข้อมูลต่อสาธารณะ' },
      { from: 'ทบทวนรายการข้อมูลของ หน่วยงานที่ต้องเผยแพร่', to: 'ทบทวนรายการข้อมูลของหน่วยงานที่ต้องเผยแพร่' },
    ]);
    for (const w of spaces) expect(w.messageTh).toContain(`«${w.changes![0]!.from}» → «${w.changes![0]!.to}»`);
    expect(codes(r).filter((c) => c !== 'spaces-normalised')).toEqual(['thai-digits', 'every-group']);
  });
});

// B. Tabs, Arabic digits, "1)" and "1." numbering; a row whose steps continue on lines without a tab (one
// of them starting with "("), a responsible cell continued by a line naming a second group, a
// page artefact between rows; a timeline column between the steps and the responsible groups
// holding a month without a year, a two-digit BE year, a quarter, and text that is no date.
const HEADER_B = 'ที่\tมาตรการ\tขั้นตอนการดำเนินงาน\tระยะเวลา\tผู้รับผิดชอบ\tการติดตาม/รายงานผล';
const TEXT_B = [
  'ประกาศสำนักงานเขตพื้นที่การศึกษามัธยมศึกษาแพร่',
  'เรื่อง มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. 2570',
  '',
  '3.9 ให้รายงานความก้าวหน้าในการประชุมผู้บริหารสำนักงาน เดือนละ 2 ครั้ง และการประชุมบุคลากร เดือนละครั้ง',
  '',
  HEADER_B,
  '1\tการจัดการเรื่องร้องเรียน\t1) จัดทำคู่มือการจัดการเรื่องร้องเรียน 2) เปิดช่องทางรับเรื่อง\tมีนาคม\tกลุ่มกฎหมายและคดี\t1) รายงานผู้บริหาร',
  'ทางโทรศัพท์และเว็บไซต์',
  '(สายด่วนของสำนักงาน) 3) ตอบกลับผู้ร้องภายใน 15 วัน',
  '2\tการเผยแพร่แผนการใช้จ่ายงบประมาณ\t1) เผยแพร่แผนบนเว็บไซต์\tธ.ค. 69\tกลุ่มนโยบายและแผน\t1) รายงานผู้บริหาร',
  'กลุ่มบริหารงานการเงินและสินทรัพย์',
  'หน้า 2',
  HEADER_B,
  '3\tการประเมินความเสี่ยงการทุจริต\t1. วิเคราะห์ความเสี่ยง 2. จัดทำแผนบริหารความเสี่ยง\tไตรมาสที่ 2\tหน่วยตรวจสอบภายใน\t1. รายงานผู้บริหาร 2. แจ้งบุคลากร',
  '4\tการส่งเสริมวัฒนธรรมองค์กร\t1) จัดกิจกรรมจิตอาสา\tตามความเหมาะสม\tกลุ่มอำนวยการ\t1) สรุปผลกิจกรรม',
  '',
  'ประกาศ ณ วันที่ 2 พฤศจิกายน พ.ศ. 2569',
].join('\n');

describe('B. a tab-separated table with wrapped rows and a timeline column', () => {
  const r = parseAnnouncement(TEXT_B, GROUPS);

  it('reads the rhythm: twice a month to executives, monthly to staff', () => {
    expect(r.fiscalYearBE).toBe(2570);
    expect(r.schedule.executive).toBe('twice-monthly');
    expect(r.schedule.staff).toBe('monthly');
    expect(r.schedule.source).toEqual(['ผู้บริหารสำนักงาน เดือนละ 2 ครั้ง', 'บุคลากร เดือนละครั้ง']);
  });

  it('reads every measure, step, group and due date', () => {
    expect(r.measures.map(shape)).toEqual([
      {
        number: 1,
        title: 'การจัดการเรื่องร้องเรียน',
        steps: [
          '1. จัดทำคู่มือการจัดการเรื่องร้องเรียน',
          '2. เปิดช่องทางรับเรื่อง ทางโทรศัพท์และเว็บไซต์ (สายด่วนของสำนักงาน)',
          '3. ตอบกลับผู้ร้องภายใน 15 วัน',
        ],
        lead: 'law',
        groups: [],
        allGroups: false,
        dueOn: '2027-03-31', // March inside FY2570
        monitoring: ['รายงานผู้บริหาร'],
      },
      {
        number: 2,
        title: 'การเผยแพร่แผนการใช้จ่ายงบประมาณ',
        steps: ['1. เผยแพร่แผนบนเว็บไซต์'],
        lead: 'plan',
        groups: ['fin'],
        allGroups: false,
        dueOn: '2026-12-31', // ธ.ค. 69 = December 2569
        monitoring: ['รายงานผู้บริหาร'],
      },
      {
        number: 3,
        title: 'การประเมินความเสี่ยงการทุจริต',
        steps: ['1. วิเคราะห์ความเสี่ยง', '2. จัดทำแผนบริหารความเสี่ยง'],
        lead: 'audit',
        groups: [],
        allGroups: false,
        dueOn: '2027-03-31', // the end of the fiscal year's second quarter
        monitoring: ['รายงานผู้บริหาร', 'แจ้งบุคลากร'],
      },
      {
        number: 4,
        title: 'การส่งเสริมวัฒนธรรมองค์กร',
        steps: ['1. จัดกิจกรรมจิตอาสา'],
        lead: 'adm',
        groups: [],
        allGroups: false,
        dueOn: null,
        monitoring: ['สรุปผลกิจกรรม'],
      },
    ]);
  });

  it('quotes the timeline it cannot read, and nothing else is wrong', () => {
    expect(r.warnings).toEqual([
      expect.objectContaining({
        code: 'due-date-unreadable',
        severity: 'warning',
        location: 'มาตรการ 4, ระยะเวลา / measure 4, timeline',
        from: 'ตามความเหมาะสม',
      }),
    ]);
    expect(r.warnings[0]!.messageTh).toContain('"ตามความเหมาะสม"');
    expect(r.warnings[0]!.messageEn).toContain('"ตามความเหมาะสม"');
  });
});

// C. "(1)" numbering, a cell with one unnumbered step, a group misspelt, one written with stray
// spaces, one the office does not have, an empty responsible cell; no rhythm is stated.
const TEXT_C = [
  'ประกาศสำนักงานศึกษาธิการจังหวัดตัวอย่าง',
  'เรื่อง มาตรการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2570',
  '',
  'ลำดับ\tแนวทาง\tวิธีการ\tผู้รับผิดชอบ\tการรายงานผล',
  '1\tการป้องกันการรับสินบน\t(1) ประกาศเจตนารมณ์ (2) จัดทำป้ายประชาสัมพันธ์\tกลุ่มอำนวนการ\t(1) รายงานผล',
  '2\tการวางแผนงบประมาณ\tเผยแพร่แผนปฏิบัติการประจำปี\tกลุ่ม นโยบาย และแผน\t(1) รายงานผล',
  '3\tการสื่อสารองค์กร\t(1) จัดทำจดหมายข่าว\tกลุ่มประชาสัมพันธ์และสื่อสารองค์กร\t(1) รายงานผล',
  '4\tการประชุมติดตาม\t(1) จัดประชุมประจำเดือน\t\t(1) รายงานผล',
].join('\n');

describe('C. "(1)" numbering, a misspelt, a spaced, an unknown and a missing group', () => {
  const r = parseAnnouncement(TEXT_C, GROUPS);

  it('reads every measure and step, resolving the groups it can', () => {
    expect(r.measures.map(shape)).toEqual([
      {
        number: 1,
        title: 'การป้องกันการรับสินบน',
        steps: ['1. ประกาศเจตนารมณ์', '2. จัดทำป้ายประชาสัมพันธ์'],
        lead: 'adm',
        groups: [],
        allGroups: false,
        dueOn: null,
        monitoring: ['รายงานผล'],
      },
      {
        number: 2,
        title: 'การวางแผนงบประมาณ',
        steps: ['1. เผยแพร่แผนปฏิบัติการประจำปี'],
        lead: 'plan',
        groups: [],
        allGroups: false,
        dueOn: null,
        monitoring: ['รายงานผล'],
      },
      {
        number: 3,
        title: 'การสื่อสารองค์กร',
        steps: ['1. จัดทำจดหมายข่าว'],
        lead: null,
        groups: [],
        allGroups: false,
        dueOn: null,
        monitoring: ['รายงานผล'],
      },
      {
        number: 4,
        title: 'การประชุมติดตาม',
        steps: ['1. จัดประชุมประจำเดือน'],
        lead: null,
        groups: [],
        allGroups: false,
        dueOn: null,
        monitoring: ['รายงานผล'],
      },
    ]);
  });

  it('lists the names it could not resolve, for the preview to ask about', () => {
    expect(r.unresolved).toEqual([
      { key: 'กลุ่มประชาสัมพันธ์และสื่อสารองค์กร', name: 'กลุ่มประชาสัมพันธ์และสื่อสารองค์กร', measures: [3], candidates: [], everyGroup: false },
      { key: 'measure:4', name: '', measures: [4], candidates: [], everyGroup: false },
    ]);
  });

  it('says which typo it resolved, that no rhythm is stated, and which names are unknown', () => {
    expect(r.warnings.map((w) => [w.code, w.location, w.from, w.to])).toEqual([
      ['group-corrected', 'มาตรการ 1 / measure 1', 'กลุ่มอำนวนการ', 'กลุ่มอำนวยการ'],
      ['spaces-normalised', 'มาตรการ 2, ผู้รับผิดชอบ / measure 2, responsible', 'กลุ่ม นโยบาย และแผน', 'กลุ่มนโยบายและแผน'],
      ['group-unknown', 'มาตรการ 3 / measure 3', 'กลุ่มประชาสัมพันธ์และสื่อสารองค์กร', undefined],
      ['group-unknown', 'มาตรการ 4 / measure 4', '', undefined], // an empty cell
      ['schedule-not-found', 'ทั้งเอกสาร / whole document', undefined, undefined],
    ]);
    expect(r.schedule).toEqual({ executive: null, staff: null, source: [] });
  });
});

// D. A Markdown pipe table (a PDF-to-Markdown converter's output) with "๑)" numbering, groups
// separated by "/" and by ","; rhythms stated in the monitoring cells.
const TEXT_D = [
  '# ประกาศสำนักงานเขตพื้นที่การศึกษาประถมศึกษาพะเยา เขต 1',
  '**เรื่อง มาตรการส่งเสริมคุณธรรม ประจำปีงบประมาณ พ.ศ. ๒๕๗๐**',
  '',
  '| ที่ | มาตรการ | ผู้รับผิดชอบ | ขั้นตอน | ห้วงเวลา | การกำกับติดตาม |',
  '|---|---|---|---|---|---|',
  '| ๑ | การตรวจสอบภายใน | หน่วยตรวจสอบภายใน/กลุ่มบริหารงานการเงินและสินทรัพย์ | ๑) ตรวจสอบบัญชี<br>๒) รายงานผลการตรวจสอบ | ม.ค. - มี.ค. ๗๐ | ๑) รายงานผู้บริหารทุกครึ่งเดือน |',
  '| ๒ | การพัฒนาบุคลากร | กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา, กลุ่มส่งเสริมการศึกษาทางไกล เทคโนโลยีสารสนเทศและการสื่อสาร และทุกกลุ่มงาน | ๑) จัดอบรมจริยธรรม | ไตรมาสที่ ๑ | ๑) แจ้งบุคลากรไตรมาสละ ๑ ครั้ง |',
].join('\n');

describe('D. a Markdown pipe table with the responsible column before the steps', () => {
  const r = parseAnnouncement(TEXT_D, GROUPS);

  it('reads every measure, step, group and due date, and the rhythms in the monitoring cells', () => {
    expect(r.organisationName).toBe('สำนักงานเขตพื้นที่การศึกษาประถมศึกษาพะเยา เขต 1');
    expect(r.fiscalYearBE).toBe(2570);
    expect(r.measures.map(shape)).toEqual([
      {
        number: 1,
        title: 'การตรวจสอบภายใน',
        steps: ['1. ตรวจสอบบัญชี', '2. รายงานผลการตรวจสอบ'],
        lead: 'audit',
        groups: ['fin'],
        allGroups: false,
        dueOn: '2027-03-31',
        monitoring: ['รายงานผู้บริหารทุกครึ่งเดือน'],
      },
      {
        number: 2,
        title: 'การพัฒนาบุคลากร',
        steps: ['1. จัดอบรมจริยธรรม'],
        lead: 'sup',
        groups: ['ict'],
        allGroups: true,
        dueOn: '2026-12-31',
        monitoring: ['แจ้งบุคลากรไตรมาสละ ๑ ครั้ง'],
      },
    ]);
    expect(r.schedule).toEqual({
      executive: 'twice-monthly',
      staff: 'quarterly',
      source: ['ผู้บริหารทุกครึ่งเดือน', 'บุคลากรไตรมาสละ ๑ ครั้ง'],
    });
    expect(r.unresolved).toEqual([]);
    expect(codes(r)).toEqual(['thai-digits', 'every-group']);
  });

  it('reads a timeline against the year the administrator chose when it names no year', () => {
    const other = parseAnnouncement(TEXT_D, GROUPS, { fiscalYearBE: 2571 });
    // "ม.ค. - มี.ค. ๗๐" names its year; "ไตรมาสที่ ๑" falls in the chosen year.
    expect(other.measures.map((m) => m.dueOn)).toEqual(['2027-03-31', '2027-12-31']);
  });
});

describe('a table without tabs whose responsible line is misspelt and says "every group"', () => {
  it('still reads that line as the responsible cell, not as a step', () => {
    // Found converting a tabbed table to one line per cell: "อำนวนการ และทุกกลุ่ม งาน" (a typo,
    // no กลุ่ม prefix, "every group" broken by a space) was taken for the end of the last step.
    const r = parseAnnouncement(
      [
        'ที่ มาตรการ ขั้นตอน ผู้รับผิดชอบ การกำกับติดตาม',
        '1',
        'การส่งเสริมจริยธรรม',
        '1. จัดทำประมวลจริยธรรม',
        '2. เผยแพร่ประมวลจริยธรรม',
        'อำนวนการ และทุกกลุ่ม งาน',
        '1. รายงานผล',
        '2',
        'การรับฟังความคิดเห็น',
        '1. เปิดรับฟังความคิดเห็น',
        'ทุกกลุ่มงาน',
        '1. รายงานผล',
      ].join('\n'),
      GROUPS,
    );
    expect(r.measures.map(shape)).toEqual([
      {
        number: 1,
        title: 'การส่งเสริมจริยธรรม',
        steps: ['1. จัดทำประมวลจริยธรรม', '2. เผยแพร่ประมวลจริยธรรม'],
        lead: 'adm',
        groups: [],
        allGroups: true,
        dueOn: null,
        monitoring: ['รายงานผล'],
      },
      {
        number: 2,
        title: 'การรับฟังความคิดเห็น',
        steps: ['1. เปิดรับฟังความคิดเห็น'],
        lead: null,
        groups: [],
        allGroups: true,
        dueOn: null,
        monitoring: ['รายงานผล'],
      },
    ]);
    expect(r.warnings.filter((w) => w.code === 'group-corrected').map((w) => [w.from, w.to])).toEqual([['อำนวนการ', 'กลุ่มอำนวยการ']]);
  });
});

describe('a table without tabs with an unknown group that says "every group", and a timeline that is no date', () => {
  it('reads the unknown name as the responsible cell and the timeline as a timeline, with a warning', () => {
    // Found in a preview: "งานพัสดุ และทุกกลุ่มงาน" (a name the office does not have) was taken for
    // a step, and "ตามความเหมาะสม" for the end of the last step.
    const r = parseAnnouncement(
      [
        'ที่ มาตรการ ขั้นตอน ระยะเวลา ผู้รับผิดชอบ การกำกับติดตาม',
        '1',
        'การจัดซื้อจัดจ้าง',
        '(1) จัดทำแผนจัดซื้อจัดจ้าง',
        '(2) เผยแพร่แผน',
        'ตามความเหมาะสม',
        'งานพัสดุ และทุกกลุ่มงาน',
        '(1) สรุปผลเสนอผู้บริหาร',
      ].join('\n'),
      GROUPS,
    );
    expect(r.measures.map(shape)).toEqual([
      {
        number: 1,
        title: 'การจัดซื้อจัดจ้าง',
        steps: ['1. จัดทำแผนจัดซื้อจัดจ้าง', '2. เผยแพร่แผน'],
        lead: null,
        groups: [],
        allGroups: true,
        dueOn: null,
        monitoring: ['สรุปผลเสนอผู้บริหาร'],
      },
    ]);
    expect(r.measures[0]!.timeline).toBe('ตามความเหมาะสม');
    expect(r.unresolved).toEqual([{ key: 'งานพัสดุ', name: 'งานพัสดุ', measures: [1], candidates: [], everyGroup: true }]);
    expect(r.warnings.map((w) => [w.code, w.from])).toEqual([
      ['group-unknown', 'งานพัสดุ'],
      ['every-group', 'งานพัสดุ และทุกกลุ่มงาน'],
      ['due-date-unreadable', 'ตามความเหมาะสม'],
      ['schedule-not-found', undefined],
    ]);
  });
});

describe('a timeline cell as a due date (fiscal year 2570: 1 Oct 2026 – 30 Sep 2027)', () => {
  it.each([
    ['ภายใน ธันวาคม ๒๕๖๙', '2026-12-31'],
    ['ต.ค. ๒๕๖๙ - ก.ย. ๒๕๗๐', '2027-09-30'],
    ['ต.ค. - ก.ย. ๒๕๗๐', '2027-09-30'],
    ['ต.ค.69-ก.ย.70', '2027-09-30'],
    ['มีนาคม', '2027-03-31'], // a month without a year: inside the fiscal year
    ['พฤศจิกายน', '2026-11-30'],
    ['ธ.ค. 69', '2026-12-31'], // two-digit Buddhist Era year
    ['๑๕ มกราคม ๒๕๗๐', '2027-01-15'],
    ['ภายในวันที่ 29 ก.พ. 2571', '2028-02-29'], // a leap day
    ['ไตรมาสที่ ๑', '2026-12-31'],
    ['ไตรมาสที่ ๒', '2027-03-31'],
    ['ไตรมาสที่ ๓', '2027-06-30'],
    ['ไตรมาสที่ ๒ และ ๔', '2027-09-30'], // several quarters: the last
    ['ไตรมาส 1-3', '2027-06-30'],
    ['ตลอดปีงบประมาณ', '2027-09-30'],
    ['ปีงบประมาณ พ.ศ. ๒๕๗๑', '2028-09-30'],
    ['ปี 2569 ก.ย. 2570', '2027-09-30'], // "69" of 2569 is no day of September
  ])('%s → %s', (text, date) => {
    expect(dueDateFromTimeline(text, 2570)).toEqual({ date });
  });

  it.each([['ตามความเหมาะสม'], ['ภายใน 30 วัน'], ['31 เมษายน 2570'], ['']])('gives no date for "%s"', (text) => {
    expect(dueDateFromTimeline(text, 2570)).toEqual({ date: null, reason: 'unreadable' });
  });

  it('needs a fiscal year for a month or quarter without a year', () => {
    expect(dueDateFromTimeline('ไตรมาสที่ ๒', null)).toEqual({ date: null, reason: 'no-fiscal-year' });
    expect(dueDateFromTimeline('มีนาคม', null)).toEqual({ date: null, reason: 'no-fiscal-year' });
    expect(dueDateFromTimeline('ต.ค. - ก.ย. ๒๕๗๐', null)).toEqual({ date: '2027-09-30' });
  });
});

describe('a tabbed table whose header repeats on the next page without its tabs', () => {
  it('skips the repeated header instead of adding it to the open row', () => {
    const r = parseAnnouncement(
      [
        'ที่\tมาตรการ\tขั้นตอน\tผู้รับผิดชอบ\tการกำกับติดตาม',
        '1\tการเปิดเผยข้อมูล\t1. จัดทำประกาศ 2. เผยแพร่\tกลุ่มอำนวยการ\t1. รายงานผล',
        'หน้า 2',
        'ที่ มาตรการ ขั้นตอน ผู้รับผิดชอบ การกำกับติดตาม',
        '2\tการจัดซื้อจัดจ้าง\t1. จัดทำแผน\tกลุ่มบริหารงานการเงินและสินทรัพย์\t1. รายงานผล',
      ].join('\n'),
      GROUPS,
    );
    expect(r.measures.map(shape)).toEqual([
      { number: 1, title: 'การเปิดเผยข้อมูล', steps: ['1. จัดทำประกาศ', '2. เผยแพร่'], lead: 'adm', groups: [], allGroups: false, dueOn: null, monitoring: ['รายงานผล'] },
      { number: 2, title: 'การจัดซื้อจัดจ้าง', steps: ['1. จัดทำแผน'], lead: 'fin', groups: [], allGroups: false, dueOn: null, monitoring: ['รายงานผล'] },
    ]);
  });
});

describe('a long table', () => {
  it('reads rows numbered past 999, with tabs and without', () => {
    // Found measuring the preview with a 2,369-row table: row 1000 was read as part of row 999.
    const rows = Array.from({ length: 1200 }, (_, i) => `${i + 1}\tมาตรการที่ ${i + 1}\t1. ขั้นแรก 2. ขั้นสอง\tกลุ่มอำนวยการ\t1. รายงานผล`);
    const tabbed = parseAnnouncement(['ที่\tมาตรการ\tขั้นตอน\tผู้รับผิดชอบ\tการกำกับติดตาม', ...rows].join('\n'), GROUPS);
    const lines = parseAnnouncement(['ที่\tมาตรการ\tขั้นตอน\tผู้รับผิดชอบ\tการกำกับติดตาม', ...rows].join('\n').replace(/\t/g, '\n'), GROUPS);
    for (const r of [tabbed, lines]) {
      expect(r.measures.map((m) => m.number)).toEqual(rows.map((_, i) => i + 1));
      expect(r.measures[1199]).toMatchObject({ title: 'มาตรการที่ 1200', leadGroupId: 'adm', steps: [{ number: 1, text: 'ขั้นแรก' }, { number: 2, text: 'ขั้นสอง' }] });
    }
  });
});
