// The daily link check (issue 18, part 2): every evidence URL of each office's current fiscal
// year is asked for once a day (Bangkok), HEAD first, GET when HEAD is refused, following up to 5
// redirects by hand, each request given 10 s. A Worker invocation may make only so many
// subrequests (50 on the free plan), so the pass goes in batches: each run of the trigger spends
// at most LINK_CHECK_SUBREQUESTS fetches and keeps, in one D1 batch, its results and where it
// stopped (link_check_cursor); the next run resumes there. Once a pass is done the runs rest until
// the next Bangkok day begins another. A few requests at a time per host (a school's web server
// is small), a bounded number in all. The app's own `/files/...` addresses are never fetched.
import type { Db } from '../db/client';
import { nextLinksToCheck, readCursor, saveLinkChecks, type LinkToCheck } from '../db/link-health';
import { bangkokDate, fiscalYearOf } from '../domain/fiscal-year';
import { LINK_TIMEOUT_MS, MAX_REDIRECTS, type LinkCheckResult, type LinkError } from '../domain/link-health';

/** Fetches one run may make: well under the free plan's 50 subrequests per invocation (redirects count). */
export const LINK_CHECK_SUBREQUESTS = 40;
/** The most fetches one URL can take: a HEAD refused and its GET, then one per redirect. */
export const FETCHES_PER_LINK_AT_MOST = MAX_REDIRECTS + 2;
/** Requests in flight at once to one host, and in all. */
export const PER_HOST_AT_ONCE = 2;
export const AT_ONCE = 6;

