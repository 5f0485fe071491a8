// Parent bodies for the demo and the tests (issue 19): a parent body with its own accounts, and
// offices placed under it as if they had accepted its invitation (the join is logged the same way).
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { auditLog, memberships, organisations, users, type Role } from '../db/schema';
import { hashPassword } from '../domain/password';
import { DEMO_PASSWORD } from './demo-password';
import { seedOffice } from './demo';
import { readImportContext } from '../db/import';
import { aggregatesParentWrite } from '../db/aggregates';
import { adoptTemplate, publishVersion, saveWorkingCopy, templateById } from '../db/templates';
import { parseAnnouncement } from '../domain/announcement';
import { mergeWorkingCopy, suggestPlacement, type TemplateContent } from '../domain/template';

export interface ParentAccount {
  email: string;
  displayName: string;
  role: Extract<Role, 'admin' | 'oversight'>;
}

/** A parent body ('parent' kind) with its accounts (password: the demo password). */
export async function seedParentBody(
  db: Db,
  opts: { slug: string; nameTh: string; nameEn: string; accounts: readonly ParentAccount[]; passwordHash?: string },
): Promise<{ orgId: string; userIds: Record<string, string> }> {
  const orgId = crypto.randomUUID();
  const passwordHash = opts.passwordHash ?? (await hashPassword(DEMO_PASSWORD));
  const rows = opts.accounts.map((a) => ({ id: crypto.randomUUID(), email: a.email, displayName: a.displayName, passwordHash }));
  await db.batch([
    db.insert(organisations).values({ id: orgId, slug: opts.slug, nameTh: opts.nameTh, nameEn: opts.nameEn, kind: 'parent' }),
    ...(rows.length > 0
      ? [db.insert(users).values(rows), db.insert(memberships).values(opts.accounts.map((a, i) => ({ orgId, userId: rows[i]!.id, role: a.role, groupId: null })))]
      : []),
  ]);
  return { orgId, userIds: Object.fromEntries(opts.accounts.map((a, i) => [a.email, rows[i]!.id])) };
}

/** Places organisations under a parent body with their attributes, logging each join in both. */
export async function placeUnder(db: Db, parentId: string, children: readonly { orgId: string; attributes?: Record<string, string> }[]) {
  if (children.length === 0) return;
  const now = Date.now();
  await db.batch([
    db.insert(auditLog).values(
      children.flatMap((ch) => [ch.orgId, parentId].map((orgId) => ({ orgId, userId: null, action: 'org.joined', detail: { parentOrgId: parentId, officeOrgId: ch.orgId, seeded: true }, at: now }))),
    ),
    ...children.flatMap((ch) => [db.update(organisations).set({ parentId, attributes: ch.attributes ?? {} }).where(sql`${organisations.id} = ${ch.orgId}`), aggregatesParentWrite(db, ch.orgId)]),
  ]);
}

// ---- the demo's parent body ----------------------------------------------------------------------

export const PARENT_DEMO_ACCOUNTS = [
  { email: 'region.admin@demo.local', displayName: 'ผู้ดูแลระบบ ศึกษาธิการภาค (สาธิต)', role: 'admin', labelTh: 'ผู้ดูแลระบบ ต้นสังกัด', labelEn: 'Administrator, parent body' },
  { email: 'region.oversight@demo.local', displayName: 'ผู้กำกับติดตาม ศึกษาธิการภาค (สาธิต)', role: 'oversight', labelTh: 'ผู้กำกับติดตาม ต้นสังกัด', labelEn: 'Oversight, parent body' },
] as const satisfies readonly (ParentAccount & { labelTh: string; labelEn: string })[];

/** The measures the demo's parent body asks of every office (a small announcement, imported like any). */
export const REGION_TEMPLATE_TEXT = [
  'ที่\tมาตรการ/แนวทาง\tขั้นตอน/วิธีดำเนินการ\tผู้รับผิดชอบ\tการกำกับติดตาม/รายงานผล',
  '๑\tเผยแพร่ข้อมูลสาธารณะให้ครบถ้วนเป็นปัจจุบัน\t๑. สำรวจข้อมูลที่ต้องเผยแพร่ ๒. ปรับปรุงเว็บไซต์ ๓. รายงานผลต่อผู้บริหาร\tกลุ่มอำนวยการ\t๑. รายงานผลทุกไตรมาส',
  '๒\tป้องกันการรับสินบนและผลประโยชน์ทับซ้อน\t๑. ประกาศนโยบาย No Gift Policy ๒. อบรมบุคลากร\tกลุ่มบริหารงานบุคคล\t๑. รายงานผลการอบรม',
  '๓\tเปิดช่องทางรับฟังความคิดเห็นของผู้รับบริการ\t๑. เปิดช่องทางออนไลน์ ๒. สรุปความคิดเห็นเสนอผู้บริหาร\tกลุ่มนโยบายและแผน\t๑. รายงานสรุปความคิดเห็น',
].join('\n');

