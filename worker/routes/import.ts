// Importing an announcement: a preview that writes nothing, then a commit that creates the fiscal
// year's board. Administrators only.
//
// The preview answers the parsed announcement, the plan (what will be created: measures, groups
// to create, the report schedule, the checks that need confirming) and a token, the plan's
// digest. The commit sends the same text, year and choices with that token; the server parses
// and plans again and refuses when the token differs (the text, the choices or the office's
// groups changed since the preview), when a responsible name is still unresolved, or when a
// year or office that differs was not confirmed.
import { Hono } from 'hono';
import { valid } from '../middleware/validate';
import { actorOf } from '../middleware/session';
import { createBoardFromImport, readImportContext, yearHasBoard } from '../db/import';
import { blockingNames, choiceProblems, parseAnnouncement, planImport, planToken, type GroupChoice } from '../domain/announcement';
import { canAdminister } from '../domain/policy';
import { AppError, forbidden } from '../domain/errors';
import { importCommitBody, importPreviewBody } from '../domain/schemas/office';
import type { AppEnv } from '../env';
import type { Context } from 'hono';

async function planFor(c: Context<AppEnv>, body: { text: string; beYear?: number | null; choices: Record<string, GroupChoice> }) {
  const actor = actorOf(c);
  if (!canAdminister(actor, actor.orgId)) throw forbidden();
  const db = c.get('db');
  const { known, office } = await readImportContext(db, actor.orgId);
  const typedYear = body.beYear ?? null;
  // Timelines that name no year fall inside the year the board is for.
  const first = parseAnnouncement(body.text, known);
  const year = typedYear ?? first.fiscalYearBE;
  const parsed = year !== null && year !== first.fiscalYearBE ? parseAnnouncement(body.text, known, { fiscalYearBE: year }) : first;
  const problems = choiceProblems(parsed, body.choices, known);
  if (problems.length > 0) {
    throw new AppError(
      422,
      'invalid_choice',
      'ตัวเลือกกลุ่มงานบางรายการใช้ไม่ได้ (ชื่อที่ไม่อยู่ในตัวอย่าง หรือกลุ่มที่ไม่อยู่ในสำนักงานนี้) กรุณาตรวจสอบอีกครั้ง',
      'Some group choices do not apply (a name not in the preview, or a group not of this office); preview again',
      problems,
    );
  }
  const plan = planImport({ parsed, choices: body.choices, typedYear, officeName: office?.nameTh ?? '' });
  return { actor, db, parsed, plan, groups: known, token: await planToken(plan) };
}

export const importRoutes = new Hono<AppEnv>()
  .post('/preview', valid('json', importPreviewBody), async (c) => {
    const { db, actor, parsed, plan, groups: known, token } = await planFor(c, c.req.valid('json'));
    const hasBoard = plan.beYear !== null && (await yearHasBoard(db, actor.orgId, plan.beYear));
    return c.json({ ...parsed, plan, token, groups: known, yearHasBoard: hasBoard });
  })
  .post('/commit', valid('json', importCommitBody), async (c) => {
    const body = c.req.valid('json');
    const { actor, db, parsed, plan, token } = await planFor(c, body);
    if (parsed.measures.length === 0) {
      throw new AppError(422, 'nothing_to_import', 'ไม่พบตารางมาตรการในข้อความที่นำเข้า', 'No table of measures was found in the text', parsed.warnings);
    }
    if (token !== body.token) {
      throw new AppError(
        409,
        'preview_outdated',
        'ข้อความ ปีงบประมาณ ตัวเลือกกลุ่มงาน หรือกลุ่มงานของสำนักงาน เปลี่ยนไปหลังการตรวจสอบ กรุณากดตรวจสอบอีกครั้งก่อนสร้างบอร์ด',
        'The text, the year, the group choices or the office’s groups changed after the preview; preview again before creating the board',
      );
    }
    const blocking = blockingNames(plan);
    if (blocking.length > 0) {
      const names = blocking.map((u) => (u.name === '' ? `(มาตรการ ${u.measures.join(', ')})` : u.name)).join(', ');
      throw new AppError(
        422,
        'unresolved_groups',
        `ยังไม่ได้เลือกกลุ่มงานสำหรับผู้รับผิดชอบ: ${names}`,
        `Choose a group for these responsible names first: ${names}`,
        blocking,
      );
    }
    if (plan.checks.yearDiffers && !body.confirmYear) {
      throw new AppError(
        422,
        'confirm_year',
        `ประกาศเป็นของปีงบประมาณ ${plan.checks.announcedYear} แต่จะสร้างบอร์ดปี ${plan.beYear} กรุณายืนยัน`,
        `The announcement is for fiscal year ${plan.checks.announcedYear} but the board is for ${plan.beYear}; please confirm`,
      );
    }
    if (plan.checks.officeDiffers && !body.confirmOffice) {
      throw new AppError(
        422,
        'confirm_office',
        `ประกาศเป็นของ "${plan.checks.announcedOffice}" ไม่ใช่ "${plan.checks.officeName}" กรุณายืนยัน`,
        `The announcement is by "${plan.checks.announcedOffice}", not "${plan.checks.officeName}"; please confirm`,
      );
    }
    const result = await createBoardFromImport(db, {
      orgId: actor.orgId,
      beYear: body.beYear,
      titleTh: plan.title,
      measures: plan.measures,
      newGroups: plan.newGroups,
      schedule: plan.schedule,
      actorUserId: actor.userId,
    });
    return c.json({ ...result, warnings: parsed.warnings }, 201);
  });

/** This sub-app's routes as a type, for the web app's typed client (hc, web/src/api.ts). */
export type ImportApi = typeof importRoutes;