export interface LinkCheckDeps {
  fetch?: typeof fetch;
  /** Per request (ms); LINK_TIMEOUT_MS unless a test shortens it. */
  timeoutMs?: number;
  /** Fetches this run may make; LINK_CHECK_SUBREQUESTS unless a test lowers it. */
  subrequests?: number;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** A HEAD answered with these is asked again with GET (servers that refuse or mishandle HEAD). */
const headRefused = (status: number) => status === 501 || (status >= 400 && status < 500);

function errorKind(e: unknown): LinkError {
  const name = (e as { name?: string })?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return 'timeout';
  const message = String((e as { message?: string })?.message ?? e).toLowerCase();
  if (/dns|resolve|lookup|getaddrinfo|enotfound|no such host|name or service/.test(message)) return 'dns';
  return 'network';
}

/**
 * Checks one URL. `spend` is called before each fetch (the run's subrequest count). Bodies are
 * never read: a GET's body is cancelled as soon as its status is known.
 */
export async function checkLink(url: string, deps: LinkCheckDeps, spend: () => void = () => {}): Promise<LinkCheckResult> {
  const doFetch = deps.fetch ?? fetch;
  const timeoutMs = deps.timeoutMs ?? LINK_TIMEOUT_MS;
  let current = url;
  let method: 'HEAD' | 'GET' = 'HEAD';
  let redirects = 0;
  const moved = () => (current === url ? null : current);
  for (;;) {
    let res: Response;
    try {
      spend();
      res = await doFetch(current, {
        method,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
        headers: { 'user-agent': 'ITA-Board-link-check/1 (+evidence links of an ITA assessment)', accept: '*/*' },
      });
    } catch (e) {
      return { status: null, finalUrl: moved(), error: errorKind(e) };
    }
    await res.body?.cancel().catch(() => {});
    if (method === 'HEAD' && headRefused(res.status)) {
      method = 'GET';
      continue;
    }
    const location = res.headers.get('location');
    if (REDIRECTS.has(res.status) && location) {
      let next: URL;
      try {
        next = new URL(location, current);
      } catch {
        return { status: res.status, finalUrl: moved(), error: null };
      }
      if (next.protocol !== 'http:' && next.protocol !== 'https:') return { status: res.status, finalUrl: moved(), error: null };
      if (redirects === MAX_REDIRECTS) return { status: null, finalUrl: moved(), error: 'redirects' };
      redirects++;
      current = next.href;
      continue;
    }
    return { status: res.status, finalUrl: moved(), error: null };
  }
}

const hostOf = (url: string) => {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
};

export interface CheckedLink extends LinkToCheck, LinkCheckResult {
  checkedAt: number;
}

/**
 * Checks links in their order, at most PER_HOST_AT_ONCE per host and AT_ONCE in all, while the
 * subrequest budget can still pay for a link's worst case (a link's unused share returns to the
 * budget when it is done). Returns the results and how many links from the start are all checked
 * (where the next run resumes; links checked beyond that are checked again then).
 */
export async function checkLinks(links: LinkToCheck[], deps: LinkCheckDeps, now: () => number = Date.now): Promise<{ results: CheckedLink[]; prefix: number; fetches: number }> {
  let budget = deps.subrequests ?? LINK_CHECK_SUBREQUESTS;
  let fetches = 0;
  const done: (CheckedLink | undefined)[] = new Array(links.length);
  const started = new Array<boolean>(links.length).fill(false);
  const busy = new Map<string, number>();
  let running = 0;

  return new Promise((resolve, reject) => {
    const finish = () => {
      let prefix = 0;
      while (prefix < links.length && done[prefix]) prefix++;
      resolve({ results: done.filter((r): r is CheckedLink => !!r), prefix, fetches });
    };
    const pump = () => {
      // Until the budget cannot pay for one more worst case; what finishing links give back may let more start.
      for (let i = 0; i < links.length && running < AT_ONCE && budget >= FETCHES_PER_LINK_AT_MOST; i++) {
        if (started[i]) continue;
        const link = links[i]!;
        const host = hostOf(link.url);
        if ((busy.get(host) ?? 0) >= PER_HOST_AT_ONCE) continue;
        started[i] = true;
        running++;
        busy.set(host, (busy.get(host) ?? 0) + 1);
        budget -= FETCHES_PER_LINK_AT_MOST;
        let spent = 0;
        checkLink(link.url, deps, () => {
          spent++;
          fetches++;
        })
          .then((result) => {
            done[i] = { ...link, ...result, checkedAt: now() };
            budget += FETCHES_PER_LINK_AT_MOST - spent;
            running--;
            busy.set(host, busy.get(host)! - 1);
            pump();
          })
          .catch(reject);
      }
      if (running === 0) finish();
    };
    pump();
  });
}

export interface LinkHealthRun {
  /** URLs checked in this run. */
  checked: number;
  /** The day's pass is complete. */
  done: boolean;
  fetches: number;
}

/**
 * One run of the trigger: resume the pass where the last run stopped (or begin the day's pass
 * when the last one is done and the Bangkok day has changed), check what the budget allows, keep
 * the results and the new position together.
 */
export async function runLinkHealthJob(db: Db, now: number, deps: LinkCheckDeps = {}): Promise<LinkHealthRun> {
  const day = bangkokDate(now);
  const cursor = await readCursor(db);
  if (cursor?.done && cursor.passDay === day) return { checked: 0, done: true, fetches: 0 };
  const resuming = cursor !== null && !cursor.done;
  const passDay = resuming ? cursor.passDay : day;
  const after = resuming && cursor.afterOrgId !== null && cursor.afterUrl !== null ? { orgId: cursor.afterOrgId, url: cursor.afterUrl } : null;
  // Every link costs at least one fetch: no run can check more than its budget in links.
  const limit = deps.subrequests ?? LINK_CHECK_SUBREQUESTS;
  const links = await nextLinksToCheck(db, fiscalYearOf(new Date(now)), after, limit);
  const { results, prefix, fetches } = await checkLinks(links, deps);
  const last = prefix > 0 ? links[prefix - 1]! : after;
  const done = prefix === links.length && links.length < limit;
  await saveLinkChecks(db, results, { passDay, afterOrgId: done ? null : (last?.orgId ?? null), afterUrl: done ? null : (last?.url ?? null), done, updatedAt: now });
  if (results.length > 0) console.log('link check', { day: passDay, checked: results.length, fetches, done });
  return { checked: results.length, done, fetches };
}
