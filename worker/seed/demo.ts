// The local demo office: the Phichit Provincial Education Office, its groups, one account per
// role, and the FY 2567 board produced by running the importer on the shipped announcement.
// Used by `npm start` (through the dev-only seed route) and by the tests.
import { oitCatalogueWrite } from '../db/aggregates';
import type { Db } from '../db/client';
import { groups, memberships, oitItems, organisations, users, type Role } from '../db/schema';
import { createBoardFromImport } from '../db/import';
import { parseAnnouncement } from '../domain/announcement';
import { hashPassword } from '../domain/password';
import { PHICHIT_2567_ANNOUNCEMENT } from './announcement-phichit-2567';
import { PROVINCIAL_EDUCATION_OFFICE_GROUPS } from './office-groups';
import { OIT_ITEMS_2567 } from './oit-items-2567';
import { insertRows } from '../db/insert-rows';

import { DEMO_PASSWORD } from './demo-password';

export { DEMO_PASSWORD };

export interface DemoAccount {
  email: string;
  displayName: string;
  role: Role;
  /** Thai name of the group, for directors and staff. */
  group: string | null;
  labelTh: string;
  labelEn: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'admin@demo.local', displayName: 'ผู้ดูแลระบบ (สาธิต)', role: 'admin', group: 'กลุ่มอำนวยการ', labelTh: 'ผู้ดูแลระบบ', labelEn: 'Administrator' },
  { email: 'executive@demo.local', displayName: 'ศึกษาธิการจังหวัด (สาธิต)', role: 'executive', group: null, labelTh: 'ผู้บริหาร', labelEn: 'Executive' },
  { email: 'director.admin@demo.local', displayName: 'ผอ.กลุ่มอำนวยการ (สาธิต)', role: 'director', group: 'กลุ่มอำนวยการ', labelTh: 'ผอ.กลุ่มอำนวยการ', labelEn: 'Director, Administration' },
  { email: 'director.personnel@demo.local', displayName: 'ผอ.กลุ่มบริหารงานบุคคล (สาธิต)', role: 'director', group: 'กลุ่มบริหารงานบุคคล', labelTh: 'ผอ.กลุ่มบริหารงานบุคคล', labelEn: 'Director, Personnel' },
  { email: 'staff@demo.local', displayName: 'บุคลากร (สาธิต)', role: 'staff', group: 'กลุ่มนโยบายและแผน', labelTh: 'บุคลากร', labelEn: 'Staff' },
];

/** Demo due dates: spread over the months after the announcement (June 2567), step by step. */
function demoDueOn(measure: number, step: number): string {
  const month = Math.min(9, 6 + Math.ceil((measure + step) / 3));
  return `2024-${String(month).padStart(2, '0')}-${month === 9 ? '30' : '28'}`;
}

export interface DemoIds {
  orgId: string;
  groupIds: Record<string, string>;
  userIds: Record<string, string>;
}

/** Creates an office with groups and accounts (no board). `slug` keeps test offices apart. */
export async function seedOffice(db: Db, opts: { slug: string; nameTh: string; nameEn: string; emailDomain?: string }): Promise<DemoIds> {
  const orgId = crypto.randomUUID();
  const groupRows = PROVINCIAL_EDUCATION_OFFICE_GROUPS.map((g, position) => ({ id: crypto.randomUUID(), orgId, position, ...g }));
  const groupIds = Object.fromEntries(groupRows.map((g) => [g.nameTh, g.id]));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const userRows = DEMO_ACCOUNTS.map((a) => ({
    id: crypto.randomUUID(),
    email: opts.emailDomain ? a.email.replace('demo.local', opts.emailDomain) : a.email,
    displayName: a.displayName,
    passwordHash,
  }));
  const userIds = Object.fromEntries(DEMO_ACCOUNTS.map((a, i) => [a.email, userRows[i]!.id]));
  await db.batch([
    db.insert(organisations).values({ id: orgId, slug: opts.slug, nameTh: opts.nameTh, nameEn: opts.nameEn, settings: {} }),
    db.insert(groups).values(groupRows),
    db.insert(users).values(userRows),
    db.insert(memberships).values(
      DEMO_ACCOUNTS.map((a, i) => ({ orgId, userId: userRows[i]!.id, role: a.role, groupId: a.group ? (groupIds[a.group] ?? null) : null })),
    ),
  ]);
  return { orgId, groupIds, userIds };
}

export async function seedDemo(db: Db, opts = { slug: 'phichit-peo', emailDomain: undefined as string | undefined }) {
  const ids = await seedOffice(db, {
    slug: opts.slug,
    nameTh: 'สำนักงานศึกษาธิการจังหวัดพิจิตร',
    nameEn: 'Phichit Provincial Education Office',
    emailDomain: opts.emailDomain,
  });
  const known = Object.entries(ids.groupIds).map(([nameTh, id]) => ({ id, nameTh }));
  const parsed = parseAnnouncement(PHICHIT_2567_ANNOUNCEMENT, known);
  const board = await createBoardFromImport(db, {
    orgId: ids.orgId,
    beYear: parsed.fiscalYearBE ?? 2567,
    titleTh: parsed.title,
    measures: parsed.measures,
    actorUserId: null,
    dueOn: demoDueOn,
  });
  const oitRows = OIT_ITEMS_2567.map((item, position) => ({ id: crypto.randomUUID(), orgId: ids.orgId, fiscalYearId: board.fiscalYearId, position, ...item }));
  const [first, ...rest] = insertRows(db, oitItems, oitRows);
  await db.batch([first!, ...rest, oitCatalogueWrite(db, board.fiscalYearId)]);
  return { ...ids, ...board, parsed };
}
