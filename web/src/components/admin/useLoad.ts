import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ApiError, Result } from '../../api';

/**
 * Loads a page's or a panel's data, again whenever `deps` change; `reload` after a change, `setData`
 * to put an answer in place. `load` returning null means there is nothing to ask yet (no year chosen).
 */
export function useLoad<T>(load: () => Promise<Result<T>> | null, deps: unknown[] = []) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const reload = useCallback(async () => {
    const asked = load();
    if (!asked) return;
    const r = await asked;
    if (r.ok) {
      setData(r.data);
      setError(null);
    } else setError(r.error);
  }, deps);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, reload, setData };
}
