// The OIT submission's strings, Thai: the CSV's headers (the CSV is written in Thai, like the
// reports') and the link-health words of its health column (domain/submission.ts). English:
// submission.en.ts. Mechanism: ../i18n.ts.
export const th = {
  'csv.code': 'รหัสข้อ',
  'csv.title': 'ชื่อข้อ',
  'csv.page': 'หน้าเว็บไซต์ของหน่วยงานที่ตอบข้อนี้',
  'csv.evidence': 'ที่อยู่หลักฐาน',
  'csv.explanation': 'คำอธิบาย',
  'csv.health': 'สถานะลิงก์',
  'health.ok': 'ลิงก์ใช้งานได้ทั้งหมด',
  'health.flagged': 'มีลิงก์ที่ต้องแก้ไข',
  'health.unchecked': 'ยังไม่ได้ตรวจลิงก์',
  'health.no-evidence': 'ยังไม่มีหลักฐาน',
} as const;
