// The OIT submission of a fiscal year (issue 18, part 5): per OIT item, the page of the office's
// own website where the item is answered, every evidence address mapped to it (absolute: the
// board's own files under APP_URL), the explanation sent with it, the links' health, and the
// office's publish-permission form (แบบฟอร์มการขออนุญาตเผยแพร่ข้อมูลผ่านเว็บไซต์ของหน่วยงาน).
// Pure: assembling the view from facts db/ read (the CSV: submission-csv.ts).
import { normaliseCode } from './readiness';
import type { FiscalYearView } from './contracts';
import type { LinkFlag } from './link-health';

/** One person of the permission form: who asked, who approved, who posted. */
export interface FormPerson {
  name: string;
  position: string;
  /** YYYY-MM-DD (Gregorian; shown in the Buddhist Era), or null when not dated yet. */
  date: string | null;
}

/** The fields people type for one item (what PUT …/submission/:code saves). */
export interface SubmissionFields {
  /** The page of the office's website where the item is answered (http or https), or null. */
  pageUrl: string | null;
  /** The explanation sent with the item; null: not written yet (shown prefilled from the evidence notes). */
  explanation: string | null;
  /** ข้อมูลที่เผยแพร่: what is published. */
  publishedInfo: string;
  /** ผู้รับผิดชอบการให้ข้อมูล */
  requester: FormPerson;
  /** ผู้อนุมัติรับรอง */
  approver: FormPerson;
  /** ผู้รับผิดชอบการนำข้อมูลขึ้นเผยแพร่ */
  poster: FormPerson;
}

/** What the link-health check knows of one address (db/link-health.ts), or null: never checked. */
export interface UrlHealth {
  /** When it was last checked (ms); null for what needs no check (the board's own files) or is flagged by its address alone. */
  checkedAt: number | null;
  /** What it found wrong: dead, moved, not-main-site, file-sharing, plain-http; none: healthy. */
  flags: readonly LinkFlag[];
}

/** An item's health: every evidence address checked and none flagged ('ok'), some flagged, some never checked, or no evidence. */
export type HealthState = 'ok' | 'flagged' | 'unchecked' | 'no-evidence';

export interface ItemHealth {
  state: HealthState;
  /** Every flag any of its addresses carries, each once, in the order met. */
  flags: LinkFlag[];
  /** The oldest check among its addresses (ms), or null. */
  checkedAt: number | null;
}

export interface SubmissionEvidence {
  /** Absolute: the board's own files (`/files/...`) under the app's address. */
  url: string;
  note: string;
  health: UrlHealth | null;
}

export interface SubmissionItem extends SubmissionFields {
  code: string;
  titleTh: string;
  titleEn: string;
  subIndicator: string;
  /** The explanation as shown: the saved one, or the evidence notes while none was saved. */
  explanationText: string;
  /** The explanation prefilled from the evidence notes (what `explanation: null` shows). */
  prefilledText: string;
  evidence: SubmissionEvidence[];
  health: ItemHealth;
  /** 0 while nothing was saved for the item; a save names the version it started from. */
  version: number;
  updatedAt: number | null;
  /** Whether the reader may edit this item's fields (the server checks again). */
  canEdit: boolean;
}

export interface SubmissionView {
  fiscalYear: FiscalYearView;
  office: { slug: string; nameTh: string; nameEn: string; thaiDigits: boolean };
  /** Bangkok date of the answer (the forms' default date). */
  today: string;
  items: SubmissionItem[];
}

/** A saved row as db/ reads it (null: nothing saved). */
export interface SavedSubmission extends SubmissionFields {
  code: string;
  version: number;
  updatedAt: number;
}

export const EMPTY_PERSON: FormPerson = { name: '', position: '', date: null };

/** An address made absolute: a path of the app's own (an evidence file) under APP_URL. */
export function absoluteUrl(appUrl: string, url: string): string {
  return url.startsWith('/') && !url.startsWith('//') ? `${appUrl.replace(/\/+$/, '')}${url}` : url;
}

/** The explanation prefilled from the evidence notes: each distinct note once, in order. */
export function prefilledExplanation(notes: readonly string[]): string {
  return [...new Set(notes.map((n) => n.trim()).filter((n) => n !== ''))].join('\n');
}

