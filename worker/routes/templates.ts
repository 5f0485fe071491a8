// Templates (issue 19). A parent body's administrator imports an announcement with the existing
// importer into the template's working copy (a parent body has no groups: responsible names stay
// text) and publishes it for a fiscal year; each publish freezes a version. An office's
// administrator adopts a published template of one of its parent bodies (its steps become cards,
// the responsible names mapped to the office's groups), and decides, one by one, the differences
// a later version offers: nothing changes without that decision.
import { Hono, type Context } from 'hono';
import { valid } from '../middleware/validate';
import { actorOf } from '../middleware/session';
import { ancestorsOf, orgById } from '../db/tree';
import { readImportContext, yearHasBoard } from '../db/import';
import {
  adoptionOf,
  adoptionsOfTemplate,
  adoptTemplate,
  applyDecisions,
  decisionsOf,
  publishVersion,
  saveWorkingCopy,
  templateById,
  templateOf,
  templatesOfOrgs,
  versionContent,
  workingCopy,
} from '../db/templates';
import { invalidateBoards } from '../live/notify';
import { parseAnnouncement } from '../domain/announcement';
import { diffTemplate, mergeWorkingCopy, responsibleNames, sameContent, suggestPlacement, type Placement, type TemplateContent } from '../domain/template';
import { canAdoptTemplate, type Actor } from '../domain/policy';
import { appError, forbidden } from '../domain/errors';
import { idParam } from '../domain/schemas/common';
import { adoptBody, decideChangesBody, templateImportBody } from '../domain/schemas/tree';
import { parentAdminOf, parentReaderOf } from './tree';
import type { AppEnv } from '../env';

const noTemplate = () => appError(404, 'not_found.template');

/** The office administrator and a published template of one of the office's parent bodies (else 404). */
async function officeTemplate(c: Context<AppEnv>, templateId: string) {
  const actor = actorOf(c);
  const db = c.get('db');
  const org = await orgById(db, actor.orgId);
  if (!org || !canAdoptTemplate(actor, org)) throw forbidden();
  const template = await templateById(db, templateId);
  if (!template || !(await ancestorsOf(db, org.id)).includes(template.orgId)) throw noTemplate();
  if (template.version === 0) throw appError(409, 'template.unpublished');
  const latest = (await versionContent(db, template.id, template.version))!;
  return { actor, db, org, template, latest };
}

/** The office's groups, and where each responsible name goes: the office's choice, else the importer's suggestion. */
async function placements(c: Context<AppEnv>, actor: Actor, chosen: Record<string, Placement>) {
  const { known } = await readImportContext(c.get('db'), actor.orgId);
  const ids = new Set(known.map((g) => g.id));
  for (const p of Object.values(chosen)) {
    if ((p.leadGroupId && !ids.has(p.leadGroupId)) || p.groupIds.some((g) => !ids.has(g))) throw appError(422, 'invalid_group');
  }
  const placeOf = (text: string): Placement => chosen[text] ?? suggestPlacement(text, known);
  return { known, placeOf };
}

/** What an office is offered now: the differences from the version it is at to the latest, less those decided. */
async function pendingChanges(c: Context<AppEnv>, adoption: NonNullable<Awaited<ReturnType<typeof adoptionOf>>>, template: { id: string; version: number }, latest: TemplateContent) {
  const db = c.get('db');
  if (adoption.version >= template.version) return [];
  const [from, decided] = await Promise.all([versionContent(db, template.id, adoption.version), decisionsOf(db, adoption.id, template.version)]);
  const done = new Set(decided.map((d) => d.itemId));
  return diffTemplate(from, latest).filter((ch) => !done.has(ch.itemId));
}

