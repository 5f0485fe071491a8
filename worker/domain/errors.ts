// One error type for everything the API refuses on purpose. Routes throw it; the app's onError
// turns it into `{ error: { code, messageTh, messageEn } }` with its status.

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

export const notFound = (what: string, whatTh: string) =>
  new AppError(404, 'not_found', `ไม่พบ${whatTh}`, `${what} not found`);

const FORBIDDEN_TH = 'คุณไม่มีสิทธิ์ดำเนินการนี้';
const FORBIDDEN_EN = 'You are not allowed to do this';

export const forbidden = () => new AppError(403, 'forbidden', FORBIDDEN_TH, FORBIDDEN_EN);

/**
 * A refusal by policy.ts found where the decision is asked (db/'s write loops): the same 403 as
 * `forbidden()`, which the route records in the audit log with its own detail
 * (middleware/audit-refusals.ts `recordingRefusal`).
 */
export class Refusal extends AppError {
  constructor() {
    super(403, 'forbidden', FORBIDDEN_TH, FORBIDDEN_EN);
  }
}

export const refused = () => new Refusal();

/** A write that lost the race for the year's next event seq every time it tried (db/ write loops). */
export const boardBusy = () => new AppError(409, 'busy', 'มีผู้แก้ไขบอร์ดพร้อมกันจำนวนมาก กรุณาลองอีกครั้ง', 'The board is busy; please try again');

/** A group named in a change (a card's, a measure's, a member's) that is not one of the office's. */
export const invalidGroup = () => new AppError(422, 'invalid_group', 'ไม่พบกลุ่มงานที่ระบุในสำนักงานนี้', 'A named group is not part of this office');

/** A director's edit that would take the card away from their group (policy.keepsCardAfterEdit). */
export const wouldLoseAccess = () =>
  new AppError(
    422,
    'would_lose_access',
    'การแก้ไขนี้จะทำให้กลุ่มของคุณไม่ได้รับผิดชอบการ์ดนี้ กรุณาติดต่อผู้ดูแลระบบ',
    'This edit would take the card away from your group; ask an administrator',
  );

export const unauthenticated = () =>
  new AppError(401, 'unauthenticated', 'กรุณาเข้าสู่ระบบ', 'Please sign in');

/** A write to an archived fiscal year (policy.canWriteYear said no). */
export const yearArchived = (beYear: number) =>
  new AppError(
    409,
    'fiscal_year_archived',
    `ปีงบประมาณ ${beYear} ถูกเก็บถาวรแล้ว จึงอ่านได้อย่างเดียว ผู้ดูแลระบบกู้คืนได้ที่หน้าผู้ดูแลระบบ`,
    `Fiscal year ${beYear} is archived and read-only; an administrator can restore it on the administration page`,
  );
