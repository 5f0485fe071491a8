// A parent body's roll-up, Thai: the CSV's header and the monthly roll-up report (email and LINE).
// English: rollup.en.ts. Mechanism: ../i18n.ts.
export const th = {
  'csv.office': 'หน่วยงาน',
  'csv.slug': 'รหัสหน่วยงาน',
  'csv.measure': 'มาตรการ',
  'csv.total': 'จำนวนขั้น',
  'csv.done': 'เสร็จแล้ว',
  'csv.percent': 'ร้อยละที่เสร็จ',
  'csv.overdue': 'ค้างเกินกำหนด',
  'csv.behind': 'ถึงกำหนดแล้วแต่ยังไม่เสร็จ',
  'csv.evidence': 'หลักฐาน',
  'csv.oit': 'ความพร้อม OIT (ร้อยละ)',
  'csv.all-measures': 'ทุกมาตรการ',
  'report.subject': 'รายงานภาพรวม ITA {parent} ประจำเดือน {month}',
  'report.title': 'รายงานภาพรวมหน่วยงานในสังกัด {parent}',
  'report.period': 'ปีงบประมาณ {year} ข้อมูล ณ วันที่ {day}',
  'report.totals': 'ดำเนินการแล้ว {percent}% ({done}/{total} ขั้น) ค้างเกินกำหนด {overdue} ขั้น หน่วยงาน {offices} แห่ง (รับแม่แบบแล้ว {adopted} แห่ง)',
  'report.behind': 'หน่วยงานที่ล่าช้าที่สุด',
  'report.behind-item': '{office}: ถึงกำหนดแล้วแต่ยังไม่เสร็จ {behind} ขั้น เสร็จ {percent}%',
  'report.none-behind': 'ไม่มีหน่วยงานที่ล่าช้ากว่ากำหนด',
  'report.open': 'เปิดภาพรวม: {url}',
} as const;
