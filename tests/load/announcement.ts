// A synthetic announcement for load runs: one measure per group of the office, each with
// `stepsPerMeasure` steps, in the table layout of the real announcement (tab-separated columns,
// Thai digits), so the board is made by the real import API and every director has cards.

const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';
const thai = (n: number) => String(n).replace(/\d/g, (d) => THAI_DIGITS[Number(d)]!);

export function syntheticAnnouncement(groupNames: readonly string[], stepsPerMeasure: number, beYear: number): string {
  const header = 'ที่\tมาตรการ/แนวทาง\tขั้นตอน/วิธีดำเนินการ\tผู้รับผิดชอบ\tการกำกับติดตาม/รายงานผล';
  const rows = groupNames.map((group, i) => {
    const steps = Array.from({ length: stepsPerMeasure }, (_, s) => `${thai(s + 1)}. ขั้นตอนทดสอบภาระงานที่ ${thai(s + 1)} ของ${group}`).join(' ');
    return `${thai(i + 1)}\tมาตรการทดสอบภาระงานที่ ${thai(i + 1)}\t${steps}\t${group}\t๑. สรุปและวิเคราะห์ผลเสนอต่อผู้บังคับบัญชา ๒. แจ้งผลการดำเนินการให้บุคลากรทราบ`;
  });
  return [
    'ประกาศสำนักงานทดสอบภาระงาน',
    `เรื่อง มาตรการทดสอบภาระงานของบอร์ด ประจำปีงบประมาณ พ.ศ. ${thai(beYear)}`,
    '',
    header,
    ...rows,
    '',
  ].join('\n');
}
