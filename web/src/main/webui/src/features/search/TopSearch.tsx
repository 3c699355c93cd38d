import { useMemo, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { withQuery } from '../../api/client';
import { useListbox } from '../../shell/listbox';
import { useSuggest, type Suggestions } from '../../shell/suggest';
import { Avatar, ErrorNote, useDraft } from '../../shell/ui';
import './search.css';

/** One choice in the typeahead: where it goes and how it reads. */
interface Suggestion {
  key: string;
  kind: 'person' | 'topic' | 'group';
  label: string;
  detail: string;
  to: string;
}

function toSuggestions(s: Suggestions): Suggestion[] {
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
  // the last list stays while the next is asked, so it does not flicker at every letter
  const { result, error } = useSuggest(open ? text : null, true);
  const suggestions = useMemo(() => toSuggestions(result), [result]);
  // A new list starts with nothing chosen, so Enter searches what was typed.
  const list = useListbox({ items: suggestions, open, setOpen, first: -1, resetOn: suggestions, onPick: (s) => go(s.to) });

  const go = (to: string) => {
    setOpen(false);
    clearText();
    void navigate(to);
  };

  /** Enter: the chosen suggestion, or a search for the text. */
  const act = () => {
    if (list.chosen) return go(list.chosen.to);
    const q = text.trim();
    if (q) go(withQuery('/search', { q }));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    act();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      // Handled here rather than by the form's implicit submission, which not every key event triggers; not
      // while an input method is composing a character.
      if (e.nativeEvent.isComposing) return;
      e.preventDefault();
      act();
    } else if (list.onKeyDown(e)) {
      return;
    } else if (e.key === 'Escape') {
      // First Escape closes the list (or the failure), a second one clears the text (and the browser's own
      // clearing is ours).
      if (open && error) {
        e.preventDefault();
        setOpen(false);
      } else if (text) {
        e.preventDefault();
        clearText();
      }
    } else if (e.key === 'Tab') {
      setOpen(false);
    }
  };

  return (
    <form role="search" className="ts" onSubmit={submit}>
      <input
        type="search"
        {...list.combobox}
        aria-label="Search"
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
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul id={list.listId} role="listbox" aria-label="Suggestions" className="listbox ts-list" hidden={!list.expanded}>
        {list.expanded &&
          suggestions.map((s, i) => (
            <li key={s.key} {...list.option(i, s)}>
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
        {list.expanded ? `${suggestions.length} suggestions, use the arrow keys to choose` : ''}
      </span>
    </form>
  );
}
