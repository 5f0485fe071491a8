// The sign-in form's strings, Thai (the form is a chunk of its own). English: signin.en.ts.
// Mechanism: worker/domain/i18n.ts; bound in ./signin.ts.
export const th = {
  'signIn.title': 'เข้าสู่ระบบ',
  'signIn.email': 'อีเมล',
  'signIn.password': 'รหัสผ่าน',
  'signIn.submit': 'เข้าสู่ระบบ',
  'signIn.submitting': 'กำลังเข้าสู่ระบบ…',
  'signIn.required': 'กรุณากรอกอีเมลและรหัสผ่าน',
  'signIn.demoTitle': 'บัญชีทดลอง (เฉพาะการพัฒนาในเครื่อง)',
  'signIn.demoAs': 'เข้าสู่ระบบเป็น {label}',
  'signIn.showPassword': 'แสดงรหัสผ่าน',
  'signIn.showYouAreNot': 'ยืนยันว่าไม่ใช่โปรแกรมอัตโนมัติ',
  'signIn.youCanTryAgain': 'ลองใหม่ได้ในอีก {remaining} วินาที',
} as const;
