// Link health of evidence URLs (issue 18, part 2): what the daily check (cron/link-health-job.ts)
// found is kept as facts (db/link-health.ts: the final status, where redirects led, why no answer
// came); the flags are decided here, on reading, so that a change of the office's main website
// re-flags every link at once. Pure: no fetching here.
import { translator, type Lang } from './i18n';
import { daysBetween } from './fiscal-year';
import { th as linksTh } from './messages/links.th';
import linksEn from './messages/links.en';

/** Every flag a link can carry, in the order they are shown. */
export const LINK_FLAGS = ['dead', 'moved', 'not-main-site', 'file-sharing', 'plain-http'] as const;
export type LinkFlag = (typeof LINK_FLAGS)[number];

/** Why a check got no HTTP answer (status null): no such host, the 10 s ran out, too many redirects, another network failure. */
export const LINK_ERRORS = ['dns', 'timeout', 'redirects', 'network'] as const;
export type LinkError = (typeof LINK_ERRORS)[number];

/** What one check found. */
export interface LinkCheckResult {
  /** The HTTP status of the last answer (after redirects); null when none came. */
  status: number | null;
  /** Where the redirects led (the last address asked); null when the first answer was final. */
  finalUrl: string | null;
  error: LinkError | null;
}

/** One evidence link with its health as shown (drawer, OIT page, digest, report). */
export interface EvidenceHealth {
  /** The evidence link's id. */
  id: string;
  cardId: string;
  url: string;
  flags: LinkFlag[];
  status: number | null;
  finalUrl: string | null;
  error: LinkError | null;
  /** When last checked (ms); null: not checked yet (its flags are from the address alone). */
  checkedAt: number | null;
}

/**
 * Hosts of file-sharing services (Google Drive and the like): a link there is not "on the
 * office's main website", and is often private or removed. A host matches itself and its subdomains.
 */
export const FILE_SHARING_HOSTS = [
  'drive.google.com',
  'docs.google.com',
  'dropbox.com',
  'dropboxusercontent.com',
  'db.tt',
  'onedrive.live.com',
  '1drv.ms',
  'sharepoint.com',
  'box.com',
  'app.box.com',
] as const;

/** The longest redirect chain followed before a link counts as dead. */
export const MAX_REDIRECTS = 5;
/** How long one request may take (ms) before it counts as a time-out. */
export const LINK_TIMEOUT_MS = 10_000;

/** A host equals a domain or is under it (`www.x.go.th` is on `x.go.th`). Case-insensitive. */
export function hostIsOn(host: string, domain: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  const d = domain.toLowerCase().replace(/\.$/, '');
  return h === d || h.endsWith(`.${d}`);
}

/** The app's own addresses (evidence files, `/files/...`): relative, never fetched, always healthy. */
export function isOwnAddress(url: string): boolean {
  return url.startsWith('/') && !url.startsWith('//');
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

export function isFileSharing(url: string): boolean {
  const u = parse(url);
  return !!u && FILE_SHARING_HOSTS.some((d) => hostIsOn(u.hostname, d));
}

/**
 * A main-website setting as typed by an administrator (`www.office.go.th`, `https://office.go.th/`)
 * reduced to its domain, lower-case, without `www.`; null when it is not a domain name.
 */
export function normaliseMainWebsite(input: string): string | null {
  let s = input.trim().toLowerCase();
  if (!s) return null;
  if (/^https?:\/\//.test(s)) {
    const u = parse(s);
    if (!u || (u.pathname !== '/' && u.pathname !== '') || u.search || u.hash || u.username || u.port) return null;
    s = u.hostname;
  }
  s = s.replace(/\/$/, '').replace(/\.$/, '');
  if (s.startsWith('www.')) s = s.slice(4);
  // Letters (any script: Thai domain names exist), digits and hyphens in dot-separated labels; at least two labels.
  const label = /^(?!-)[\p{L}\p{M}\p{N}-]{1,63}(?<!-)$/u;
  const labels = s.split('.');
  if (s.length > 253 || labels.length < 2 || !labels.every((l) => label.test(l))) return null;
  // Written in Unicode; compare in the form URL hostnames take (punycode for non-ASCII).
  const u = parse(`https://${s}/`);
  return u ? u.hostname : null;
}

/**
 * The flags of one evidence URL. `result` is the last check (null: not checked yet: only the
 * flags read from the address itself); `mainWebsite` the office's domain (no flag when unset).
 */
export function linkFlags(url: string, result: LinkCheckResult | null, mainWebsite: string | null | undefined): LinkFlag[] {
  if (isOwnAddress(url)) return [];
  const u = parse(url);
  const flags = new Set<LinkFlag>();
  if (result && (result.error !== null || result.status === null || result.status >= 400)) flags.add('dead');
  if (u && result?.finalUrl) {
    const final = parse(result.finalUrl);
    if (final && final.hostname.toLowerCase() !== u.hostname.toLowerCase()) flags.add('moved');
  }
  if (u && mainWebsite && !hostIsOn(u.hostname, mainWebsite)) flags.add('not-main-site');
  if (isFileSharing(url)) flags.add('file-sharing');
  if (u?.protocol === 'http:') flags.add('plain-http');
  return LINK_FLAGS.filter((f) => flags.has(f));
}

/** The executives' reports list the flagged links in this many days before the year's OIT deadline. */
export const OIT_LINKS_DAYS = 30;

/** Days from `today` to the OIT deadline when the executives' report lists flagged links (0–30), else null. */
export function daysToOitDeadline(deadline: string | null | undefined, today: string): number | null {
  if (!deadline) return null;
  const days = daysBetween(today, deadline);
  return days >= 0 && days <= OIT_LINKS_DAYS ? days : null;
}

/** Flags that mean the assessor will not reach the evidence (the rest are warnings). */
export function isBroken(flags: readonly LinkFlag[]): boolean {
  return flags.includes('dead');
}

// ---- Words (domain/messages/links.*): the badges' texts in emails, LINE and reports ----

/** The links dictionary in a language. */
export const linkText = (lang: Lang) => translator({ th: linksTh, en: linksEn }, lang);

/** Flags as words, joined: "ลิงก์เสีย, ไม่อยู่บนเว็บไซต์หลัก". */
export function flagsText(flags: readonly LinkFlag[], lang: Lang = 'th'): string {
  const say = linkText(lang);
  return flags.map((f) => say(`flag.${f}`)).join(', ');
}
