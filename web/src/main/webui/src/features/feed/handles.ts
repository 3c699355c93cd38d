import { useEffect, useState } from 'react';
import { api } from '../../api/client';

// A post view names the people it mentions by employee id (`mentions`) while its text says `@handle`, so linking a
// handle needs each id's username. They are learnt from what the app already holds (authors, recipients,
// suggestions, the signed-in person) and otherwise asked once per id of profile-service, then kept for the session.
const known = new Map<string, string>(); // employee id → lower-case handle
const asked = new Map<string, Promise<void>>();

/** Records a person's handle seen elsewhere, so no request is needed to link their mentions. */
export function rememberHandle(id: string | null | undefined, handle: string | null | undefined) {
  if (id && handle) known.set(id, handle.toLowerCase());
}

function ask(id: string): Promise<void> {
  let pending = asked.get(id);
  if (!pending) {
    pending = api<{ username?: string }>(`/api/profiles/${encodeURIComponent(id)}`)
      .then((p) => rememberHandle(id, p.username))
      // someone erased or unknown: their handle stays plain text, which is all the reader can be told
      .catch(() => undefined);
    asked.set(id, pending);
  }
  return pending;
}

function mapOf(ids: string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const id of ids) {
    const handle = known.get(id);
    if (handle) map.set(handle, id);
  }
  return map;
}

/** Lower-case handle → employee id for the mentioned ids, filled in as unknown ids are looked up. */
export function useMentionHandles(ids: string[]): Map<string, string> {
  const key = ids.join(',');
  const [map, setMap] = useState(() => mapOf(ids));
  useEffect(() => {
    const list = key ? key.split(',') : [];
    setMap(mapOf(list));
    const missing = list.filter((id) => !known.has(id));
    if (missing.length === 0) return;
    let live = true;
    void Promise.all(missing.map(ask)).then(() => live && setMap(mapOf(list)));
    return () => {
      live = false;
    };
  }, [key]);
  return map;
}
