// The evidence files' strings (drawer: attach a file, the file's line), Thai. English: files.en.ts,
// loaded when English is on. Mechanism: worker/domain/i18n.ts; bound in ./files.ts.
export const th = {
  'files.title': 'แนบไฟล์',
  'files.choose': 'ไฟล์ (PDF รูปภาพ หรือเอกสาร Office ไม่เกิน 20 MB)',
  'files.attach': 'แนบไฟล์',
  'files.uploading': 'กำลังส่งไฟล์ {percent}%',
  'files.saving': 'ส่งครบแล้ว กำลังบันทึก…',
  'files.attached': 'แนบไฟล์ {name} แล้ว',
  'files.none': 'กรุณาเลือกไฟล์ก่อน',
  'files.tooLarge': 'ไฟล์ {name} มีขนาด {size} เกิน 20 MB แนบไม่ได้ กรุณาย่อขนาดหรือแยกไฟล์',
  'files.failed': 'ส่งไฟล์ไม่สำเร็จ (การเชื่อมต่อขาดหรือเซิร์ฟเวอร์ไม่ตอบ) กรุณาลองอีกครั้ง',
  'files.private': 'เปิดได้เฉพาะผู้ใช้ของหน่วยงาน จนกว่าจะเผยแพร่บนหน้าสาธารณะ',
  'files.kind': 'ไฟล์ {kind} · {size}',
} as const;
