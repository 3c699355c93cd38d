import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { ApiError, type Page } from '../api/client';

/** Shows a failure as the API's problem `detail` (never a blank page). */
export function ErrorNote({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div role="alert" className="error">
      <span>{message}</span>
      {onRetry && (
        <button type="button" className="link" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p role="status" className="muted">
      {label}
    </p>
  );
}

/** Initials in a coloured circle: no image requests to third parties; dark enough for white text in every hue. */
export function Avatar({ name, size = 36 }: { name: string; size?: number }) {
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => p[0]!.toUpperCase())
    .join('');
  let hash = 0;
  for (const c of name) hash = (hash * 31 + c.charCodeAt(0)) | 0;
  return (
    <span className="avatar" aria-hidden="true" style={{ width: size, height: size, background: `hsl(${Math.abs(hash) % 360} 45% 32%)` }}>
      {initials || '?'}
    </span>
  );
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** "3 minutes ago", with the exact time as the element's datetime and title. */
export function When({ at }: { at: string }) {
  const date = new Date(at);
  const seconds = Math.round((date.getTime() - Date.now()) / 1000);
  const abs = Math.abs(seconds);
  const text =
    abs < 60 ? relative.format(seconds, 'second')
    : abs < 3600 ? relative.format(Math.round(seconds / 60), 'minute')
    : abs < 86400 ? relative.format(Math.round(seconds / 3600), 'hour')
    : abs < 7 * 86400 ? relative.format(Math.round(seconds / 86400), 'day')
    : date.toLocaleDateString();
  return (
    <time dateTime={at} title={date.toLocaleString()}>
      {text}
    </time>
  );
}

/**
 * Text kept in sessionStorage as it is typed, so a sign-in round trip (a 401, an expired session) or a reload
 * does not lose it. `clear()` after a successful submit.
 */
export function useDraft(key: string, initial = ''): [string, (v: string) => void, () => void] {
  const storageKey = `intranet.draft.${key}`;
  const [value, setValue] = useState(() => sessionStorage.getItem(storageKey) ?? initial);
  const set = useCallback(
    (v: string) => {
      setValue(v);
      if (v) sessionStorage.setItem(storageKey, v);
      else sessionStorage.removeItem(storageKey);
    },
    [storageKey],
  );
  const clear = useCallback(() => set(''), [set]);
  return [value, set, clear];
}

/**
 * A cursor-paged list (`{items, next}`) that loads the next page when its sentinel scrolls into view.
 * `reload()` starts again from the first page; `prepend()` shows an item created here at once.
 */
export function useCursorList<T>(load: (cursor: string | null) => Promise<Page<T>>, deps: unknown[]) {
  const [items, setItems] = useState<T[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const generation = useRef(0);

  const fetchPage = useCallback(
    async (cursor: string | null, replace: boolean) => {
      const mine = ++generation.current;
      setLoading(true);
      setError(null);
      try {
        const page = await load(cursor);
        if (mine !== generation.current) return;
        setItems((old) => (replace ? page.items : [...old, ...page.items]));
        setNext(page.next);
        setDone(!page.next);
      } catch (e) {
        if (mine === generation.current) setError(e);
      } finally {
        if (mine === generation.current) setLoading(false);
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    deps,
  );

  useEffect(() => {
    setItems([]);
    setDone(false);
    void fetchPage(null, true);
  }, [fetchPage]);

  const more = useCallback(() => {
    if (!loading && !done && next) void fetchPage(next, false);
  }, [loading, done, next, fetchPage]);

  return {
    items,
    setItems,
    loading,
    error,
    done,
    more,
    reload: () => fetchPage(null, true),
    prepend: (item: T) => setItems((old) => [item, ...old]),
  };
}

/** Calls `onVisible` when it scrolls into view: the infinite-scroll trigger, with a button for keyboards. */
export function MoreSentinel({ onVisible, loading, done }: { onVisible: () => void; loading: boolean; done: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el || done) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && onVisible(), {
      rootMargin: '600px',
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [onVisible, done]);
  if (done) return null;
  return (
    <div ref={ref} className="more">
      {loading ? <Loading /> : <button type="button" onClick={onVisible}>Show more</button>}
    </div>
  );
}

/** A page's heading, focused on navigation so screen readers announce the new page. */
export function PageTitle({ children, actions }: { children: ReactNode; actions?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="page-title">
      <h1 tabIndex={-1} ref={ref}>
        {children}
      </h1>
      {actions}
    </div>
  );
}

export function isApiError(e: unknown, status: number): boolean {
  return e instanceof ApiError && e.status === status;
}