/** An item's health from its addresses' (null: never checked). */
export function itemHealth(health: readonly (UrlHealth | null)[]): ItemHealth {
  if (health.length === 0) return { state: 'no-evidence', flags: [], checkedAt: null };
  const flags = [...new Set(health.flatMap((h) => h?.flags ?? []))];
  const times = health.flatMap((h) => (h?.checkedAt == null ? [] : [h.checkedAt]));
  const checkedAt = times.length > 0 ? Math.min(...times) : null;
  const state: HealthState = flags.length > 0 ? 'flagged' : health.includes(null) ? 'unchecked' : 'ok';
  return { state, flags, checkedAt };
}

export interface ItemFacts {
  code: string;
  titleTh: string;
  titleEn: string;
  subIndicator: string;
}

/**
 * One item of the view from what db/ read: the catalogue's item, the evidence whose code names it
 * (in the order it was added), what was saved for it, and the health of each address.
 */
export function submissionItem(
  item: ItemFacts,
  evidence: readonly { url: string; note: string }[],
  saved: SavedSubmission | null,
  healthOf: (url: string) => UrlHealth | null,
  appUrl: string,
  canEdit: boolean,
): SubmissionItem {
  const links = evidence.map((e) => ({ url: absoluteUrl(appUrl, e.url), note: e.note, health: healthOf(e.url) }));
  const prefilled = prefilledExplanation(evidence.map((e) => e.note));
  const fields: SubmissionFields = saved ?? { pageUrl: null, explanation: null, publishedInfo: '', requester: EMPTY_PERSON, approver: EMPTY_PERSON, poster: EMPTY_PERSON };
  return {
    ...item,
    ...fields,
    pageUrl: fields.pageUrl,
    explanation: fields.explanation,
    explanationText: fields.explanation ?? prefilled,
    prefilledText: prefilled,
    evidence: links,
    health: itemHealth(links.map((l) => l.health)),
    version: saved?.version ?? 0,
    updatedAt: saved?.updatedAt ?? null,
    canEdit,
  };
}

/** Evidence rows grouped by the item code they name (matched without regard to case or spaces). */
export function evidenceByCode<E extends { oitCode: string | null }>(rows: readonly E[]): Map<string, E[]> {
  const out = new Map<string, E[]>();
  for (const r of rows) {
    if (!r.oitCode) continue;
    const code = normaliseCode(r.oitCode);
    out.set(code, [...(out.get(code) ?? []), r]);
  }
  return out;
}

/** The whole view from what db/ read; `mayEdit` answers for the cards an item's evidence hangs off. */
export function submissionView(input: {
  fiscalYear: FiscalYearView;
  office: SubmissionView['office'];
  today: string;
  items: readonly ItemFacts[];
  evidence: readonly { url: string; note: string; oitCode: string | null; cardId: string }[];
  saved: ReadonlyMap<string, SavedSubmission>;
  healthOf: (url: string) => UrlHealth | null;
  appUrl: string;
  mayEdit: (cardIds: string[]) => boolean;
}): SubmissionView {
  const byCode = evidenceByCode(input.evidence);
  const items = input.items.map((item) => {
    const links = byCode.get(normaliseCode(item.code)) ?? [];
    const canEdit = input.mayEdit([...new Set(links.map((l) => l.cardId))]);
    return submissionItem(item, links, input.saved.get(item.code) ?? null, input.healthOf, input.appUrl, canEdit);
  });
  return { fiscalYear: input.fiscalYear, office: input.office, today: input.today, items };
}

const FIELD_NAMES = ['pageUrl', 'explanation', 'publishedInfo', 'requester', 'approver', 'poster'] as const;

/** Which fields a save changes (the audit entry names them). */
export function changedFields(before: SubmissionFields | null, after: SubmissionFields): string[] {
  const was: SubmissionFields = before ?? { pageUrl: null, explanation: null, publishedInfo: '', requester: EMPTY_PERSON, approver: EMPTY_PERSON, poster: EMPTY_PERSON };
  return FIELD_NAMES.filter((f) => JSON.stringify(was[f]) !== JSON.stringify(after[f]));
}
