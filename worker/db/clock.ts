// The time writes are stamped with. Normally the real clock; a caller may run work under another
// one (the demo office's history is written through the real write functions, each change at
// its moment in the past). Scoped with AsyncLocalStorage, so it never leaks into other requests.
import { AsyncLocalStorage } from 'node:async_hooks';

const clocks = new AsyncLocalStorage<() => number>();

/** Now in ms: the clock of the surrounding withClock, else Date.now(). */
export function clockNow(): number {
  const clock = clocks.getStore();
  return clock ? clock() : Date.now();
}

/** Runs `work` with `clock` as clockNow() for every write it makes. */
export function withClock<T>(clock: () => number, work: () => Promise<T>): Promise<T> {
  return clocks.run(clock, work);
}
