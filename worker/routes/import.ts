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
import { fiscalYearIds } from '../db/board';
import { invalidateBoards } from '../live/notify';
import { blockingNames, choiceProblems, parseAnnouncement, planImport, planToken, type GroupChoice } from '../domain/announcement';
import { canAdminister } from '../domain/policy';
import { forbidden, appError } from '../domain/errors';
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
    throw appError(422, 'invalid_choice', undefined, { details: problems });
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
      throw appError(422, 'nothing_to_import.announcement', undefined, { details: parsed.warnings });
    }
    if (token !== body.token) {
      throw appError(409, 'preview_outdated');
    }
    const blocking = blockingNames(plan);
    if (blocking.length > 0) {
      const names = blocking.map((u) => (u.name === '' ? `(มาตรการ ${u.measures.join(', ')})` : u.name)).join(', ');
      throw appError(422, 'unresolved_groups', { names }, { details: blocking });
    }
    if (plan.checks.yearDiffers && !body.confirmYear) {
      throw appError(422, 'confirm_year', { announced: String(plan.checks.announcedYear), year: String(plan.beYear) });
    }
    if (plan.checks.officeDiffers && !body.confirmOffice) {
      throw appError(422, 'confirm_office', { announced: String(plan.checks.announcedOffice), office: String(plan.checks.officeName) });
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
    // New groups are the office's, shown on its other boards: their rooms load them again.
    if (plan.newGroups.length > 0) await invalidateBoards(c.env, actor.orgId, await fiscalYearIds(db, actor.orgId));
    return c.json({ ...result, warnings: parsed.warnings }, 201);
  });

/** This sub-app's routes as a type, for the web app's typed client (hc, web/src/api.ts). */
export type ImportApi = typeof importRoutes;
