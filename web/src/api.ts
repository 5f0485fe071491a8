// The ITA Board API, called through clients typed as Hono's client (hc): one per sub-app of
// worker/routes/ (one client for all 66 routes would exceed TypeScript's instantiation depth), so
// a route whose path, body or answer changes breaks this build, not a user. Every call resolves to
// a Result: either the data, or an ApiError carrying the server's stable code and its Thai/English
// messages. Nothing here throws for HTTP or network failures.
import type { ClientResponse } from 'hono/client';
import { typed, type Client } from './typed-client';
import type { SuccessStatusCode } from 'hono/utils/http-status';
import type { BoardView, CardView, ConflictBody } from '../../worker/domain/contracts';
import { boardFromWire } from '../../worker/domain/board-card';
import type { AccountsApi } from '../../worker/routes/accounts';
import type { AdminApi } from '../../worker/routes/admin';
import type { AuthApi } from '../../worker/routes/auth';
import type { BoardApi } from '../../worker/routes/board';
import type { BoardSearchApi } from '../../worker/routes/board-search';
import type { CardDetailsApi } from '../../worker/routes/card-details';
import type { CardsApi } from '../../worker/routes/cards';
import type { DashboardApi } from '../../worker/routes/dashboard';
import type { DevApi } from '../../worker/routes/dev';
import type { FiscalYearsApi } from '../../worker/routes/fiscal-years';
import type { ImportApi } from '../../worker/routes/import';
import type { MeApi } from '../../worker/routes/me';
import type { MeasuresApi } from '../../worker/routes/measures';
import type { MemoApi } from '../../worker/routes/memo';
import type { OitApi } from '../../worker/routes/oit';
import type { PublicApi } from '../../worker/routes/public';
import type { ReportsApi } from '../../worker/routes/reports';
import type { LineSettingsApi } from '../../worker/routes/line';
import type { AddCommentRequest, AddEvidenceRequest, EditCardRequest, MoveCardRequest } from '../../worker/domain/schemas/cards';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageTh: string,
    readonly messageEn: string,
    /** The parsed JSON body of the error response (or null when there was none). */
    readonly body: unknown,
  ) {
    super(`${status} ${code}: ${messageEn}`);
    this.name = 'ApiError';
  }
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export type CardPatch = EditCardRequest;

/** Called when a request answers 401 (the session ended), unless the call is `quiet401`. */
let unauthorizedHandler: (() => void) | null = null;
export function onUnauthorized(handler: () => void): void {
  unauthorizedHandler = handler;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function toApiError(status: number, body: unknown): ApiError {
  const err = isRecord(body) && isRecord(body.error) ? body.error : null;
  const str = (v: unknown, fallback: string) => (typeof v === 'string' && v ? v : fallback);
  return new ApiError(
    status,
    str(err?.code, `http_${status}`),
    str(err?.messageTh, `เกิดข้อผิดพลาดจากเซิร์ฟเวอร์ (${status})`),
    str(err?.messageEn, `The server answered with an error (${status}).`),
    body,
  );
}

async function readJson(res: Response): Promise<unknown> {
  if (res.status === 204) return null;
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('json')) return null;
  try {
    return await res.json();
  } catch {
    return null;
  }
}

/** One typed client per sub-app, at the path app.ts mounts it on. */
export const clients = {
  auth: typed<AuthApi>('/api/auth'),
  me: typed<MeApi>('/api'),
  board: typed<BoardApi>('/api'),
  boardSearch: typed<BoardSearchApi>('/api'),
  cards: typed<CardsApi>('/api/cards'),
  cardDetails: typed<CardDetailsApi>('/api'),
  measures: typed<MeasuresApi>('/api/measures'),
  accounts: typed<AccountsApi>('/api/admin/accounts'),
  admin: typed<AdminApi>('/api/admin'),
  import: typed<ImportApi>('/api/import'),
  dashboard: typed<DashboardApi>('/api/dashboard'),
  oit: typed<OitApi>('/api/oit'),
  memo: typed<MemoApi>('/api/memo'),
  public: typed<PublicApi>('/api/public'),
  fiscalYears: typed<FiscalYearsApi>('/api/fiscal-years'),
  line: typed<LineSettingsApi>('/api/line'),
  reports: typed<ReportsApi>('/api/reports'),
  dev: typed<DevApi>('/api/dev'),
};

/** What a route answers when it succeeds, as its type says: its JSON, or null (204, no JSON). */
export type Answer<R> =
  R extends ClientResponse<infer T, infer S, infer F> ? (S extends SuccessStatusCode ? (F extends 'json' ? T : null) : never) : never;

/** The data a call of this module (or of its page-specific siblings) resolves to. */
export type Data<F extends (...args: never[]) => Promise<Result<unknown>>> = Awaited<ReturnType<F>> extends Result<infer T> ? T : never;

/**
 * One call through a typed client, as a Result. `quiet401`: a 401 answer is only returned, not
 * taken as the end of the session (asking who is signed in, signing in and out, early requests).
 */
