// The OIT item catalogue used by education-sector agencies for ITA 2566-2567 (43 items), from
// shared/reference/oit-items-2567.tsv. Seed data for FY 2567 only: each fiscal year has its own
// catalogue, editable by an administrator.
export interface OitItemSeed {
  code: string;
  titleTh: string;
  subIndicator: string;
  titleEn: string;
}

export const OIT_ITEMS_2567: OitItemSeed[] = [
  {
    "code": "O1",
    "titleTh": "โครงสร้าง",
    "subIndicator": "9.1 ข้อมูลพื้นฐาน",
    "titleEn": "Organisation structure"
  },
  {
    "code": "O2",
    "titleTh": "ข้อมูลผู้บริหาร",
    "subIndicator": "9.1 ข้อมูลพื้นฐาน",
    "titleEn": "Executives"
  },
  {
    "code": "O3",
    "titleTh": "อำนาจหน้าที่",
    "subIndicator": "9.1 ข้อมูลพื้นฐาน",
    "titleEn": "Powers and duties"
  },
  {
    "code": "O4",
    "titleTh": "แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน",
    "subIndicator": "9.1 ข้อมูลพื้นฐาน",
    "titleEn": "Strategic or development plan"
  },
  {
    "code": "O5",
    "titleTh": "ข้อมูลการติดต่อ",
    "subIndicator": "9.1 ข้อมูลพื้นฐาน",
    "titleEn": "Contact information"
  },
  {
    "code": "O6",
    "titleTh": "กฎหมายที่เกี่ยวข้อง",
    "subIndicator": "9.1 ข้อมูลพื้นฐาน",
    "titleEn": "Related laws"
  },
  {
    "code": "O7",
    "titleTh": "ข่าวประชาสัมพันธ์",
    "subIndicator": "9.1 ข้อมูลพื้นฐาน",
    "titleEn": "News and announcements"
  },
  {
    "code": "O8",
    "titleTh": "Q&A",
    "subIndicator": "9.1 ข้อมูลพื้นฐาน",
    "titleEn": "Questions and answers channel"
  },
  {
    "code": "O9",
    "titleTh": "Social Network",
    "subIndicator": "9.1 ข้อมูลพื้นฐาน",
    "titleEn": "Social network channels"
  },
  {
    "code": "O10",
    "titleTh": "นโยบายคุ้มครองข้อมูลส่วนบุคคล",
    "subIndicator": "9.1 ข้อมูลพื้นฐาน",
    "titleEn": "Personal data protection policy"
  },
  {
    "code": "O11",
    "titleTh": "แผนดำเนินงานและการใช้งบประมาณประจำปี",
    "subIndicator": "9.2 การบริหารงาน",
    "titleEn": "Annual operating and budget plan"
  },
  {
    "code": "O12",
    "titleTh": "รายงานการกำกับติดตามการดำเนินงานและการใช้งบประมาณ ประจำปี รอบ 6 เดือน",
    "subIndicator": "9.2 การบริหารงาน",
    "titleEn": "Six-month monitoring report of operations and budget"
  },
  {
    "code": "O13",
    "titleTh": "รายงานผลการดำเนินงานประจำปี",
    "subIndicator": "9.2 การบริหารงาน",
    "titleEn": "Annual performance report"
  },
  {
    "code": "O14",
    "titleTh": "คู่มือหรือมาตรฐานการปฏิบัติงาน",
    "subIndicator": "9.2 การบริหารงาน",
    "titleEn": "Work manual or standard"
  },
  {
    "code": "O15",
    "titleTh": "คู่มือหรือมาตรฐานการให้บริการ",
    "subIndicator": "9.2 การบริหารงาน",
    "titleEn": "Service manual or standard"
  },
  {
    "code": "O16",
    "titleTh": "ข้อมูลเชิงสถิติการให้บริการ",
    "subIndicator": "9.2 การบริหารงาน",
    "titleEn": "Service statistics"
  },
  {
    "code": "O17",
    "titleTh": "รายงานผลการสำรวจความพึงพอใจการให้บริการ",
    "subIndicator": "9.2 การบริหารงาน",
    "titleEn": "Service satisfaction survey report"
  },
  {
    "code": "O18",
    "titleTh": "E-Service",
    "subIndicator": "9.2 การบริหารงาน",
    "titleEn": "Online services"
  },
  {
    "code": "O19",
    "titleTh": "แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุ",
    "subIndicator": "9.3 การจัดซื้อจัดจ้าง",
    "titleEn": "Procurement plan"
  },
  {
    "code": "O20",
    "titleTh": "ประกาศต่าง ๆ เกี่ยวกับการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ",
    "subIndicator": "9.3 การจัดซื้อจัดจ้าง",
    "titleEn": "Procurement announcements"
  },
  {
    "code": "O21",
    "titleTh": "สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน",
    "subIndicator": "9.3 การจัดซื้อจัดจ้าง",
    "titleEn": "Monthly procurement summary"
  },
  {
    "code": "O22",
    "titleTh": "รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี",
    "subIndicator": "9.3 การจัดซื้อจัดจ้าง",
    "titleEn": "Annual procurement report"
  },
  {
    "code": "O23",
    "titleTh": "นโยบายการบริหารทรัพยากรบุคคล",
    "subIndicator": "9.4 การบริหารและพัฒนาทรัพยากรบุคคล",
    "titleEn": "Human resources policy"
  },
  {
    "code": "O24",
    "titleTh": "การดำเนินการตามนโยบายการบริหารทรัพยากรบุคคล",
    "subIndicator": "9.4 การบริหารและพัฒนาทรัพยากรบุคคล",
    "titleEn": "Implementation of the HR policy"
  },
  {
    "code": "O25",
    "titleTh": "หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล",
    "subIndicator": "9.4 การบริหารและพัฒนาทรัพยากรบุคคล",
    "titleEn": "HR management and development criteria"
  },
  {
    "code": "O26",
    "titleTh": "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี",
    "subIndicator": "9.4 การบริหารและพัฒนาทรัพยากรบุคคล",
    "titleEn": "Annual HR report"
  },
  {
    "code": "O27",
    "titleTh": "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
    "subIndicator": "9.5 การส่งเสริมความโปร่งใส",
    "titleEn": "Corruption complaint handling guideline"
  },
  {
    "code": "O28",
    "titleTh": "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
    "subIndicator": "9.5 การส่งเสริมความโปร่งใส",
    "titleEn": "Corruption complaint channels"
  },
  {
    "code": "O29",
    "titleTh": "ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบประจำปี",
    "subIndicator": "9.5 การส่งเสริมความโปร่งใส",
    "titleEn": "Annual complaint statistics"
  },
  {
    "code": "O30",
    "titleTh": "การเปิดโอกาสให้เกิดการมีส่วนร่วม",
    "subIndicator": "9.5 การส่งเสริมความโปร่งใส",
    "titleEn": "Opportunities for participation"
  },
  {
    "code": "O31",
    "titleTh": "ประกาศเจตนารมณ์นโยบาย No Gift Policy จากการปฏิบัติหน้าที่",
    "subIndicator": "10.1 การดำเนินการเพื่อป้องกันการทุจริต",
    "titleEn": "No Gift Policy declaration"
  },
  {
    "code": "O32",
    "titleTh": "การสร้างวัฒนธรรม No Gift Policy",
    "subIndicator": "10.1 การดำเนินการเพื่อป้องกันการทุจริต",
    "titleEn": "Building a No Gift culture"
  },
  {
    "code": "O33",
    "titleTh": "รายงานผลตามนโยบาย No Gift Policy",
    "subIndicator": "10.1 การดำเนินการเพื่อป้องกันการทุจริต",
    "titleEn": "No Gift Policy report"
  },
  {
    "code": "O34",
    "titleTh": "การประเมินความเสี่ยงการทุจริตและประพฤติมิชอบประจำปี",
    "subIndicator": "10.1 การดำเนินการเพื่อป้องกันการทุจริต",
    "titleEn": "Annual corruption risk assessment"
  },
  {
    "code": "O35",
    "titleTh": "การดำเนินการเพื่อจัดการความเสี่ยงการทุจริตและประพฤติมิชอบ",
    "subIndicator": "10.1 การดำเนินการเพื่อป้องกันการทุจริต",
    "titleEn": "Corruption risk management actions"
  },
  {
    "code": "O36",
    "titleTh": "แผนปฏิบัติการป้องกันการทุจริต",
    "subIndicator": "10.1 การดำเนินการเพื่อป้องกันการทุจริต",
    "titleEn": "Anti-corruption action plan"
  },
  {
    "code": "O37",
    "titleTh": "รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริตประจำปี รอบ 6 เดือน",
    "subIndicator": "10.1 การดำเนินการเพื่อป้องกันการทุจริต",
    "titleEn": "Six-month anti-corruption monitoring report"
  },
  {
    "code": "O38",
    "titleTh": "รายงานผลการดำเนินการป้องกันการทุจริตประจำปี",
    "subIndicator": "10.1 การดำเนินการเพื่อป้องกันการทุจริต",
    "titleEn": "Annual anti-corruption report"
  },
  {
    "code": "O39",
    "titleTh": "ประมวลจริยธรรมสำหรับเจ้าหน้าที่ของรัฐ",
    "subIndicator": "10.2 มาตรการภายในเพื่อส่งเสริมความโปร่งใสและป้องกันการทุจริต",
    "titleEn": "Code of ethics"
  },
  {
    "code": "O40",
    "titleTh": "การขับเคลื่อนจริยธรรม",
    "subIndicator": "10.2 มาตรการภายในเพื่อส่งเสริมความโปร่งใสและป้องกันการทุจริต",
    "titleEn": "Driving ethics"
  },
  {
    "code": "O41",
    "titleTh": "การประเมินจริยธรรมเจ้าหน้าที่ของรัฐ",
    "subIndicator": "10.2 มาตรการภายในเพื่อส่งเสริมความโปร่งใสและป้องกันการทุจริต",
    "titleEn": "Ethics assessment of officials"
  },
  {
    "code": "O42",
    "titleTh": "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
    "subIndicator": "10.2 มาตรการภายในเพื่อส่งเสริมความโปร่งใสและป้องกันการทุจริต",
    "titleEn": "Internal measures to promote integrity and transparency (the announcement itself)"
  },
  {
    "code": "O43",
    "titleTh": "การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
    "subIndicator": "10.2 มาตรการภายในเพื่อส่งเสริมความโปร่งใสและป้องกันการทุจริต",
    "titleEn": "Carrying out those measures (what the board's progress reports become)"
  }
];
