// The office's memo settings as the printed reports use them: loaded once per page (every member
// may read them), replaced after an administrator saves.
import { signal } from '@preact/signals';
import { call, clients } from '../../api';
import type { MemoSettings, MemoView } from '../../../../worker/domain/memo';

export const memo = signal<MemoView | null>(null);
let loading: Promise<void> | null = null;

export function loadMemo(force = false): Promise<void> {
  if (loading && !force) return loading;
  loading = call(() => clients.memo.index.$get()).then((r) => {
    if (r.ok) memo.value = r.data.memo;
  });
  return loading;
}

/** `emblem`: undefined keeps it, null removes it, a data: URL replaces it. */
export async function saveMemo(settings: MemoSettings, emblem?: string | null) {
  const r = await call(() => clients.memo.index.$put({ json: emblem === undefined ? settings : { ...settings, emblem } }));
  if (r.ok) memo.value = r.data.memo;
  return r;
}