/**
 * The demo's parent body: "สำนักงานศึกษาธิการภาค (ตัวอย่าง)" with the demo office and two small
 * offices under it (attributes: province group and size), its administrator and oversight user,
 * and its template for the year `beYear`, published and adopted by all three offices (the demo
 * office into the board it already has, the two others onto new boards).
 */
export async function seedParentDemo(db: Db, demoOfficeId: string, demoAdminId: string, beYear: number) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const parent = await seedParentBody(db, { slug: 'region-demo', nameTh: 'สำนักงานศึกษาธิการภาค (ตัวอย่าง)', nameEn: 'Regional Education Office (example)', accounts: PARENT_DEMO_ACCOUNTS, passwordHash });
  const small = [];
  for (const [slug, nameTh, nameEn] of [
    ['uttaradit-demo', 'สำนักงานศึกษาธิการจังหวัดอุตรดิตถ์ (ตัวอย่าง)', 'Uttaradit Provincial Education Office (example)'],
    ['sukhothai-demo', 'สำนักงานศึกษาธิการจังหวัดสุโขทัย (ตัวอย่าง)', 'Sukhothai Provincial Education Office (example)'],
  ] as const) {
    small.push(await seedOffice(db, { slug, nameTh, nameEn, emailDomain: `${slug.split('-')[0]}.demo.local` }));
  }
  await placeUnder(db, parent.orgId, [
    { orgId: demoOfficeId, attributes: { กลุ่มจังหวัด: 'ภาคเหนือตอนล่าง 2', ขนาด: 'ใหญ่' } },
    { orgId: small[0]!.orgId, attributes: { กลุ่มจังหวัด: 'ภาคเหนือตอนล่าง 1', ขนาด: 'กลาง' } },
    { orgId: small[1]!.orgId, attributes: { กลุ่มจังหวัด: 'ภาคเหนือตอนล่าง 1', ขนาด: 'เล็ก' } },
  ]);
  const adminId = parent.userIds['region.admin@demo.local']!;
  const parsed = parseAnnouncement(REGION_TEMPLATE_TEXT, [], { fiscalYearBE: beYear });
  const copy = mergeWorkingCopy(
    [],
    parsed.measures.map((m) => ({ section: 'table', number: m.number, title: m.title, responsibleText: m.responsibleText, allGroups: m.allGroups, monitoring: m.monitoring, dueOn: m.dueOn, steps: m.steps })),
    () => crypto.randomUUID(),
  ).map((m, i) => ({ ...m, steps: m.steps.map((s, j) => ({ ...s, dueOn: `${beYear - 543}-0${Math.min(9, 2 + i * 2 + j)}-28` })) }));
  const title = `มาตรการส่งเสริมคุณธรรมและความโปร่งใส ของหน่วยงานในสังกัด ปีงบประมาณ ${beYear}`;
  const templateId = await saveWorkingCopy(db, { orgId: parent.orgId, beYear, title, userId: adminId, existing: null, copy, previous: [] });
  const template = (await templateById(db, templateId))!;
  const content: TemplateContent = { title, beYear, version: 1, measures: copy };
  await publishVersion(db, template, content, adminId);
  const published = (await templateById(db, templateId))!;
  for (const office of [demoOfficeId, ...small.map((s) => s.orgId)]) {
    const { known } = await readImportContext(db, office);
    // Adopted by each office's own administrator.
    const adopterId = office === demoOfficeId ? demoAdminId : small.find((s) => s.orgId === office)!.userIds['admin@demo.local']!;
    await adoptTemplate(db, { orgId: office, template: published, content, placeOf: (text) => suggestPlacement(text, known), groupMap: {}, userId: adopterId });
  }
  return { parentOrgId: parent.orgId, templateId, offices: [demoOfficeId, ...small.map((s) => s.orgId)] };
}
