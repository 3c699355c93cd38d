import { useEffect, useState } from 'react';
import { api, withQuery } from '../../api/client';
import { rememberHandle } from './handles';
import type { Suggestions } from './types';

const EMPTY: Suggestions = { people: [], topics: [], groups: [] };

/**
 * search-service's suggestions for `q` (people, topics, groups), asked 150 ms after the last keystroke so typing
 * a name costs one request, not one per letter. A null or blank `q` asks nothing.
 */
export function useSuggest(q: string | null): { result: Suggestions; error: unknown; loading: boolean } {
  const [state, setState] = useState<{ q: string | null; result: Suggestions; error: unknown }>({
    q: null,
    result: EMPTY,
    error: null,
  });
  const query = q?.trim() ? q.trim().slice(0, 100) : null;
  useEffect(() => {
    if (!query) return;
    let live = true;
    const timer = setTimeout(() => {
      api<Suggestions>(withQuery('/api/search/suggest', { q: query }))
        .then((result) => {
          result.people.forEach((p) => rememberHandle(p.id, p.username));
          if (live) setState({ q: query, result, error: null });
        })
        .catch((error: unknown) => live && setState({ q: query, result: EMPTY, error }));
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);
  if (!query) return { result: EMPTY, error: null, loading: false };
  // an answer to an earlier query is never shown: Enter must pick from what matches what is typed now
  if (state.q !== query) return { result: EMPTY, error: null, loading: true };
  return { result: state.result, error: state.error, loading: false };
}
