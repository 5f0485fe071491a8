// Request bodies of LINE's settings (routes/line.ts).
import { z } from 'zod';
import { LINE_AUDIENCES } from '../line';
import { id } from './common';

/** PUT /api/line/settings: the office's Messaging API channel secret and (long-lived) access token. */
export const lineSettingsBody = z.strictObject({
  channelSecret: z.string().trim().regex(/^[0-9a-f]{32}$/i, 'a channel secret is 32 hexadecimal characters'),
  channelAccessToken: z.string().trim().min(20).max(1000).regex(/^[A-Za-z0-9+/=._-]+$/, 'a channel access token'),
});

/** POST /api/line/link-codes: a group named when the audience is one office group's digest. */
export const linkCodeBody = z
  .strictObject({ audience: z.enum(LINE_AUDIENCES), groupId: id.optional() })
  .refine((b) => (b.audience === 'group') === (b.groupId !== undefined), { message: 'groupId is given for the audience "group" and only then', path: ['groupId'] });
