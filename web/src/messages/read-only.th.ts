// What the board says to someone who tries to drag a card they may not move, Thai (keys and
// {params} of the area). Its own dictionary: the board's read-only drag is a chunk of its own
// (components/board/read-only.ts), so these sentences stay out of the board's first load.
// English: read-only.en.ts, loaded when English is on. Bound in ./read-only.ts.
export const th = {
  'readOnly.executive': 'กระดานนี้อ่านได้อย่างเดียวสำหรับผู้บริหาร: ผู้บริหารติดตามความก้าวหน้า ส่วนการย้ายการ์ดเป็นหน้าที่ของผู้อำนวยการกลุ่มที่รับผิดชอบ',
  'readOnly.staff': 'กระดานนี้อ่านได้อย่างเดียวสำหรับบุคลากร: การ์ดย้ายได้โดยผู้อำนวยการกลุ่มที่รับผิดชอบ',
  'readOnly.card': 'การ์ดนี้อ่านได้อย่างเดียวสำหรับคุณ: ย้ายได้เฉพาะการ์ดที่กลุ่มของคุณรับผิดชอบ',
  'readOnly.oversight': 'กระดานนี้อ่านได้อย่างเดียว: คุณเปิดดูหน่วยงานนี้จากหน่วยงานต้นสังกัด ดูได้ทุกอย่างแต่แก้ไขไม่ได้',
} as const;
