import { useMemo } from 'react';
import { useDraft } from '../../shell/ui';
import type { Link } from './types';

export interface LinkDraft {
  url: string;
  title: string;
}

const MAX_LINKS = 5; // feed-service's PostRequest.MAX_LINKS

/** Link rows kept as a JSON draft in sessionStorage, like every typed text, so a sign-in round trip keeps them. */
export function useLinksDraft(key: string, initial: Link[] = []) {
  const start = initial.length ? JSON.stringify(initial.map((l) => ({ url: l.url, title: l.title ?? '' }))) : '';
  const [raw, setRaw, clear] = useDraft(key, start);
  const value = useMemo<LinkDraft[]>(() => {
    try {
      const parsed: unknown = raw ? JSON.parse(raw) : [];
      return Array.isArray(parsed) ? (parsed as LinkDraft[]) : [];
    } catch {
      return [];
    }
  }, [raw]);
  return { value, set: (links: LinkDraft[]) => setRaw(links.length ? JSON.stringify(links) : ''), clear };
}

/** What the API takes: rows with a URL, a blank title left to the server (it shows the host). */
export function cleanLinks(links: LinkDraft[]): { url: string; title: string | null }[] {
  return links
    .filter((l) => l.url.trim())
    .map((l) => ({ url: l.url.trim(), title: l.title.trim() || null }));
}

/** Up to five links, each a URL and an optional title. */
export function LinksEditor({ links, onChange }: { links: LinkDraft[]; onChange: (links: LinkDraft[]) => void }) {
  const update = (i: number, change: Partial<LinkDraft>) =>
    onChange(links.map((l, j) => (j === i ? { ...l, ...change } : l)));
  return (
    <div className="links-editor">
      {links.length > 0 && (
        <ul className="link-rows">
          {links.map((l, i) => (
            <li key={i} className="link-row">
              <label className="small">
                Link {i + 1} URL
                <input
                  type="url"
                  inputMode="url"
                  placeholder="https://…"
                  value={l.url}
                  onChange={(e) => update(i, { url: e.target.value })}
                />
              </label>
              <label className="small">
                Link {i + 1} title (optional)
                <input value={l.title} maxLength={200} onChange={(e) => update(i, { title: e.target.value })} />
              </label>
              <button
                type="button"
                className="link"
                aria-label={`Remove link ${i + 1}`}
                onClick={() => onChange(links.filter((_, j) => j !== i))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {links.length < MAX_LINKS && (
        <button type="button" className="link small" onClick={() => onChange([...links, { url: '', title: '' }])}>
          Add link
        </button>
      )}
    </div>
  );
}
