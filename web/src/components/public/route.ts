// The public page's address: /p/<office slug> or /p/<office slug>/<BE year>. It lives outside the
// signed-in app (no session needed), so App renders it before any session check.
export interface PublicRoute {
  slug: string;
  beYear: number | null;
}

const PUBLIC_PATH = /^\/p\/([a-z0-9][a-z0-9-]{0,62})(?:\/(\d{4}))?\/?$/;

export function publicRouteOf(pathname: string): PublicRoute | null {
  const m = PUBLIC_PATH.exec(pathname);
  return m ? { slug: m[1]!, beYear: m[2] ? Number(m[2]) : null } : null;
}

/** Read once at start-up: the signed-in app may rewrite the address later (see PublicPage). */
export const PUBLIC_ROUTE = publicRouteOf(location.pathname);
