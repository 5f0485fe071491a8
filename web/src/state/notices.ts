// Notices: visible toasts for errors and conflicts, and a polite screen-reader announcement
// for successful actions. Messages are stored in both languages and shown in the current one.
import { signal } from '@preact/signals';
import type { ApiError } from '../api';
import type { Bilingual } from '../i18n';

export type NoticeKind = 'error' | 'conflict' | 'info';

export interface Notice {
  id: number;
  kind: NoticeKind;
  message: Bilingual;
  /** The API error's stable code, when the notice shows one (e.g. done_needs_evidence). */
  code?: string;
}

export const notices = signal<Notice[]>([]);
/** The latest announcement for the aria-live status region (not shown visually). */
export const announcement = signal<Bilingual | null>(null);

const MAX_NOTICES = 4;
const INFO_TIMEOUT_MS = 6000;
let nextId = 1;

export function pushNotice(kind: NoticeKind, message: Bilingual, code?: string): number {
  const id = nextId++;
  // The same message twice in a row replaces the older one instead of stacking up.
  const rest = notices.value.filter((n) => n.message.th !== message.th || n.kind !== kind);
  notices.value = [...rest, { id, kind, message, code }].slice(-MAX_NOTICES);
  // Errors and conflicts stay until dismissed; only informational notices time out.
  if (kind === 'info') setTimeout(() => dismissNotice(id), INFO_TIMEOUT_MS);
  return id;
}

export function pushApiError(error: ApiError): number {
  return pushNotice('error', { th: error.messageTh, en: error.messageEn }, error.code);
}

export function dismissNotice(id: number): void {
  notices.value = notices.value.filter((n) => n.id !== id);
}

export function clearNotices(): void {
  notices.value = [];
  announcement.value = null;
}

export function announce(message: Bilingual): void {
  announcement.value = message;
}
