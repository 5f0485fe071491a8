// Text and links people can trust. Shared by the API's validators (routes/cards.ts) and the web
// app (web/src/safe-url.ts), so what the server refuses and what the screen shows agree.
//
// - A title must show something: one made only of invisible characters (zero-width spaces and
//   joiners, soft hyphens, word joiners, byte-order marks: Unicode's Default_Ignorable_Code_Point)
//   and white space reads as empty on screen, so it is refused.
// - Bidirectional control characters (U+202A–U+202E, U+2066–U+2069, U+200E/F, U+061C) reorder
//   what is shown: "gpj.exe" can display as "exe.jpg". Thai and English never need them, so
//   titles, notes and addresses that carry one are refused.
// - A link with user info (https://www.opdc.go.th@evil.example/) goes to evil.example while
//   reading like a government site: refused, and every link is shown with its real host beside it.

const BIDI_CONTROL = /\p{Bidi_Control}/u;
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{White_Space}]/gu;

export function hasBidiControl(value: string): boolean {
  return BIDI_CONTROL.test(value);
}

/** The text with invisible characters and white space removed: what a reader actually sees. */
export function visiblePart(value: string): string {
  return value.replace(INVISIBLE, '');
}

/** Something a person can read, with nothing that reorders it. */
export function isVisibleText(value: string): boolean {
  return visiblePart(value).length > 0 && !hasBidiControl(value);
}

/**
 * A link a person can follow and judge by its host: http(s), a host, no user info (`user@host`),
 * no bidirectional controls anywhere in the address.
 */
export function isTrustworthyWebUrl(value: string): boolean {
  if (hasBidiControl(value) || /[\u0000-\u001f\u007f]/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0 && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/** The host a link really goes to (punycode for international names), or null for a non-web link. */
export function linkHost(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.host : null;
  } catch {
    return null;
  }
}
