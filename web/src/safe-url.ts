/**
 * A link target only for web addresses: stored text never becomes a javascript: (or data:) link,
 * whatever path it reached the database by (the API accepts only http(s) evidence, but a restored
 * backup or an older row is not re-checked there). Every link to user-supplied URLs goes through it.
 */
export function safeHref(url: string): string | undefined {
  return /^https?:\/\//i.test(url) ? url : undefined;
}
