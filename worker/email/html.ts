// Building blocks for email HTML. Mail clients (Outlook above all) ignore <style> blocks and
// modern layout, so everything is tables with inline styles. Every piece of text passes through
// `esc`: titles, notes, names and links are typed by users.
import { isTrustworthyWebUrl, linkHost } from '../domain/user-text';

export function esc(text: string | number | null | undefined): string {
  return String(text ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Only web links a reader can judge become clickable; anything else (javascript:, data:, a link
 * with user info hiding its real host) is shown as text. The real host is written beside it.
 */
export function safeLink(url: string): string {
  const host = linkHost(url);
  const shown = isTrustworthyWebUrl(url) ? `<a href="${esc(url)}" style="color:#1f4e9c;word-break:break-all">${esc(url)}</a>` : esc(url);
  return host ? `${shown} <span style="color:#5b6573">(${esc(host)})</span>` : shown;
}

const FONT = "font-family:'Sarabun','TH Sarabun New',Tahoma,'Leelawadee UI',sans-serif";
const CELL = 'border:1px solid #c9d1dc;padding:6px 8px;vertical-align:top;font-size:14px;line-height:1.5';
const HEAD = `${CELL};background:#e9eef6;font-weight:bold;text-align:left`;

export interface Column {
  label: string;
  /** 'right' for figures. */
  align?: 'left' | 'right' | 'center';
}

/** A data table; `rows` hold HTML that the caller has already escaped. */
export function table(columns: readonly Column[], rows: readonly (readonly string[])[], emptyText: string): string {
  if (rows.length === 0) return `<p style="${FONT};font-size:14px;color:#556074;margin:4px 0 16px">${esc(emptyText)}</p>`;
  const head = columns.map((c) => `<th style="${HEAD};text-align:${c.align ?? 'left'}">${esc(c.label)}</th>`).join('');
  const body = rows
    .map((r) => `<tr>${r.map((cell, i) => `<td style="${CELL};text-align:${columns[i]?.align ?? 'left'}">${cell}</td>`).join('')}</tr>`)
    .join('');
  return `<table role="presentation" cellpadding="0" cellspacing="0" border="0" width="100%" style="border-collapse:collapse;${FONT};margin:4px 0 16px"><tr>${head}</tr>${body}</table>`;
}

/** A link drawn as a button (the report's page, the board): only an http(s) address. */
export function button(url: string, label: string): string {
  if (!/^https?:\/\//.test(url)) return '';
  return `<p style="margin:12px 0"><a href="${esc(url)}" style="${FONT};display:inline-block;background:#1a56b0;color:#ffffff;text-decoration:none;padding:8px 16px;border-radius:4px;font-size:14px">${esc(label)}</a></p>`;
}

export function heading(text: string): string {
  return `<h2 style="${FONT};font-size:17px;color:#1b2230;margin:20px 0 6px">${esc(text)}</h2>`;
}

export function paragraph(html: string, muted = false): string {
  return `<p style="${FONT};font-size:14px;line-height:1.6;margin:4px 0;color:${muted ? '#556074' : '#1b2230'}">${html}</p>`;
}

/** The outer frame: a centred 720-px column on a light background. */
export function page(title: string, bodyHtml: string): string {
  return (
    `<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${esc(title)}</title></head>` +
    `<body style="margin:0;padding:0;background:#f2f4f8">` +
    `<table role="presentation" cellpadding="0" cellspacing="0" border="0" width="100%" style="background:#f2f4f8"><tr><td align="center" style="padding:16px">` +
    `<table role="presentation" cellpadding="0" cellspacing="0" border="0" width="720" style="max-width:720px;width:100%;background:#ffffff;border:1px solid #d5dbe5"><tr><td style="padding:20px 24px;${FONT};color:#1b2230">` +
    bodyHtml +
    `</td></tr></table></td></tr></table></body></html>`
  );
}
