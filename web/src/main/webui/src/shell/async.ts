import { useCallback, useEffect, useState } from 'react';

/**
 * What a screen shows from one request: `data` null until it answers, `error` for ErrorNote, `retry()` to ask
 * again. It asks again when `deps` change, and an answer to an older ask is dropped.
 */
export function useLoaded<T>(load: () => Promise<T>, deps: unknown[]) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setData(null);
    setError(null);
    load().then(
      (d) => live && setData(d),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
    // load is the caller's closure over deps
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt]);
  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  return { data, setData, error, retry };
}

/**
 * A button's action: `busy` while it runs (to disable the button), its failure in `error`. `run` answers whether
 * it succeeded, so a caller can go on (clear a draft, close a form) only then.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async (work: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await work();
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run };
}
