#!/usr/bin/env node
// Sends LINE's webhook for "/link CODE" typed in a LINE group, signed as LINE signs it (base64
// HMAC-SHA256 of the raw body with the channel secret), to a running ITA Board (`npm start`).
// Usage:
//   node scripts/line-link.mjs --office phichit-peo --secret <channel secret> --code <CODE> [--group C123…] [--app http://127.0.0.1:8787]
// It sends the bot's join event first, then the message. The reply the app sends goes to
// LINE_API_BASE (point it at the double: node scripts/line-double.mjs).
import { createHmac, randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    office: { type: 'string', default: 'phichit-peo' },
    secret: { type: 'string' },
    code: { type: 'string' },
    group: { type: 'string', default: `C${randomUUID().replaceAll('-', '')}` },
    app: { type: 'string', default: 'http://127.0.0.1:8787' },
  },
});
if (!values.secret || !values.code) {
  console.error('usage: node scripts/line-link.mjs --office <slug> --secret <channel secret> --code <CODE> [--group <LINE group id>] [--app <base URL>]');
  process.exit(2);
}

const source = { type: 'group', groupId: values.group, userId: `U${randomUUID().replaceAll('-', '')}` };
const common = () => ({ webhookEventId: randomUUID().replaceAll('-', '').toUpperCase(), timestamp: Date.now(), mode: 'active', deliveryContext: { isRedelivery: false }, source });

async function send(events) {
  const raw = JSON.stringify({ destination: `U${'0'.repeat(32)}`, events });
  const signature = createHmac('sha256', values.secret).update(raw).digest('base64');
  const res = await fetch(`${values.app.replace(/\/+$/, '')}/api/line/webhook/${encodeURIComponent(values.office)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-line-signature': signature },
    body: raw,
  });
  console.log(`${res.status} ${await res.text()}`);
  if (!res.ok) process.exit(1);
}

await send([{ type: 'join', replyToken: randomUUID(), ...common() }]);
await send([{ type: 'message', replyToken: randomUUID(), message: { type: 'text', id: String(Date.now()), text: `/link ${values.code}` }, ...common() }]);
console.log(`LINE group ${values.group} sent /link ${values.code} to ${values.office}`);
