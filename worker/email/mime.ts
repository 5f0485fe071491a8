// Building a message as MIME text, a pure function of its parts: the one builder of every email
// (reports, digests) is composeMail below, which calls buildMime. mimetext writes the headers
// (it RFC 2047-encodes Thai subjects and display names); the bodies and the attachment are
// base64 we encode ourselves from UTF-8, because mimetext's 'base64' option expects data that is
// already encoded (raw Thai text passed that way comes out garbled), and its default '7bit' would
// put 8-bit Thai and lines longer than SMTP allows on the wire.
import { createMimeMessage } from 'mimetext';

export interface Mailbox {
  addr: string;
  name?: string;
}

export interface MailAttachment {
  filename: string;
  contentType: string;
  /** Text content; sent as UTF-8. */
  text: string;
}

export interface MailParts {
  from: Mailbox;
  to: Mailbox;
  /** Without angle brackets: `<id>@<domain>` form is added here. */
  messageId: string;
  date: Date;
  subject: string;
  html: string;
  text: string;
  attachments?: readonly MailAttachment[];
}

/** UTF-8 bytes of `text` as base64, in lines of 76 characters (RFC 2045). */
export function utf8Base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return (btoa(binary).match(/.{1,76}/g) ?? []).join('\r\n');
}

/** The domain part of an address, for Message-IDs. */
export function domainOf(addr: string): string {
  return addr.slice(addr.lastIndexOf('@') + 1) || 'localhost';
}

/** The From: of an office's mail: the deployment's MAIL_FROM address under the office's name. */
export function senderFor(orgNameTh: string, mailFrom: string): Mailbox {
  return { addr: mailFrom, name: `ITA Board ${orgNameTh}` };
}

/** What an email renderer produces from its content (report-email.ts, digest-email.ts). */
export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** A finished message for one recipient: its id (also its Message-ID's local part) and its MIME text. */
export interface ComposedMail {
  id: string;
  to: string;
  subject: string;
  raw: string;
}

/** One recipient's message, built once so that every retry sends the same bytes. */
export function composeMail(from: Mailbox, to: Mailbox, email: RenderedEmail, now: number, attachments?: readonly MailAttachment[]): ComposedMail {
  const id = crypto.randomUUID();
  const raw = buildMime({ from, to, messageId: `${id}@${domainOf(from.addr)}`, date: new Date(now), ...email, attachments });
  return { id, to: to.addr, subject: email.subject, raw };
}

const mailbox = (m: Mailbox) => (m.name ? { addr: m.addr, name: m.name } : { addr: m.addr });

export function buildMime(parts: MailParts): string {
  const msg = createMimeMessage();
  msg.setSender(mailbox(parts.from));
  msg.setTo(mailbox(parts.to));
  msg.setSubject(parts.subject);
  msg.setHeader('Message-ID', `<${parts.messageId}>`);
  msg.setHeader('Date', parts.date.toUTCString().replace('GMT', '+0000'));
  msg.addMessage({ contentType: 'text/plain', encoding: 'base64', data: utf8Base64(parts.text) });
  msg.addMessage({ contentType: 'text/html', encoding: 'base64', data: utf8Base64(parts.html) });
  for (const a of parts.attachments ?? []) {
    msg.addAttachment({ filename: a.filename, contentType: a.contentType, encoding: 'base64', data: utf8Base64(a.text) });
  }
  // Mail on the wire uses CRLF line ends; mimetext joins with the platform's '\n'.
  const raw = msg.asRaw().replace(/\r?\n/g, '\r\n');
  const split = raw.indexOf('\r\n\r\n');
  return foldEncodedWords(raw.slice(0, split)) + raw.slice(split);
}

/**
 * mimetext writes a Thai subject or name as one long encoded word (a long Thai subject makes a
 * 400-character header line). RFC 2047 limits an encoded word to 75 characters and RFC 5322
 * asks for lines under 78, so each is re-split into words of whole characters on folded lines;
 * readers join adjacent encoded words back without the folding space.
 */
export function foldEncodedWords(headers: string): string {
  return headers.replace(/=\?utf-8\?B\?([A-Za-z0-9+/=]+)\?=/gi, (_whole, b64: string) => {
    const text = new TextDecoder().decode(Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0)));
    const words: string[] = [];
    let chunk = '';
    for (const ch of text) {
      // 42 bytes of UTF-8 are 56 base64 characters: 68 with =?utf-8?B? … ?= around them, which
      // leaves room for "Subject: " on the first line.
      if (new TextEncoder().encode(chunk + ch).length > 42) {
        words.push(chunk);
        chunk = '';
      }
      chunk += ch;
    }
    if (chunk) words.push(chunk);
    return words.map((w) => `=?utf-8?B?${utf8Base64(w)}?=`).join('\r\n ');
  }).replace(/\?= </g, '?=\r\n <'); // a display name's address goes on a line of its own
}

/**
 * The From: address of a built message. The envelope sender must equal it, so the outbox reads
 * it from the message itself rather than from configuration that may have changed since.
 */
export function senderOf(raw: string): string {
  const headers = raw.slice(0, raw.search(/\r?\n\r?\n/)).replace(/\r?\n[ \t]+/g, ' '); // unfold
  const from = /^From:[^\r\n]*<([^>\r\n]+)>/im.exec(headers) ?? /^From:\s*([^\s<>\r\n]+@[^\s<>\r\n]+)/im.exec(headers);
  if (!from) throw new Error('message has no From: address');
  return from[1]!;
}
