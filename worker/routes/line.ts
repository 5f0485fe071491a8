// LINE (issue 17): an office's Official Account settings, link codes and linked groups for its
// administrators (/api/line/…), and the webhook LINE calls (/api/line/webhook/:office, mounted in
// app.ts ahead of the session and same-origin middleware: LINE signs its requests instead).
import { Hono, type Context } from 'hono';
import { valid } from '../middleware/validate';
import { clientIp } from '../middleware/session';
import { lineAdminOf } from '../middleware/authorize';
import { audit } from '../db/auth';
import { createDb, type Db } from '../db/client';
import {
  firstDelivery,
  forgetDelivery,
  releaseLinkCode,
  handledBefore,
  lineCredentials,
  groupJoined,
  groupLeft,
  linkGroup,
  listLineGroups,
  officeGroupName,
  orgIdOfSlug,
  saveLineSettings,
  saveLinkCode,
  undeliveredPushes,
  unlinkGroup,
  useLinkCode,
} from '../db/line';
import { appError } from '../domain/errors';
import { sha256Hex } from '../domain/crypto';
import { bangkokMonthStart, monthReportCost, LINK_CODE_TTL_MS, LINK_REFUSED_TH, linkCommand, linkedReplyTh, newLinkCode, sealCredential, verifyLineSignature } from '../domain/line';
import { idParam } from '../domain/schemas/common';
import { linkCodeBody, lineSettingsBody } from '../domain/schemas/line';
import { lineApi } from '../line/api';
import { findFiscalYear } from '../db/board';
import { readScheduleEntries } from '../db/report-schedule';
import { fiscalYearOf } from '../domain/fiscal-year';
import type { AppEnv } from '../env';

const noKey = () =>
  appError(422, 'line_key_missing');

export const lineRoutes = new Hono<AppEnv>()
  .get('/settings', async (c) => {
    const actor = lineAdminOf(c);
    const db = c.get('db');
    const creds = await lineCredentials(db, c.env.LINE_CREDENTIALS_KEY, actor.orgId);
    const groups = await listLineGroups(db, actor.orgId);
    let usage: { quota: number | null; used: number } | null = null;
    if (creds) {
      const api = lineApi(c.env.LINE_API_BASE);
      try {
        const [quota, used] = await Promise.all([api.quota(creds.token), api.consumption(creds.token)]);
        usage = { quota, used };
      } catch {
        usage = null; // LINE did not answer: the page says usage is unknown
      }
    }
    // This month's reports × the members of their groups (as LINE last counted them).
    const now = Date.now();
    const members = (audience: string) => groups.filter((g) => g.audience === audience).reduce((n, g) => n + (g.memberCount ?? 0), 0);
    const beYear = fiscalYearOf(new Date(now));
    const fy = await findFiscalYear(db, actor.orgId, beYear).catch(() => null);
    const reportCost = fy ? monthReportCost(await readScheduleEntries(db, actor.orgId, fy.id), beYear, now, { executive: members('executives'), staff: members('staff') }) : 0;
    const undelivered = await undeliveredPushes(db, actor.orgId, bangkokMonthStart(now));
    return c.json({ configured: creds !== null, groups, usage, reportCost, undelivered });
  })
  .put('/settings', valid('json', lineSettingsBody), async (c) => {
    const actor = lineAdminOf(c);
    const key = c.env.LINE_CREDENTIALS_KEY;
    if (!key) throw noKey();
    const body = c.req.valid('json');
    const now = Date.now();
    await saveLineSettings(c.get('db'), {
      orgId: actor.orgId,
      channelSecretEnc: await sealCredential(key, actor.orgId, 'channelSecret', body.channelSecret),
      channelAccessTokenEnc: await sealCredential(key, actor.orgId, 'channelAccessToken', body.channelAccessToken),
      updatedBy: actor.userId,
      updatedAt: now,
    });
    await audit(c.get('db'), { orgId: actor.orgId, userId: actor.userId, action: 'line.settings', detail: {}, ip: clientIp(c) });
    return c.json({ configured: true });
  })
  .post('/link-codes', valid('json', linkCodeBody), async (c) => {
    const actor = lineAdminOf(c);
    const db = c.get('db');
    const body = c.req.valid('json');
    if (body.groupId && !(await officeGroupName(db, actor.orgId, body.groupId))) throw appError(404, 'not_found.group');
    const code = newLinkCode();
    const now = Date.now();
    await saveLinkCode(db, {
      codeHash: await sha256Hex(code),
      orgId: actor.orgId,
      audience: body.audience,
      officeGroupId: body.groupId ?? null,
      createdBy: actor.userId,
      expiresAt: now + LINK_CODE_TTL_MS,
    });
    await audit(db, { orgId: actor.orgId, userId: actor.userId, action: 'line.link_code', detail: { audience: body.audience, groupId: body.groupId ?? null }, ip: clientIp(c) });
    return c.json({ code, expiresAt: now + LINK_CODE_TTL_MS }, 201);
  })
  .delete('/groups/:id', valid('param', idParam), async (c) => {
    const actor = lineAdminOf(c);
    if (!(await unlinkGroup(c.get('db'), actor.orgId, c.req.valid('param').id))) throw appError(404, 'not_found.line_group');
    await audit(c.get('db'), { orgId: actor.orgId, userId: actor.userId, action: 'line.unlink', detail: { id: c.req.valid('param').id }, ip: clientIp(c) });
    return c.json({ ok: true });
  });

