// Interface strings, Thai first. `t()` reads the current language signal, so components that
// call it re-render when the language changes. Parameters are written {like_this}.
import type { Role } from '../../worker/domain/contracts';
import { lang, type Lang } from './state/ui';

const th = {
  'app.name': 'ITA Board',
  'app.tagline': 'กระดานติดตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส',
  loading: 'กำลังโหลด…',
  skip: 'ข้ามไปยังเนื้อหาหลัก',
  retry: 'ลองอีกครั้ง',
  dismiss: 'ปิด',
  'notices.region': 'การแจ้งเตือน',

  'lang.switch': 'EN',
  'lang.switchLabel': 'Switch to English',

  'signIn.title': 'เข้าสู่ระบบ',
  'signIn.email': 'อีเมล',
  'signIn.password': 'รหัสผ่าน',
  'signIn.submit': 'เข้าสู่ระบบ',
  'signIn.submitting': 'กำลังเข้าสู่ระบบ…',
  'signIn.required': 'กรุณากรอกอีเมลและรหัสผ่าน',
  'signIn.demoTitle': 'บัญชีทดลอง (เฉพาะการพัฒนาในเครื่อง)',
  'signIn.demoAs': 'เข้าสู่ระบบเป็น {label}',

  'nav.label': 'เมนูหลัก',
  'nav.board': 'กระดาน',
  'nav.dashboard': 'แดชบอร์ด',
  'nav.reports': 'รายงาน',
  'nav.oit': 'ความพร้อม OIT',
  'nav.admin': 'ผู้ดูแลระบบ',

  'header.fiscalYear': 'ปีงบประมาณ',
  'header.signOut': 'ออกจากระบบ',
  'header.signOutEverywhere': 'ออกจากระบบทุกอุปกรณ์',
  'header.user': 'ผู้ใช้งาน',

  'role.admin': 'ผู้ดูแลระบบ',
  'role.executive': 'ผู้บริหาร',
  'role.director': 'ผู้อำนวยการกลุ่ม',
  'role.staff': 'บุคลากร',

  'fy.label': 'ปีงบประมาณ พ.ศ. {be}',
  'fy.none': 'ยังไม่มีปีงบประมาณในระบบ',

  'board.label': 'กระดานมาตรการ {year}',
  'board.loading': 'กำลังโหลดกระดาน…',
  'board.error': 'โหลดกระดานไม่สำเร็จ',
  'board.empty': 'ยังไม่มีมาตรการหรือการ์ดในปีงบประมาณนี้',
  'board.measures': 'มาตรการ',

  'column.count': '{n} การ์ด',
  'column.wip': 'การ์ด {n} ใบ จากขีดจำกัด {limit} ใบ',
  'column.wipOver': 'เกินขีดจำกัด',

  'lane.measure': 'มาตรการที่ {n}',
  'lane.responsible': 'ผู้รับผิดชอบ: {who}',
  'lane.andAll': '{lead} และทุกกลุ่มงาน',
  'lane.other': 'การ์ดอื่น ๆ',

  'card.step': 'ขั้นตอนที่ {n}',
  'card.lead': 'ผู้รับผิดชอบหลัก',
  'card.allGroups': 'ทุกกลุ่มงาน',
  'card.groups': 'กลุ่มงาน',
  'card.due': 'กำหนด {date}',
  'card.overdue': 'เลยกำหนด',
  'card.details': 'รายละเอียด',
  'card.moveTo': 'ย้ายไป…',
  'card.moveLabel': 'ย้ายการ์ด “{title}” ไปคอลัมน์อื่น',
  'card.label': 'มาตรการที่ {measure} ขั้นตอนที่ {step}: {title}',

  'move.done': 'ย้าย “{title}” ไปที่ “{column}” แล้ว',
  'move.conflict': 'การ์ดนี้ถูกย้ายโดยผู้อื่นแล้ว แสดงตำแหน่งล่าสุด',
  'edit.done': 'บันทึกการ์ด “{title}” แล้ว',
  'edit.conflict': 'การ์ดนี้ถูกแก้ไขโดยผู้อื่นแล้ว แสดงข้อมูลล่าสุด',
  'session.expired': 'หมดเวลาการใช้งาน กรุณาเข้าสู่ระบบอีกครั้ง',
} as const;

