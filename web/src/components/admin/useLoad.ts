import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ApiError, Result } from '../../api';

/** Loads data for an admin panel; `reload` after a change. */
export function useLoad<T>(load: () => Promise<Result<T>>, deps: unknown[] = []) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const reload = useCallback(async () => {
    const r = await load();
    if (r.ok) {
      setData(r.data);
      setError(null);
    } else setError(r.error);
  }, deps);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, reload };
}
