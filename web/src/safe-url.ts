import { isTrustworthyWebUrl, linkHost } from '../../worker/domain/user-text';
import { isFileAddress } from '../../worker/domain/file-type';

/**
 * A link target only for web addresses a person can judge by their host: stored text never
 * becomes a javascript: (or data:) link, nor a link whose user info (https://www.opdc.go.th@evil.example/)
 * hides where it goes, whatever path it reached the database by (the API refuses both, but a
 * restored backup or an older row is not re-checked there). Every link to user-supplied URLs goes
 * through it, and is shown with `hostOf` beside it.
 */
export function safeHref(url: string): string | undefined {
  // The board's own evidence files (/files/<office>/<id>/<name>) are links too: same origin, checked there.
  return isTrustworthyWebUrl(url) || isFileAddress(url) ? url : undefined;
}

/** The host a link really goes to, shown beside it; null for something that is not a web address. */
export function hostOf(url: string): string | null {
  return linkHost(url);
}