export type StringKey = keyof typeof th;

const en: Record<StringKey, string> = {
  'app.name': 'ITA Board',
  'app.tagline': 'Tracking the integrity and transparency measures',
  loading: 'Loading…',
  skip: 'Skip to main content',
  retry: 'Try again',
  dismiss: 'Dismiss',
  'notices.region': 'Notifications',

  'lang.switch': 'ไทย',
  'lang.switchLabel': 'เปลี่ยนเป็นภาษาไทย',

  'signIn.title': 'Sign in',
  'signIn.email': 'Email',
  'signIn.password': 'Password',
  'signIn.submit': 'Sign in',
  'signIn.submitting': 'Signing in…',
  'signIn.required': 'Enter your email and password.',
  'signIn.demoTitle': 'Demo accounts (local development only)',
  'signIn.demoAs': 'Sign in as {label}',

  'nav.label': 'Main menu',
  'nav.board': 'Board',
  'nav.dashboard': 'Dashboard',
  'nav.reports': 'Reports',
  'nav.oit': 'OIT readiness',
  'nav.admin': 'Administration',

  'header.fiscalYear': 'Fiscal year',
  'header.signOut': 'Sign out',
  'header.signOutEverywhere': 'Sign out everywhere',
  'header.user': 'Signed in user',

  'role.admin': 'Administrator',
  'role.executive': 'Executive',
  'role.director': 'Group director',
  'role.staff': 'Staff',

  'fy.label': 'Fiscal year {be} BE ({from}–{to})',
  'fy.none': 'No fiscal years have been set up yet.',

  'board.label': 'Measures board, {year}',
  'board.loading': 'Loading the board…',
  'board.error': 'Could not load the board.',
  'board.empty': 'No measures or cards in this fiscal year yet.',
  'board.measures': 'Measures',

  'column.count': '{n} cards',
  'column.wip': '{n} cards of a limit of {limit}',
  'column.wipOver': 'Over limit',

  'lane.measure': 'Measure {n}',
  'lane.responsible': 'Responsible: {who}',
  'lane.andAll': '{lead} and all groups',
  'lane.other': 'Other cards',

  'card.step': 'Step {n}',
  'card.lead': 'Lead group',
  'card.allGroups': 'All groups',
  'card.groups': 'Groups',
  'card.due': 'Due {date}',
  'card.overdue': 'Overdue',
  'card.details': 'Details',
  'card.moveTo': 'Move to…',
  'card.moveLabel': 'Move card “{title}” to another column',
  'card.label': 'Measure {measure}, step {step}: {title}',

  'move.done': 'Moved “{title}” to “{column}”.',
  'move.conflict': 'Someone else moved this card first; showing its current place.',
  'edit.done': 'Saved “{title}”.',
  'edit.conflict': 'Someone else changed this card first; showing its latest version.',
  'session.expired': 'Your session has ended. Please sign in again.',
};

const dictionaries: Record<Lang, Record<StringKey, string>> = { th, en };

export type Params = Record<string, string | number>;

/** A message in both languages, for models that store text shown later. */
export interface Bilingual {
  th: string;
  en: string;
}

function format(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The string in `language` (the current one by default). */
export function t(key: StringKey, params?: Params, language: Lang = lang.value): string {
  return format(dictionaries[language][key], params);
}

/** The string in both languages. */
export function both(key: StringKey, params?: Params): Bilingual {
  return { th: t(key, params, 'th'), en: t(key, params, 'en') };
}

/** Pick the current language's side of a bilingual message. */
export function pick(message: Bilingual): string {
  return lang.value === 'en' ? message.en : message.th;
}

/** Pick a Thai/English pair of names (data rows have nameTh/nameEn, labelTh/labelEn…). */
export function local(thText: string, enText: string): string {
  return lang.value === 'en' && enText ? enText : thText;
}

export function roleLabel(role: Role): string {
  return t(`role.${role}`);
}

/** "ปีงบประมาณ พ.ศ. 2567" / "Fiscal year 2567 BE (2023–2024)". */
export function fiscalYearLabel(beYear: number): string {
  const endsGregorian = beYear - 543;
  return t('fy.label', { be: beYear, from: endsGregorian - 1, to: endsGregorian });
}
