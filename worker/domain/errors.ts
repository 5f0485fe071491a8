// One error type for everything the API refuses on purpose. Routes throw it; the app's onError
// turns it into `{ error: { code, messageTh, messageEn } }` with its status. Its messages come from
// the errors dictionary (messages/errors.{th,en}.ts) through `appError`: the one way to build one.
import { translator, type KeyParams, type Lang, type Params } from './i18n';
import en from './messages/errors.en';
import { th } from './messages/errors.th';

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500;

export class AppError extends Error {
  constructor(
    readonly status: ErrorStatus,
    readonly code: string,
    readonly messageTh: string,
    readonly messageEn: string,
    readonly details?: unknown,
    /** Extra top-level fields for the body, e.g. the current card on a 409. */
    readonly extra?: Record<string, unknown>,
  ) {
    super(`${code}: ${messageEn}`);
  }

  toBody() {
    return {
      error: {
        code: this.code,
        messageTh: this.messageTh,
        messageEn: this.messageEn,
        ...(this.details === undefined ? {} : { details: this.details }),
      },
      ...this.extra,
    };
  }
}

const say = { th: translator({ th, en }, 'th'), en: translator({ th, en }, 'en') };

/** A key of the errors dictionary: the error's code, or the code and a suffix (`not_found.page`). */
export type ErrorKey = keyof typeof th & string;

/** The values of a key's {params}: one set for both languages, or per language (a date written in each). */
export type ErrorParams<K extends ErrorKey> = Params<KeyParams<typeof th, typeof en, K> & string> | ((lang: Lang) => Params<KeyParams<typeof th, typeof en, K> & string>);

export interface ErrorOptions {
  /** The code when it is not the key's (the key without its suffix). */
  readonly code?: string;
  readonly details?: unknown;
  /** Extra top-level fields for the body, e.g. the current card on a 409. */
  readonly extra?: Record<string, unknown>;
}

/** The message of `key` in one language. */
function message<K extends ErrorKey>(key: K, lang: Lang, params?: ErrorParams<K>): string {
  const values = typeof params === 'function' ? params(lang) : params;
  return (say[lang] as (key: string, params?: Params) => string)(key, values);
}

/** A key's code and messages, for checks that report a problem rather than throw (password policy, warnings). */
export function errorMessages<K extends ErrorKey>(key: K, params?: ErrorParams<K>, code: string = key.split('.')[0]!) {
  return { code, messageTh: message(key, 'th', params), messageEn: message(key, 'en', params) };
}

/**
 * The one way to build an AppError: its messages from the errors dictionary,
 * e.g. `appError(409, 'fiscal_year_exists', { year })`, `appError(404, 'not_found.page')`.
 */
export function appError<K extends ErrorKey>(status: ErrorStatus, key: K, params?: ErrorParams<K>, options: ErrorOptions = {}): AppError {
  const { code, messageTh, messageEn } = errorMessages(key, params, options.code);
  return new AppError(status, code, messageTh, messageEn, options.details, options.extra);
}

/** A problem found by a domain check ({code, messageTh, messageEn}, e.g. the password policy's), as a 422. */
export const problemError = (problem: { code: string; messageTh: string; messageEn: string }) =>
  new AppError(422, problem.code, problem.messageTh, problem.messageEn);

export const forbidden = () => appError(403, 'forbidden');

/**
 * A refusal by policy.ts found where the decision is asked (db/'s write loops): the same 403 as
 * `forbidden()`, which the route records in the audit log with its own detail
 * (middleware/audit-refusals.ts `recordingRefusal`).
 */
export class Refusal extends AppError {
  constructor() {
    const { code, messageTh, messageEn } = forbidden();
    super(403, code, messageTh, messageEn);
  }
}

export const refused = () => new Refusal();

/** A write that lost the race for the year's next event seq every time it tried (db/ write loops). */
export const boardBusy = () => appError(409, 'busy');

/** A group named in a change (a card's, a measure's, a member's) that is not one of the office's. */
export const invalidGroup = () => appError(422, 'invalid_group');

/** A director's edit that would take the card away from their group (policy.keepsCardAfterEdit). */
export const wouldLoseAccess = () => appError(422, 'would_lose_access');

export const unauthenticated = () => appError(401, 'unauthenticated');

/** A write to an archived fiscal year (policy.canWriteYear said no). */
export const yearArchived = (beYear: number) => appError(409, 'fiscal_year_archived', { year: beYear });

/**
 * An AppError as plain data, to cross a Durable Object's RPC boundary (which keeps only an
 * Error's message): the board's room answers a refused change with this, and the route throws
 * it again with `revivedError`, a `Refusal` staying a Refusal so the route records it.
 */
export interface PlainError {
  status: ErrorStatus;
  code: string;
  messageTh: string;
  messageEn: string;
  details?: unknown;
  extra?: Record<string, unknown>;
  refusal: boolean;
}

export function plainError(e: AppError): PlainError {
  return {
    status: e.status,
    code: e.code,
    messageTh: e.messageTh,
    messageEn: e.messageEn,
    ...(e.details === undefined ? {} : { details: e.details }),
    ...(e.extra === undefined ? {} : { extra: e.extra }),
    refusal: e instanceof Refusal,
  };
}

export function revivedError(p: PlainError): AppError {
  return p.refusal ? new Refusal() : new AppError(p.status, p.code, p.messageTh, p.messageEn, p.details, p.extra);
}