export async function call<R extends ClientResponse<unknown, number, string>>(
  send: () => Promise<R>,
  { quiet401 = false } = {},
): Promise<Result<Answer<R>>> {
  let res: Response;
  try {
    res = (await send()) as unknown as Response;
  } catch {
    return {
      ok: false,
      error: new ApiError(
        0,
        'network_error',
        'ติดต่อเซิร์ฟเวอร์ไม่ได้ โปรดตรวจสอบการเชื่อมต่อแล้วลองอีกครั้ง',
        'Could not reach the server. Check your connection and try again.',
        null,
      ),
    };
  }
  const data = await readJson(res);
  // The answer's shape is the route's own type (hc): nothing here is typed by hand.
  if (res.ok) return { ok: true, data: data as Answer<R> };
  if (res.status === 401 && !quiet401) unauthorizedHandler?.();
  return { ok: false, error: toApiError(res.status, data) };
}

/** True when a 409 body carries the server's current card. */
export function isConflictBody(body: unknown): body is ConflictBody {
  return isRecord(body) && isRecord(body.card) && typeof body.card.id === 'string';
}

/** Path parameters go into the address as they are (hc does not encode them). */
export const enc = encodeURIComponent;
const year = (beYear: number) => ({ beYear: enc(beYear) });
const { auth, me, board, boardSearch, cards, cardDetails, dev } = clients;

/** A board answer with its ETag, or "not modified" (304: the tag sent still names the board). */
export type BoardAnswer =
  | { notModified: false; board: BoardView; etag: string | null }
  | { notModified: true; etag: string };

/** GET /api/boards/:beYear: the board, its cards turned from the columns they travel as (BoardWire) into objects. */
async function getBoard(beYear: number, options?: { quiet401?: boolean }): Promise<Result<BoardView>> {
  const result = await call(() => board.boards[':beYear'].$get({ param: year(beYear) }), options);
  return result.ok ? { ok: true, data: boardFromWire(result.data) } : result;
}

/** GET /api/boards/:beYear, with If-None-Match when a tag is kept (state/board-cache.ts). */
async function boardIfChanged(beYear: number, etag: string | null, options?: { quiet401?: boolean }): Promise<Result<BoardAnswer>> {
  let res: Response | null = null;
  const result = await call(async () => {
    const answer = await board.boards[':beYear'].$get({ param: year(beYear) }, etag ? { headers: { 'if-none-match': etag } } : undefined);
    res = answer as unknown as Response;
    return answer;
  }, options);
  const status = (res as Response | null)?.status;
  if (status === 304 && etag) return { ok: true, data: { notModified: true, etag } };
  if (!result.ok) return result;
  return { ok: true, data: { notModified: false, board: boardFromWire(result.data), etag: (res as Response | null)?.headers.get('etag') ?? null } };
}

export const api = {
  me: () => call(() => me.me.$get(), { quiet401: true }),
  session: () => call(() => me.session.$get()),
  signIn: (email: string, password: string) => call(() => auth['sign-in'].$post({ json: { email, password } }), { quiet401: true }),
  signOut: () => call(() => auth['sign-out'].$post(), { quiet401: true }),
  signOutEverywhere: () => call(() => auth['sign-out-everywhere'].$post()),
  demoAccounts: () => call(() => dev['demo-accounts'].$get()),
  fiscalYears: (options?: { quiet401?: boolean }) => call(() => board['fiscal-years'].$get(), options),
  board: getBoard,
  boardIfChanged,
  /** The cards changed after event `since`, or `reload` (state/board-sync.ts). */
  boardChanges: (beYear: number, since: number) =>
    call(() => board.boards[':beYear'].changes.$get({ param: year(beYear), query: { since: String(since) } })),
  /** The cards of the year whose title, details or checklist items match `q` (the board matches titles itself). */
  searchBoard: (beYear: number, q: string) => call(() => boardSearch.boards[':beYear'].search.$get({ param: year(beYear), query: { q } })),
  moveCard: (id: CardView['id'], move: MoveCardRequest) => call(() => cards[':id'].move.$post({ param: { id: enc(id) }, json: move })),
  patchCard: (id: CardView['id'], patch: CardPatch) => call(() => cards[':id'].$patch({ param: { id: enc(id) }, json: patch })),
  cardDetails: (id: CardView['id']) => call(() => cardDetails.cards[':id'].$get({ param: { id: enc(id) } })),
  addEvidence: (id: CardView['id'], evidence: AddEvidenceRequest) =>
    call(() => cardDetails.cards[':id'].evidence.$post({ param: { id: enc(id) }, json: evidence })),
  deleteEvidence: (evidenceId: string) => call(() => cardDetails.evidence[':id'].$delete({ param: { id: enc(evidenceId) } })),
  addComment: (id: CardView['id'], comment: AddCommentRequest) =>
    call(() => cardDetails.cards[':id'].comments.$post({ param: { id: enc(id) }, json: comment })),
  oitItems: (beYear: number) => call(() => cardDetails.boards[':beYear']['oit-items'].$get({ param: year(beYear) })),
};

/** A demo account offered on the sign-in page (npm start only). */
export type DemoAccount = Data<typeof api.demoAccounts>['accounts'][number];
