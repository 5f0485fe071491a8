// The OIT submission of a fiscal year (issue 18, part 5): every member reads the page and the CSV
// (per item: code and title, the office's website page answering it, every evidence address,
// the explanation and the links' health); administrators, and directors for the items their
// evidence serves, save an item's fields (policy.canEditSubmissionItem), audit-logged, guarded by
// the item's version. Mounted under /api/oit beside routes/oit.ts.
import { Hono } from 'hono';
import { valid } from '../middleware/validate';
import { clientIp } from '../middleware/session';
import { readerOf } from '../middleware/authorize';
import { accessOf, canEditSubmissionItem, type Actor } from '../domain/policy';
import { appError, forbidden } from '../domain/errors';
import { beYearParam } from '../domain/params';
import { PLAUSIBLE_DATES, implausibleDate } from '../domain/plausible-date';
import { bangkokToday } from '../domain/fiscal-year';
import { changedFields, submissionView, type SubmissionView } from '../domain/submission';
import { submissionCsv, submissionFileName } from '../domain/submission-csv';
import { submissionBody, submissionParam, type SubmissionBody } from '../domain/schemas/submission';
import { findFiscalYear, toFiscalYearView } from '../db/board';
import { findWritableYear } from '../db/fiscal-year-life';
import { readSubmission, readSubmissionItem, saveSubmission, submissionHealth } from '../db/submission';
import type { Db } from '../db/client';
import type { AppEnv } from '../env';

async function loadView(db: Db, actor: Actor, beYear: number, appUrl: string): Promise<SubmissionView> {
  const fy = await findFiscalYear(db, actor.orgId, beYear);
  const facts = await readSubmission(db, actor.orgId, fy);
  const healthOf = await submissionHealth(db, actor.orgId, fy, facts.evidence.map((e) => e.url));
  const writable = accessOf(actor).writesYear(fy);
  return submissionView({
    fiscalYear: toFiscalYearView(fy),
    office: facts.org,
    today: bangkokToday(new Date()),
    items: facts.items,
    evidence: facts.evidence,
    saved: facts.saved,
    healthOf,
    appUrl,
    mayEdit: (cardIds) => writable && canEditSubmissionItem(actor, actor.orgId, cardIds.flatMap((id) => facts.cards.get(id) ?? [])),
  });
}

const PERSON_LABEL = {
  requester: { th: 'วันที่ของผู้รับผิดชอบการให้ข้อมูล', en: 'The date of the person responsible for the information' },
  approver: { th: 'วันที่ของผู้อนุมัติรับรอง', en: 'The date of the approver' },
  poster: { th: 'วันที่ของผู้รับผิดชอบการนำข้อมูลขึ้นเผยแพร่', en: 'The date of the person who posted it' },
} as const;

/** Each date of the form must be one an office means (2543–2643 BE). */
function checkDates(body: SubmissionBody) {
  for (const who of ['requester', 'approver', 'poster'] as const) {
    const date = body[who].date;
    const problem = date === null ? null : implausibleDate(date, PLAUSIBLE_DATES, PERSON_LABEL[who]);
    if (problem) throw problem;
  }
}

export const submissionRoutes = new Hono<AppEnv>()
  .get('/:beYear/submission', valid('param', beYearParam), async (c) => {
    const actor = readerOf(c);
    return c.json(await loadView(c.get('db'), actor, c.req.valid('param').beYear, c.env.APP_URL));
  })
  .get('/:beYear/submission.csv', valid('param', beYearParam), async (c) => {
    const actor = readerOf(c);
    const view = await loadView(c.get('db'), actor, c.req.valid('param').beYear, c.env.APP_URL);
    c.header('Content-Type', 'text/csv; charset=utf-8; header=present');
    c.header('Content-Disposition', `attachment; filename="${submissionFileName(view.office.slug, view.fiscalYear.beYear)}"`);
    return c.body(submissionCsv(view));
  })
  .put('/:beYear/submission/:code', valid('param', submissionParam), valid('json', submissionBody), async (c) => {
    const actor = readerOf(c);
    const db = c.get('db');
    const { beYear, code } = c.req.valid('param');
    const body = c.req.valid('json');
    const fy = await findWritableYear(db, actor, beYear, accessOf(actor));
    const item = await readSubmissionItem(db, actor.orgId, fy, code);
    if (!item.exists) throw appError(404, 'not_found.oit_item');
    if (!canEditSubmissionItem(actor, actor.orgId, item.servingCards)) throw forbidden();
    checkDates(body);
    const { version: _v, ...fields } = body;
    const saved = await saveSubmission(db, actor.orgId, fy, code, body, { userId: actor.userId, ip: clientIp(c), changed: changedFields(item.saved, fields) });
    if (!saved) throw appError(409, 'submission_changed', { code }, { extra: { version: item.saved?.version ?? 0 } });
    const view = await loadView(db, actor, beYear, c.env.APP_URL);
    return c.json({ item: view.items.find((i) => i.code === code)! });
  });

/** This sub-app's routes as a type, for the web app's typed client (hc, web/src/api.ts). */
export type SubmissionApi = typeof submissionRoutes;
