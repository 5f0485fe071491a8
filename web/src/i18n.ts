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
  'lang.switchLabel': 'EN: switch to English',

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
  'card.moveLabel': 'ย้ายไป… การ์ด “{title}”',
  'card.label': 'มาตรการที่ {measure} ขั้นตอนที่ {step}: {title}',

  'move.done': 'ย้าย “{title}” ไปที่ “{column}” แล้ว',
  'move.conflict': 'การ์ดนี้ถูกย้ายโดยผู้อื่นแล้ว แสดงตำแหน่งล่าสุด',
  'edit.done': 'บันทึกการ์ด “{title}” แล้ว',
  'edit.conflict': 'การ์ดนี้ถูกแก้ไขโดยผู้อื่นแล้ว แสดงข้อมูลล่าสุด',
  // Board: drag and drop, filters, live updates, the card drawer.
  'dnd.handle': 'ลากเพื่อย้ายการ์ด “{title}”',
  'dnd.handleHint': 'ลากหรือกด Space เพื่อย้าย',
  'dnd.roleDescription': 'การ์ดที่ย้ายได้',
  'dnd.instructions': 'กด Space หรือ Enter เพื่อหยิบการ์ด ใช้ปุ่มลูกศรเพื่อย้ายไปคอลัมน์หรือตำแหน่งอื่น กด Space หรือ Enter อีกครั้งเพื่อวาง หรือกด Escape เพื่อยกเลิก',
  'dnd.start': 'หยิบการ์ด “{title}” จากคอลัมน์ {column} แล้ว',
  'dnd.over': 'การ์ด “{title}” อยู่ที่คอลัมน์ {column} ตำแหน่งที่ {position} จาก {total}',
  'dnd.outside': 'การ์ด “{title}” ไม่ได้อยู่เหนือตำแหน่งที่วางได้',
  'dnd.dropped': 'วางการ์ด “{title}” ที่คอลัมน์ {column} ตำแหน่งที่ {position} จาก {total} แล้ว',
  'dnd.stayed': 'การ์ด “{title}” อยู่ที่เดิม',
  'dnd.cancelled': 'ยกเลิกการย้าย การ์ด “{title}” กลับไปที่คอลัมน์ {column}',
  'lanes.label': 'แบ่งแถวตาม',
  'lanes.byMeasure': 'มาตรการ',
  'lanes.byGroup': 'กลุ่มงานหลัก',
  'lanes.none': 'ไม่แบ่งแถว',
  'lane.all': 'ทุกการ์ด',
  'lane.noGroup': 'ไม่มีกลุ่มงานหลัก',
  'filters.label': 'ตัวกรองกระดาน',
  'filters.search': 'ค้นหา',
  'filters.searchHint': 'ชื่อหรือรายละเอียดการ์ด',
  'filters.group': 'กลุ่มงาน',
  'filters.allGroups': 'ทุกกลุ่มงาน',
  'filters.measure': 'มาตรการ',
  'filters.allMeasures': 'ทุกมาตรการ',
  'filters.due': 'กำหนดเสร็จ',
  'filters.anyDue': 'ทั้งหมด',
  'filters.overdue': 'เลยกำหนด',
  'filters.soon': 'ครบกำหนดภายใน 2 สัปดาห์',
  'filters.mine': 'เฉพาะกลุ่มของฉัน ({group})',
  'filters.showing': 'แสดง {shown} จาก {total} การ์ด',
  'filters.all': 'การ์ดทั้งหมด {total} ใบ',
  'filters.clear': 'ล้างตัวกรอง',
  'filters.noMatch': 'ไม่มีการ์ดที่ตรงกับตัวกรอง',
  'live.open': 'อัปเดตสด',
  'live.reconnecting': 'กำลังเชื่อมต่อใหม่…',
  'drawer.close': 'ปิด',
  'drawer.notFound': 'ไม่พบการ์ด',
  'drawer.due': 'กำหนดเสร็จ',
  'drawer.noDue': 'ไม่มีกำหนด',
  'drawer.noDetails': 'ยังไม่มีรายละเอียด',
  'drawer.noLead': 'ไม่ระบุ',
  'drawer.participants': 'กลุ่มงานที่ร่วมดำเนินการ',
  'drawer.save': 'บันทึก',
  'drawer.keepOwnGroup': 'กลุ่มของคุณต้องเป็นกลุ่มหลักหรือกลุ่มที่ร่วมดำเนินการ มิฉะนั้นคุณจะแก้ไขการ์ดนี้ไม่ได้อีก',
  'drawer.byAt': '{who} · {at}',
  'drawer.someone': 'ผู้ใช้ที่ถูกลบ',
  'due.day': 'วัน',
  'due.month': 'เดือน',
  'due.year': 'ปี พ.ศ.',
  'due.beYear': 'พ.ศ. {year}',
  'due.clear': 'ไม่มีกำหนด',
  'due.incomplete': 'กรุณาเลือกวัน เดือน และปี พ.ศ. ให้ครบ หรือกด “ไม่มีกำหนด”',
  'due.noSuchDay': 'ไม่มีวันที่นี้ในเดือนที่เลือก',
  'checklist.title': 'รายการตรวจสอบ',
  'checklist.progress': '{done}/{total}',
  'checklist.empty': 'ยังไม่มีรายการ',
  'checklist.done': 'เสร็จแล้ว',
  'checklist.notDone': 'ยังไม่เสร็จ',
  'checklist.add': 'เพิ่มรายการ',
  'checklist.addHint': 'รายการใหม่',
  'checklist.rename': 'แก้ไข',
  'checklist.renameItem': 'แก้ไขรายการ “{text}”',
  'checklist.remove': 'ลบ',
  'checklist.removeItem': 'ลบรายการ “{text}”',
  'checklist.saved': 'บันทึกรายการตรวจสอบของ “{title}” แล้ว',
  'evidence.title': 'หลักฐาน (ลิงก์ที่เผยแพร่)',
  'evidence.empty': 'ยังไม่มีหลักฐาน',
  'evidence.url': 'ลิงก์ (URL)',
  'evidence.oit': 'ข้อ OIT',
  'evidence.noOit': 'ไม่ระบุข้อ OIT',
  'evidence.note': 'หมายเหตุ',
  'evidence.add': 'เพิ่มหลักฐาน',
  'evidence.added': 'เพิ่มหลักฐานแล้ว',
  'evidence.remove': 'ลบ',
  'evidence.removed': 'ลบหลักฐานแล้ว',
  'evidence.confirmRemove': 'ลบหลักฐานนี้หรือไม่',
  'evidence.badUrl': 'ลิงก์ต้องขึ้นต้นด้วย http:// หรือ https://',
  'comments.title': 'ความคิดเห็น',
  'comments.empty': 'ยังไม่มีความคิดเห็น',
  'comments.add': 'เขียนความคิดเห็น',
  'comments.send': 'ส่งความคิดเห็น',
  'comments.required': 'กรุณาพิมพ์ความคิดเห็น',
  'comment.added': 'ส่งความคิดเห็นแล้ว',
  'timeline.title': 'ประวัติการดำเนินการ',
  'timeline.empty': 'ยังไม่มีประวัติ',
  'timeline.system': 'ระบบ',
  'timeline.created': 'สร้างการ์ด',
  'timeline.moved': 'ย้าย: {from} → {to}',
  'timeline.reordered': 'เปลี่ยนลำดับในคอลัมน์ {column}',
  'timeline.edited': 'แก้ไข: {changes}',
  'timeline.evidence': 'เพิ่มหลักฐาน: {url}',
  'timeline.evidenceOit': 'เพิ่มหลักฐาน {code}: {url}',
  'timeline.evidenceRemoved': 'ลบหลักฐาน {url}',
  'timeline.comment': 'แสดงความคิดเห็น',
  'timeline.unknownColumn': 'คอลัมน์ที่ถูกลบ',
  'timeline.field.title': 'ชื่อการ์ด',
  'timeline.yes': 'ใช่',
  'timeline.no': 'ไม่ใช่',
  'session.expired': 'หมดเวลาการใช้งาน กรุณาเข้าสู่ระบบอีกครั้ง',
  'session.signedOutElsewhere': 'ออกจากระบบแล้ว (จากแท็บหรืออุปกรณ์อื่น) กรุณาเข้าสู่ระบบอีกครั้ง',
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
  'card.moveLabel': 'Move to… card “{title}”',
  'card.label': 'Measure {measure}, step {step}: {title}',

  'move.done': 'Moved “{title}” to “{column}”.',
  'move.conflict': 'Someone else moved this card first; showing its current place.',
  'edit.done': 'Saved “{title}”.',
  'edit.conflict': 'Someone else changed this card first; showing its latest version.',
  // Board: drag and drop, filters, live updates, the card drawer.
  'dnd.handle': 'Drag to move card “{title}”',
  'dnd.handleHint': 'Drag, or press Space to move',
  'dnd.roleDescription': 'movable card',
  'dnd.instructions': 'Press Space or Enter to pick up the card. Use the arrow keys to move it to another column or place. Press Space or Enter again to drop it, or Escape to cancel.',
  'dnd.start': 'Picked up card “{title}” from column {column}.',
  'dnd.over': 'Card “{title}” is over column {column}, position {position} of {total}.',
  'dnd.outside': 'Card “{title}” is not over a place where it can be dropped.',
  'dnd.dropped': 'Dropped card “{title}” in column {column}, position {position} of {total}.',
  'dnd.stayed': 'Card “{title}” stays where it was.',
  'dnd.cancelled': 'Move cancelled. Card “{title}” is back in column {column}.',
  'lanes.label': 'Rows by',
  'lanes.byMeasure': 'Measure',
  'lanes.byGroup': 'Lead group',
  'lanes.none': 'No rows',
  'lane.all': 'All cards',
  'lane.noGroup': 'No lead group',
  'filters.label': 'Board filters',
  'filters.search': 'Search',
  'filters.searchHint': 'Card title or details',
  'filters.group': 'Group',
  'filters.allGroups': 'All groups',
  'filters.measure': 'Measure',
  'filters.allMeasures': 'All measures',
  'filters.due': 'Due',
  'filters.anyDue': 'Any',
  'filters.overdue': 'Overdue',
  'filters.soon': 'Due within 2 weeks',
  'filters.mine': 'My group only ({group})',
  'filters.showing': 'Showing {shown} of {total} cards',
  'filters.all': '{total} cards',
  'filters.clear': 'Clear filters',
  'filters.noMatch': 'No cards match the filters.',
  'live.open': 'Live',
  'live.reconnecting': 'Reconnecting…',
  'drawer.close': 'Close',
  'drawer.notFound': 'Card not found',
  'drawer.due': 'Due date',
  'drawer.noDue': 'No due date',
  'drawer.noDetails': 'No details yet.',
  'drawer.noLead': 'None',
  'drawer.participants': 'Participating groups',
  'drawer.save': 'Save',
  'drawer.keepOwnGroup': 'Your group must stay the lead or a participating group; otherwise you could no longer edit this card.',
  'drawer.byAt': '{who} · {at}',
  'drawer.someone': 'A removed user',
  'due.day': 'Day',
  'due.month': 'Month',
  'due.year': 'Year (BE)',
  'due.beYear': '{year} BE',
  'due.clear': 'No due date',
  'due.incomplete': 'Choose the day, month and BE year, or press “No due date”.',
  'due.noSuchDay': 'That day does not exist in the chosen month.',
  'checklist.title': 'Checklist',
  'checklist.progress': '{done}/{total}',
  'checklist.empty': 'No items yet.',
  'checklist.done': 'Done',
  'checklist.notDone': 'Not done',
  'checklist.add': 'Add item',
  'checklist.addHint': 'New item',
  'checklist.rename': 'Edit',
  'checklist.renameItem': 'Edit item “{text}”',
  'checklist.remove': 'Remove',
  'checklist.removeItem': 'Remove item “{text}”',
  'checklist.saved': 'Saved the checklist of “{title}”.',
  'evidence.title': 'Evidence (published links)',
  'evidence.empty': 'No evidence yet.',
  'evidence.url': 'Link (URL)',
  'evidence.oit': 'OIT item',
  'evidence.noOit': 'No OIT item',
  'evidence.note': 'Note',
  'evidence.add': 'Add evidence',
  'evidence.added': 'Evidence added.',
  'evidence.remove': 'Remove',
  'evidence.removed': 'Evidence removed.',
  'evidence.confirmRemove': 'Remove this evidence link?',
  'evidence.badUrl': 'The link must start with http:// or https://',
  'comments.title': 'Comments',
  'comments.empty': 'No comments yet.',
  'comments.add': 'Write a comment',
  'comments.send': 'Send comment',
  'comments.required': 'Type a comment first.',
  'comment.added': 'Comment sent.',
  'timeline.title': 'History',
  'timeline.empty': 'No history yet.',
  'timeline.system': 'System',
  'timeline.created': 'Card created',
  'timeline.moved': 'Moved: {from} → {to}',
  'timeline.reordered': 'Reordered in column {column}',
  'timeline.edited': 'Edited: {changes}',
  'timeline.evidence': 'Added evidence: {url}',
  'timeline.evidenceOit': 'Added evidence for {code}: {url}',
  'timeline.evidenceRemoved': 'Removed evidence {url}',
  'timeline.comment': 'Commented',
  'timeline.unknownColumn': 'a removed column',
  'timeline.field.title': 'Title',
  'timeline.yes': 'yes',
  'timeline.no': 'no',
  'session.expired': 'Your session has ended. Please sign in again.',
  'session.signedOutElsewhere': 'You were signed out (in another tab or on another device). Please sign in again.',
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
