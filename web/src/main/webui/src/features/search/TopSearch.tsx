import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { api, withQuery } from '../../api/client';
import { Avatar, ErrorNote, useDraft } from '../../shell/ui';
import type { SuggestView } from './types';
import './search.css';

/** One choice in the typeahead: where it goes and how it reads. */
interface Suggestion {
  key: string;
  kind: 'person' | 'topic' | 'group';
  label: string;
  detail: string;
  to: string;
}

function toSuggestions(s: SuggestView): Suggestion[] {
  return [
    ...s.people.map((p) => ({
      key: `person:${p.id}`,
      kind: 'person' as const,
      label: p.displayName,
      detail: [p.title, p.department].filter(Boolean).join(' · ') || `@${p.username}`,
      to: `/people/${encodeURIComponent(p.id)}`,
    })),
    ...s.topics.map((t) => ({
      key: `topic:${t.tag}`,
      kind: 'topic' as const,
      label: `#${t.tag}`,
      detail: `${t.count} ${t.count === 1 ? 'post' : 'posts'}`,
      to: `/topics/${encodeURIComponent(t.tag)}`,
    })),
    ...(s.groups ?? []).map((g) => ({
      key: `group:${g.id}`,
      kind: 'group' as const,
      label: g.name,
      detail: `${g.visibility === 'PRIVATE' ? 'Private group' : 'Group'} · ${g.memberCount} ${g.memberCount === 1 ? 'member' : 'members'}`,
      to: `/groups/${encodeURIComponent(g.id)}`,
    })),
  ];
}

/** The API refuses a query with no letter or digit (400), so such text asks nothing. */
const HAS_WORD = /[\p{L}\p{N}]/u;

/** Suggestions for the text, asked ~150 ms after the last keystroke; an older answer never replaces a newer one. */
function useSuggestions(text: string) {
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [error, setError] = useState<unknown>(null);
  const latest = useRef(0);

  useEffect(() => {
    const mine = ++latest.current;
    const q = text.trim().slice(0, 100);
    if (!HAS_WORD.test(q)) {
      setSuggestions([]);
      setError(null);
      return;
    }
    const timer = window.setTimeout(() => {
      api<SuggestView>(withQuery('/api/search/suggest', { q }))
        .then((s) => {
          if (mine !== latest.current) return;
          setSuggestions(toSuggestions(s));
          setError(null);
        })
        .catch((e: unknown) => {
          if (mine !== latest.current) return;
          setSuggestions([]);
          setError(e);
        });
    }, 150);
    return () => window.clearTimeout(timer);
  }, [text]);

  return { suggestions, error };
}

const KIND_LABEL = { person: 'Person', topic: 'Topic', group: 'Group' } as const;

/**
 * The top bar's search box: a combobox whose listbox suggests people, topics and groups as one types. Arrow keys
 * move through the suggestions, Enter opens the chosen one (or searches everything when none is chosen), Escape
 * closes the list, then clears the text.
 */
export function TopSearch() {
  const navigate = useNavigate();
  const [text, setText, clearText] = useDraft('search.top');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const { suggestions, error } = useSuggestions(open ? text : '');
  const listId = useId();
  const optionId = (i: number) => `${listId}-option-${i}`;
  const expanded = open && suggestions.length > 0;

  // A new list starts with nothing chosen, so Enter searches what was typed.
  useEffect(() => setActive(-1), [suggestions]);

  useEffect(() => {
    if (expanded && active >= 0) document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active, expanded]);

  const close = () => {
    setOpen(false);
    setActive(-1);
  };

  const go = (to: string) => {
    close();
    clearText();
    void navigate(to);
  };

  /** Enter: the chosen suggestion, or a search for the text. */
  const act = () => {
    const chosen = expanded && active >= 0 ? suggestions[active] : undefined;
    if (chosen) return go(chosen.to);
    const q = text.trim();
    if (q) go(withQuery('/search', { q }));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    act();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const n = suggestions.length;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!open) setOpen(true);
        else if (n) setActive((a) => (a + 1) % n);
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (!open) setOpen(true);
        else if (n) setActive((a) => (a <= 0 ? n - 1 : a - 1));
        break;
      case 'Escape':
        // First Escape closes the list, a second one clears the text (and the browser's own clearing is ours).
        if (expanded || (open && error)) {
          e.preventDefault();
          close();
        } else if (text) {
          e.preventDefault();
          clearText();
        }
        break;
      case 'Enter':
        // Handled here rather than by the form's implicit submission, which not every key event triggers; not
        // while an input method is composing a character.
        if (e.nativeEvent.isComposing) break;
        e.preventDefault();
        act();
        break;
      case 'Tab':
        close();
        break;
    }
  };

  return (
    <form role="search" className="ts" onSubmit={submit}>
      <input
        type="search"
        role="combobox"
        aria-label="Search"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        autoComplete="off"
        spellCheck={false}
        enterKeyHint="search"
        placeholder="Search people, posts, topics"
        maxLength={200}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => text && setOpen(true)}
        onBlur={close}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label="Suggestions" className="listbox ts-list" hidden={!expanded}>
        {expanded &&
          suggestions.map((s, i) => (
            <li
              key={s.key}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              // Keep the focus in the input, so the click below is not lost to its blur.
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => setActive(i)}
              onClick={() => go(s.to)}
            >
              {s.kind === 'person' ? <Avatar name={s.label} size={28} /> : <span className="ts-icon" aria-hidden="true">{s.kind === 'topic' ? '#' : '◎'}</span>}
              <span className="ts-text">
                <span className="ts-label">{s.label}</span>
                <span className="ts-detail">
                  <span className="visually-hidden">{KIND_LABEL[s.kind]}: </span>
                  {s.detail}
                </span>
              </span>
            </li>
          ))}
      </ul>
      {open && Boolean(error) && (
        <div className="ts-error small">
          <ErrorNote error={error} />
        </div>
      )}
      <span className="visually-hidden" role="status">
        {expanded ? `${suggestions.length} suggestions, use the arrow keys to choose` : ''}
      </span>
    </form>
  );
}
