// Typed wrappers around the ITA Board API. Every call resolves to a Result: either the
// data, or an ApiError carrying the server's stable code and its Thai/English messages.
// Nothing here throws for HTTP or network failures.
import type {
  BoardView,
  CardResponse,
  CardView,
  ConflictBody,
  FiscalYearView,
  Me,
  Role,
} from '../../worker/domain/contracts';
import type { AddCommentRequest, AddEvidenceRequest, EditCardRequest, MoveCardRequest } from '../../worker/domain/schemas/cards';
import type {
  CardDetailsResponse,
  CommentResponse,
  EvidenceResponse,
  OitItemsResponse,
} from '../../worker/domain/contracts-card';

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

export interface DemoAccount {
  email: string;
  password: string;
  role: Role;
  labelTh: string;
  labelEn: string;
}

export type CardPatch = EditCardRequest;

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Called when a request other than /api/me or sign-in answers 401 (the session ended). */
let unauthorizedHandler: (() => void) | null = null;
export function onUnauthorized(handler: () => void): void {
  unauthorizedHandler = handler;
}

const QUIET_401 = new Set(['/api/me', '/api/auth/sign-in', '/api/auth/sign-out']);

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

/** One typed call to the API; page-specific modules (admin, reports, …) build on it. */
/** `quiet401`: a 401 answer is only returned, not taken as the end of the session. */
export async function request<T>(method: Method, path: string, body?: unknown, { quiet401 = false } = {}): Promise<Result<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const init: RequestInit = { method, headers, credentials: 'same-origin', cache: 'no-store' };
  if (method !== 'GET') {
    // Mutations are always JSON, even when there is nothing to send (the server checks it).
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body ?? {});
  }
  let res: Response;
  try {
    res = await fetch(path, init);
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
  if (res.ok) return { ok: true, data: data as T };
  if (res.status === 401 && !quiet401 && !QUIET_401.has(path)) unauthorizedHandler?.();
  return { ok: false, error: toApiError(res.status, data) };
}

/** True when a 409 body carries the server's current card. */
export function isConflictBody(body: unknown): body is ConflictBody {
  return isRecord(body) && isRecord(body.card) && typeof body.card.id === 'string';
}

export const api = {
  me: () => request<Me>('GET', '/api/me'),
  signIn: (email: string, password: string) =>
    request<Me>('POST', '/api/auth/sign-in', { email, password }),
  signOut: () => request<null>('POST', '/api/auth/sign-out'),
  signOutEverywhere: () => request<null>('POST', '/api/auth/sign-out-everywhere'),
  demoAccounts: () => request<{ accounts: DemoAccount[] }>('GET', '/api/dev/demo-accounts'),
  fiscalYears: (options?: { quiet401?: boolean }) => request<{ fiscalYears: FiscalYearView[] }>('GET', '/api/fiscal-years', undefined, options),
  board: (beYear: number, options?: { quiet401?: boolean }) =>
    request<BoardView>('GET', `/api/boards/${encodeURIComponent(beYear)}`, undefined, options),
  moveCard: (id: CardView['id'], move: MoveCardRequest) =>
    request<CardResponse>('POST', `/api/cards/${encodeURIComponent(id)}/move`, move),
  patchCard: (id: CardView['id'], patch: CardPatch) =>
    request<CardResponse>('PATCH', `/api/cards/${encodeURIComponent(id)}`, patch),
  cardDetails: (id: CardView['id']) =>
    request<CardDetailsResponse>('GET', `/api/cards/${encodeURIComponent(id)}`),
  addEvidence: (id: CardView['id'], evidence: AddEvidenceRequest) =>
    request<EvidenceResponse>('POST', `/api/cards/${encodeURIComponent(id)}/evidence`, evidence),
  deleteEvidence: (evidenceId: string) =>
    request<null>('DELETE', `/api/evidence/${encodeURIComponent(evidenceId)}`),
  addComment: (id: CardView['id'], comment: AddCommentRequest) =>
    request<CommentResponse>('POST', `/api/cards/${encodeURIComponent(id)}/comments`, comment),
  oitItems: (beYear: number) =>
    request<OitItemsResponse>('GET', `/api/boards/${encodeURIComponent(beYear)}/oit-items`),
};