/** The administrators' sub-app, for the web app's typed client (web/src/api.ts). */
export type LineSettingsApi = typeof lineRoutes;

interface WebhookEvent {
  type?: string;
  webhookEventId?: string;
  replyToken?: string;
  source?: { type?: string; groupId?: string };
  message?: { type?: string; text?: string };
}

/** `/link CODE` in a LINE group: links it to the code's audience; the reply in Thai. */
async function linkWithCode(db: Db, orgId: string, groupId: string, code: string, now: number): Promise<string> {
  const codeHash = await sha256Hex(code);
  const used = await useLinkCode(db, orgId, codeHash, now);
  if (!used) return LINK_REFUSED_TH;
  try {
    await linkGroup(db, orgId, groupId, used.audience, used.officeGroupId, now);
  } catch (e) {
    await releaseLinkCode(db, orgId, codeHash, now);
    throw e;
  }
  await audit(db, { orgId, userId: used.createdBy, action: 'line.linked', detail: { lineGroupId: groupId, audience: used.audience, groupId: used.officeGroupId }, ip: null });
  return linkedReplyTh(used.audience, used.officeGroupId ? await officeGroupName(db, orgId, used.officeGroupId) : null);
}

/**
 * POST /api/line/webhook/:office. Nothing happens unless the x-line-signature is the HMAC of the
 * raw body under that office's channel secret; each event is handled once (LINE redelivers);
 * replies go out after the answer (LINE wants its 200 fast).
 */
export async function lineWebhook(c: Context<AppEnv>): Promise<Response> {
  const db = createDb(c.env.DB);
  const refused = () => c.json(appError(401, 'bad_signature').toBody(), 401);
  const orgId = await orgIdOfSlug(db, c.req.param('office') ?? '');
  const creds = orgId ? await lineCredentials(db, c.env.LINE_CREDENTIALS_KEY, orgId) : null;
  const raw = new Uint8Array(await c.req.arrayBuffer());
  if (!orgId || !creds || !(await verifyLineSignature(creds.secret, raw, c.req.header('x-line-signature')))) return refused();
  let events: WebhookEvent[] = [];
  try {
    const parsed = JSON.parse(new TextDecoder().decode(raw)) as { events?: unknown };
    if (Array.isArray(parsed.events)) events = parsed.events as WebhookEvent[];
  } catch {
    return c.json({ ok: true }); // signed but not JSON: nothing to do
  }
  const api = lineApi(c.env.LINE_API_BASE);
  const replies: Promise<unknown>[] = [];
  const now = Date.now();
  for (const e of events) {
    const groupId = e.source?.type === 'group' ? e.source.groupId : undefined;
    if (!groupId || typeof e.webhookEventId !== 'string') continue;
    const eventId = e.webhookEventId;
    if (e.type === 'join' || e.type === 'leave') {
      // Idempotent: acted on, then recorded, so a failure in between is redone when LINE redelivers.
      if (await handledBefore(db, orgId, eventId)) continue;
      await (e.type === 'join' ? groupJoined : groupLeft)(db, orgId, groupId, now);
      await firstDelivery(db, orgId, eventId, now);
    } else if (e.type === 'message' && e.message?.type === 'text' && typeof e.message.text === 'string') {
      const code = linkCommand(e.message.text);
      if (!code) continue;
      // A code works once: recorded first, so two deliveries never both try it; forgotten again if
      // linking fails, so LINE's redelivery tries once more.
      if (!(await firstDelivery(db, orgId, eventId, now))) continue;
      try {
        const text = await linkWithCode(db, orgId, groupId, code, now);
        if (e.replyToken) replies.push(api.reply(creds.token, e.replyToken, [{ type: 'text', text }]).catch((err) => console.warn('LINE reply failed', String(err))));
      } catch (err) {
        await forgetDelivery(db, orgId, eventId);
        throw err;
      }
    }
  }
  if (replies.length) c.executionCtx.waitUntil(Promise.all(replies));
  return c.json({ ok: true });
}
