// The board's free-text search, one rule for the web app (titles, at once) and the server (titles,
// details and checklist items: GET /api/boards/:beYear/search).

/** The longest search the board takes (its search box, the address bar's ?q=, the server's query). */
export const SEARCH_MAX = 200;

/** Zero-width characters (and the soft hyphen) that Thai text copied from PDFs and Word often carries. */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
/** SARA AM written as NIKHAHIT + SARA AA (PDF extraction does this): one form for matching. */
const SPLIT_SARA_AM = /\u0E4D\u0E32/g;
const SPACES = /\s+/g;

/**
 * Text for searching: NFC, no zero-width characters, one form of SARA AM, runs of spaces as one,
 * lower case (affects Latin only; Thai has no case). Thai writes no spaces between words, so the
 * search is a plain substring match on this form.
 */
export function normaliseForSearch(text: string): string {
  return text
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(SPLIT_SARA_AM, '\u0E33')
    .replace(SPACES, ' ')
    .toLowerCase();
}

/** A query as typed, in the form texts are matched against (empty: no search). */
export function searchQuery(typed: string): string {
  return normaliseForSearch(typed).trim();
}

/** The card texts the server searches beside the title. */
export interface SearchableCard {
  title: string;
  details: string;
  checklist: readonly { text: string }[];
}

/** Whether a normalised, non-empty `query` is part of the card's title, details or a checklist item. */
export function cardMatchesSearch(card: SearchableCard, query: string): boolean {
  if (normaliseForSearch(card.title).includes(query) || normaliseForSearch(card.details).includes(query)) return true;
  return card.checklist.some((item) => normaliseForSearch(item.text).includes(query));
}
