// Reading and writing the office's official-memo settings: the text fields and Thai digits in
// organisations.settings (changed key by key with json_set, so other settings are untouched),
// the emblem in its own column (organisations.memo_emblem) so that the many reads of the settings
// never carry an image.
import { eq, sql } from 'drizzle-orm';
import type { Db } from './client';
import { organisations } from './schema';
import { EMPTY_MEMO, type MemoSettings, type MemoView } from '../domain/memo';
import { appError } from '../domain/errors';

export async function loadMemo(db: Db, orgId: string): Promise<MemoView> {
  const [org] = await db
    .select({ nameTh: organisations.nameTh, settings: organisations.settings, emblem: organisations.memoEmblem })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  if (!org) throw appError(404, 'not_found.office');
  const saved = org.settings?.memo ?? {};
  return {
    ...EMPTY_MEMO,
    ...saved,
    department: saved.department || org.nameTh,
    thaiDigits: org.settings?.thaiDigits === true,
    emblem: org.emblem ?? null,
  };
}

/** One statement: the memo's text fields and Thai digits, and (when given) the emblem. */
export function saveMemo(db: Db, orgId: string, memo: MemoSettings, emblem: string | null | undefined) {
  const { thaiDigits, ...text } = memo;
  const settings = sql`json_set(coalesce(${organisations.settings}, '{}'), '$.memo', json(${JSON.stringify(text)}), '$.thaiDigits', json(${JSON.stringify(thaiDigits)}))`;
  return db
    .update(organisations)
    .set(emblem === undefined ? { settings } : { settings, memoEmblem: emblem })
    .where(eq(organisations.id, orgId));
}
