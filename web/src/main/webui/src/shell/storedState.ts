import { useCallback, useState } from 'react';

/**
 * Like useState, kept in sessionStorage as JSON: a form's choices (checkboxes, dates, picked people) survive a
 * sign-in round trip the way useDraft keeps its text. `clear()` after a successful submit.
 */
export function useStoredState<T>(key: string, initial: T): [T, (update: T | ((old: T) => T)) => void, () => void] {
  const storageKey = `intranet.form.${key}`;
  const [value, setValue] = useState<T>(() => {
    const saved = sessionStorage.getItem(storageKey);
    if (saved === null) return initial;
    try {
      const parsed = JSON.parse(saved) as T;
      // an object gains the fields added to the form since it was stored
      return isRecord(initial) && isRecord(parsed) ? { ...initial, ...parsed } : parsed;
    } catch {
      return initial;
    }
  });
  const set = useCallback(
    (update: T | ((old: T) => T)) =>
      setValue((old) => {
        const next = typeof update === 'function' ? (update as (old: T) => T)(old) : update;
        sessionStorage.setItem(storageKey, JSON.stringify(next));
        return next;
      }),
    [storageKey],
  );
  const clear = useCallback(() => {
    sessionStorage.removeItem(storageKey);
    setValue(initial);
    // initial is the first render's: clearing goes back to it
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [storageKey]);
  return [value, set, clear];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
