import { useEffect, useState } from 'react';
import { api, withQuery, type Page } from '../../api/client';
import type { Group } from './types';

const MAX_PAGES = 10;
const FRESH_MS = 5 * 60_000;
let cache: Promise<Group[]> | null = null;
let cachedAt = 0;

/**
 * The groups the caller may see (public ones and their private ones), read once per page load and shared: the
 * audience picker lists them, announcements name them. At most 1,000 (ten pages of 100), read again after five
 * minutes so a group created meanwhile appears.
 */
export function loadGroups(): Promise<Group[]> {
  if (!cache || Date.now() - cachedAt > FRESH_MS) {
    cachedAt = Date.now();
    cache = (async () => {
      const all: Group[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < MAX_PAGES; page++) {
        const answer: Page<Group> = await api<Page<Group>>(withQuery('/api/groups', { membership: 'all', limit: 100, cursor }));
        all.push(...answer.items);
        cursor = answer.next;
        if (!cursor) break;
      }
      return all;
    })();
    // a failure is not remembered: the next screen asks again
    cache.catch(() => (cache = null));
  }
  return cache;
}

export function useGroups(enabled = true): { groups: Group[] | null; error: unknown; retry: () => void } {
  const [groups, setGroups] = useState<Group[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    let active = true;
    setError(null);
    loadGroups().then(
      (g) => active && setGroups(g),
      (e: unknown) => active && setError(e),
    );
    return () => {
      active = false;
    };
  }, [enabled, attempt]);
  return { groups, error, retry: () => setAttempt((a) => a + 1) };
}
