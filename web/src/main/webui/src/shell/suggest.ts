import { useEffect, useState } from 'react';
import { api, withQuery } from '../api/client';

/** search-service `GET /api/search/suggest?q=` (`SuggestView`; a person's title and department may be absent). */
export interface Suggestions {
  people: SuggestedPerson[];
  topics: { tag: string; count: number }[];
  groups: { id: string; name: string; visibility: 'PUBLIC' | 'PRIVATE'; memberCount: number }[];
}

export interface SuggestedPerson {
  id: string;
  displayName: string;
  username: string;
  title?: string | null;
  department?: string | null;
}

/** What a typeahead holds for the text typed so far. */
export interface Typeahead<T> {
  result: T;
  error: unknown;
  /** An answer for the text as it is now is still awaited. */
  loading: boolean;
}

/** The suggest API refuses a query with no letter or digit (400), so such text asks nothing. */
const HAS_WORD = /[\p{L}\p{N}]/u;
const DEBOUNCE_MS = 150;

/**
 * `load(q)` asked 150 ms after the last keystroke, so typing a name costs one request, not one per letter; a null
 * or wordless `q` asks nothing. An answer to an earlier text is never shown as the answer to this one (Enter must
 * pick from what matches what is typed now); `keepPrevious` shows it while the new one is on its way instead of
 * nothing, so a list under a search box does not flicker at every letter. `load` and `empty` are module constants.
 */
export function useTypeahead<T>(q: string | null, load: (q: string) => Promise<T>, empty: T, keepPrevious = false): Typeahead<T> {
  const [state, setState] = useState<{ q: string | null; result: T; error: unknown }>({ q: null, result: empty, error: null });
  const trimmed = q?.trim().slice(0, 100) ?? '';
  const query = HAS_WORD.test(trimmed) ? trimmed : null;
  useEffect(() => {
    if (!query) {
      // a later text starts from nothing, not from what an earlier one found
      setState((old) => (old.q === null ? old : { q: null, result: empty, error: null }));
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      load(query)
        .then((result) => live && setState({ q: query, result, error: null }))
        .catch((error: unknown) => live && setState({ q: query, result: empty, error }));
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // empty is the caller's constant
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query, load]);
  if (!query) return { result: empty, error: null, loading: false };
  if (state.q !== query) return { result: keepPrevious && state.q !== null ? state.result : empty, error: null, loading: true };
  return { result: state.result, error: state.error, loading: false };
}

const NO_SUGGESTIONS: Suggestions = { people: [], topics: [], groups: [] };
const askSuggest = (q: string) => api<Suggestions>(withQuery('/api/search/suggest', { q }));

/** search-service's suggestions (people, topics, groups) for the text typed so far. */
export function useSuggest(q: string | null, keepPrevious = false): Typeahead<Suggestions> {
  return useTypeahead(q, askSuggest, NO_SUGGESTIONS, keepPrevious);
}
