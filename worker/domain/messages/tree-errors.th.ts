// The API's refusals about parent bodies and templates (issue 19), Thai; spread into errors.th.ts.
// English: tree-errors.en.ts.
export const treeErrorsTh = {
  'not_found.openable': 'ไม่พบหน่วยงานนี้ หรือคุณไม่มีสิทธิ์เปิดหน่วยงานนี้',
  'not_found.invitation': 'ไม่พบคำเชิญ',
  'not_found.template': 'ไม่พบแม่แบบ',
  not_a_parent_body: 'หน่วยงานนี้ไม่ใช่หน่วยงานต้นสังกัด',
  'invite.self': 'เชิญหน่วยงานของตนเองไม่ได้',
  'invite.cycle': 'เชิญ "{name}" ไม่ได้ เพราะเป็นหน่วยงานเหนือขึ้นไปของหน่วยงานนี้ (จะเกิดวงวน)',
  'invite.has_parent': '"{name}" สังกัดหน่วยงานอื่นอยู่แล้ว ต้องออกจากหน่วยงานเดิมก่อน',
  'invite.too_deep': 'เชิญ "{name}" ไม่ได้ ผังหน่วยงานจะลึกเกิน {max} ชั้น',
  'invite.pending': 'มีคำเชิญ "{name}" ที่ยังรอตอบอยู่แล้ว',
  invitation_closed: 'คำเชิญนี้{status}แล้ว',
  'invitation_status.accepted': 'ได้รับการตอบรับ',
  'invitation_status.declined': 'ถูกปฏิเสธ',
  'invitation_status.revoked': 'ถูกยกเลิก',
  'invitation_status.expired': 'หมดอายุ',
  no_parent: 'หน่วยงานนี้ไม่ได้สังกัดหน่วยงานต้นสังกัดใด',
  role_not_for_org: 'บทบาท "{role}" ใช้ในหน่วยงานประเภทนี้ไม่ได้',
  'template.nothing_to_publish': 'แม่แบบไม่มีการเปลี่ยนแปลงที่ยังไม่เผยแพร่',
  'template.empty': 'แม่แบบยังไม่มีมาตรการ นำเข้าประกาศก่อน',
  'template.unpublished': 'แม่แบบนี้ยังไม่เผยแพร่',
  'template.already_adopted': 'รับแม่แบบนี้ไปใช้แล้ว',
  'template.not_adopted': 'ยังไม่ได้รับแม่แบบนี้ไปใช้',
  'template.unknown_change': 'ไม่พบความเปลี่ยนแปลงที่เลือก อาจมีผู้ตัดสินใจไปแล้ว',
  'template.unmapped': 'ยังไม่ได้กำหนดกลุ่มงานให้ผู้รับผิดชอบ: {names}',
} as const;

/** The dictionary as the i18n checks read every pair. */
export const th = treeErrorsTh;
