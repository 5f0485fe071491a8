// The groups (กลุ่ม) of a typical Thai provincial education office (สำนักงานศึกษาธิการจังหวัด).
// Offices differ: this list seeds a new office and the demo, and administrators edit it.
export const PROVINCIAL_EDUCATION_OFFICE_GROUPS: { nameTh: string; nameEn: string }[] = [
  { nameTh: 'กลุ่มอำนวยการ', nameEn: 'Administration Group' },
  { nameTh: 'กลุ่มบริหารงานบุคคล', nameEn: 'Personnel Group' },
  { nameTh: 'กลุ่มนโยบายและแผน', nameEn: 'Policy and Planning Group' },
  { nameTh: 'กลุ่มส่งเสริมการศึกษาเอกชน', nameEn: 'Private Education Promotion Group' },
  { nameTh: 'กลุ่มพัฒนาการศึกษา', nameEn: 'Education Development Group' },
  { nameTh: 'กลุ่มนิเทศ ติดตามและประเมินผล', nameEn: 'Supervision, Monitoring and Evaluation Group' },
  { nameTh: 'กลุ่มลูกเสือ ยุวกาชาดและกิจการนักเรียน', nameEn: 'Scouts, Red Cross Youth and Student Affairs Group' },
  { nameTh: 'หน่วยตรวจสอบภายใน', nameEn: 'Internal Audit Unit' },
];