export const templateRoutes = new Hono<AppEnv>()
  // ---- a parent body's side -------------------------------------------------------------------
  .get('/parent/templates', async (c) => {
    const { org } = await parentReaderOf(c);
    const db = c.get('db');
    const list = await templatesOfOrgs(db, [org.id]);
    const out = [];
    for (const t of list) {
      const adoptions = await adoptionsOfTemplate(db, t.id);
      out.push({ ...t, adoptions: adoptions.length, current: adoptions.filter((a) => a.version === t.version).length, copy: await workingCopy(db, t.id) });
    }
    return c.json({ templates: out });
  })
  .post('/parent/templates/import', valid('json', templateImportBody), async (c) => {
    const { actor, org } = await parentAdminOf(c);
    const db = c.get('db');
    const body = c.req.valid('json');
    // The existing importer, with no groups: responsible names stay as written.
    const parsed = parseAnnouncement(body.text, [], { fiscalYearBE: body.beYear });
    if (parsed.measures.length === 0) throw appError(422, 'nothing_to_import.announcement', undefined, { details: parsed.warnings });
    const existing = await templateOf(db, org.id, body.beYear);
    const previous = existing ? await workingCopy(db, existing.id) : [];
    const copy = mergeWorkingCopy(
      previous,
      parsed.measures.map((m) => ({ section: 'table', number: m.number, title: m.title, responsibleText: m.responsibleText, allGroups: m.allGroups, monitoring: m.monitoring, dueOn: m.dueOn, steps: m.steps })),
      () => crypto.randomUUID(),
    );
    const title = body.title ?? existing?.title ?? (parsed.title || `แม่แบบมาตรการ ปีงบประมาณ ${body.beYear}`);
    const id = await saveWorkingCopy(db, { orgId: org.id, beYear: body.beYear, title, userId: actor.userId, existing, copy, previous });
    const published = existing && existing.version > 0 ? await versionContent(db, id, existing.version) : null;
    return c.json({ id, beYear: body.beYear, title, measures: copy.length, steps: copy.reduce((n, m) => n + m.steps.length, 0), unpublishedChanges: diffTemplate(published, { title, beYear: body.beYear, version: 0, measures: copy }).length, warnings: parsed.warnings }, 201);
  })
  .post('/parent/templates/:id/publish', valid('param', idParam), async (c) => {
    const { actor, org } = await parentAdminOf(c);
    const db = c.get('db');
    const template = await templateById(db, c.req.valid('param').id);
    if (!template || template.orgId !== org.id) throw noTemplate();
    const copy = await workingCopy(db, template.id);
    if (copy.length === 0) throw appError(422, 'template.empty');
    const last = template.version > 0 ? await versionContent(db, template.id, template.version) : null;
    if (last && sameContent(last.measures, copy) && last.title === template.title) throw appError(409, 'template.nothing_to_publish');
    const content: TemplateContent = { title: template.title, beYear: template.beYear, version: template.version + 1, measures: copy };
    if (!(await publishVersion(db, template, content, actor.userId))) throw appError(409, 'busy');
    return c.json({ id: template.id, version: content.version, changes: diffTemplate(last, content).length }, 201);
  })

  // ---- an office's side -----------------------------------------------------------------------
  .get('/office/templates', async (c) => {
    const actor = actorOf(c);
    const db = c.get('db');
    const org = await orgById(db, actor.orgId);
    if (!org || !canAdoptTemplate(actor, org)) throw forbidden();
    const ancestors = await ancestorsOf(db, org.id);
    const list = (await templatesOfOrgs(db, ancestors)).filter((t) => t.version > 0);
    // Who published each: the office may see its parent's and a grandparent's templates.
    const publishers = new Map((await Promise.all(ancestors.map((id) => orgById(db, id)))).flatMap((o) => (o ? [[o.id, { nameTh: o.nameTh, nameEn: o.nameEn }] as const] : [])));
    const out = [];
    for (const t of list) {
      const adoption = await adoptionOf(db, org.id, t.id);
      const latest = (await versionContent(db, t.id, t.version))!;
      const pending = adoption ? (await pendingChanges(c, adoption, t, latest)).length : 0;
      out.push({ id: t.id, orgId: t.orgId, publisher: publishers.get(t.orgId) ?? null, beYear: t.beYear, title: t.title, version: t.version, publishedAt: t.publishedAt, adoptedVersion: adoption?.version ?? null, pending });
    }
    return c.json({ templates: out });
  })
  .get('/office/templates/:id', valid('param', idParam), async (c) => {
    const { db, org, template, latest } = await officeTemplate(c, c.req.valid('param').id);
    const [{ known }, adoption, hasBoard] = await Promise.all([readImportContext(db, org.id), adoptionOf(db, org.id, template.id), yearHasBoard(db, org.id, template.beYear)]);
    return c.json({
      template: { id: template.id, beYear: template.beYear, title: template.title, version: template.version },
      /** Adopting adds to the office's board of the year (true) or creates it (false). */
      yearHasBoard: hasBoard,
      content: latest,
      groups: known,
      names: responsibleNames(latest).map((text) => ({ text, suggestion: suggestPlacement(text, known) })),
      adoption: adoption ? { version: adoption.version, fiscalYearId: adoption.fiscalYearId, adoptedAt: adoption.adoptedAt } : null,
      changes: adoption ? await pendingChanges(c, adoption, template, latest) : [],
    });
  })
  .post('/office/templates/:id/adopt', valid('param', idParam), valid('json', adoptBody), async (c) => {
    const { actor, db, org, template, latest } = await officeTemplate(c, c.req.valid('param').id);
    if (await adoptionOf(db, org.id, template.id)) throw appError(409, 'template.already_adopted');
    const { groupMap } = c.req.valid('json');
    const { placeOf } = await placements(c, actor, groupMap);
    const result = await adoptTemplate(db, { orgId: org.id, template, content: latest, placeOf, groupMap, userId: actor.userId });
    // Cards added to a board that has a room: it loads again.
    if (!result.newBoard) await invalidateBoards(c.env, org.id, [result.fiscalYearId]);
    return c.json({ ...result, version: latest.version, beYear: latest.beYear }, 201);
  })
  .post('/office/templates/:id/changes', valid('param', idParam), valid('json', decideChangesBody), async (c) => {
    const { actor, db, org, template, latest } = await officeTemplate(c, c.req.valid('param').id);
    const adoption = await adoptionOf(db, org.id, template.id);
    if (!adoption) throw appError(409, 'template.not_adopted');
    const pending = await pendingChanges(c, adoption, template, latest);
    const { decisions } = c.req.valid('json');
    const chosen = decisions.map((d) => {
      const change = pending.find((p) => p.itemId === d.itemId);
      if (!change) throw appError(422, 'template.unknown_change');
      return { change, decision: d.decision };
    });
    const { placeOf } = await placements(c, actor, adoption.groupMap);
    const allDecided = pending.every((p) => decisions.some((d) => d.itemId === p.itemId));
    const result = await applyDecisions(db, { orgId: org.id, adoption, latest: template.version, chosen, allDecided, placeOf, userId: actor.userId });
    await invalidateBoards(c.env, org.id, [adoption.fiscalYearId]);
    return c.json({ ...result, remaining: pending.length - chosen.length, version: allDecided ? template.version : adoption.version });
  });

/** This sub-app's routes as a type, for the web app's typed client (hc, web/src/api.ts). */
export type TemplatesApi = typeof templateRoutes;
