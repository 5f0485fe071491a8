// Requests made as the page starts, before we know who is signed in, so they run beside the
// session check instead of after it (on a 2,000-card board that is about a tenth of a second
// sooner on screen). Each is taken once, by the first load that asks for the same thing; an
// answer that is not a success (signed out, no such year) is dropped and that load asks again.
import type { Result } from '../api';

const started = new Map<string, Promise<Result<unknown>>>();

export function startEarly<T>(key: string, request: () => Promise<Result<T>>): void {
  started.set(key, request());
}

/** The early answer for `key` if there was one and it succeeded; otherwise `request()` now. */
export async function takeEarly<T>(key: string, request: () => Promise<Result<T>>): Promise<Result<T>> {
  const early = started.get(key) as Promise<Result<T>> | undefined;
  started.delete(key);
  const result = early ? await early : null;
  return result?.ok ? result : request();
}

/** Signed out: nothing asked for before may be used. */
export function forgetEarly(): void {
  started.clear();
}
