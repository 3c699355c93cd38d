import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { SuggestionsUnavailable, useListbox } from '../../shell/listbox';
import { useSuggest } from '../../shell/suggest';
import { rememberHandle } from './handles';
import { tokenAt } from './mentionText';

interface Choice {
  key: string;
  insert: string; // what replaces the token, without the trailing space
  label: string;
  detail: string;
}

interface Props {
  value: string;
  onChange: (value: string) => void;
  label: string;
  placeholder?: string;
  rows?: number;
  disabled?: boolean;
  autoFocus?: boolean;
  /** Ctrl/⌘+Enter: submit the form the textarea belongs to. */
  onSubmitShortcut?: () => void;
}

/**
 * A textarea that suggests people after `@` and topics after `#` (search-service's suggest API) in a listbox
 * under it. It stays a textbox for assistive technology, with `aria-autocomplete` and `aria-activedescendant`
 * pointing at the highlighted option; ArrowDown/Up move, Enter or Tab choose, Escape closes, a click chooses.
 * Choosing inserts `@username ` (the handle feed-service resolves) or `#tag `.
 */
export function MentionTextarea({ value, onChange, label, placeholder, rows = 3, disabled, autoFocus, onSubmitShortcut }: Props) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState<number | null>(null);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const pendingCaret = useRef<number | null>(null);

  const token = caret === null ? null : tokenAt(value, caret);
  const open = token !== null && token.start !== dismissedAt && !disabled;
  const { result, error, loading } = useSuggest(open ? token.query : null);
  // the people suggested are people the text may soon mention: their handles link without asking again
  useEffect(() => result.people.forEach((p) => rememberHandle(p.id, p.username)), [result]);

  const choices: Choice[] = !open
    ? []
    : token.kind === '@'
      ? result.people.map((p) => ({
          key: p.id,
          insert: `@${p.username}`,
          label: p.displayName,
          detail: [`@${p.username}`, p.title, p.department].filter(Boolean).join(' · '),
        }))
      : result.topics.map((t) => ({
          key: t.tag,
          insert: `#${t.tag}`,
          label: `#${t.tag}`,
          detail: `${t.count} ${t.count === 1 ? 'post' : 'posts'}`,
        }));
  const list = useListbox({
    items: choices,
    open,
    // the list opens by itself after `@` or `#` (Escape, above, closes it for this handle)
    setOpen: () => undefined,
    resetOn: token?.query,
    onPick: (choice) => choose(choice),
  });
  const shown = list.expanded;

  // put the caret after an inserted handle once React has written the new value
  useLayoutEffect(() => {
    const at = pendingCaret.current;
    if (at !== null && ref.current) {
      ref.current.setSelectionRange(at, at);
      pendingCaret.current = null;
    }
  }, [value]);

  const track = () => setCaret(ref.current ? ref.current.selectionStart : null);

  const choose = (choice: Choice) => {
    if (!token) return;
    const after = value.slice(token.end);
    const space = /^\s/.test(after) ? '' : ' ';
    const next = value.slice(0, token.start) + choice.insert + space + after;
    const at = token.start + choice.insert.length + space.length;
    pendingCaret.current = at;
    setCaret(at);
    onChange(next);
    ref.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    // the arrows move the caret, and Enter breaks the line, unless a list is there to take them
    const plainEnter = e.key === 'Enter' && !e.shiftKey && !e.ctrlKey && !e.metaKey;
    if (shown && (e.key === 'ArrowDown' || e.key === 'ArrowUp' || plainEnter)) {
      list.onKeyDown(e);
    } else if (shown && e.key === 'Tab' && list.chosen) {
      e.preventDefault();
      choose(list.chosen);
    } else if (open && token && e.key === 'Escape') {
      // with a list or without one yet, Escape stops suggesting for this handle
      e.preventDefault();
      e.stopPropagation();
      setDismissedAt(token.start);
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && onSubmitShortcut) {
      e.preventDefault();
      onSubmitShortcut();
    }
  };

  return (
    <div className="autocomplete">
      <textarea
        ref={ref}
        aria-label={label}
        aria-autocomplete="list"
        aria-controls={shown ? list.listId : undefined}
        aria-activedescendant={list.activeId}
        value={value}
        rows={rows}
        placeholder={placeholder}
        disabled={disabled}
        autoFocus={autoFocus}
        onChange={(e) => {
          onChange(e.target.value);
          setCaret(e.target.selectionStart);
          // a closed list opens again for the next handle typed, even one at the same place
          if (!tokenAt(e.target.value, e.target.selectionStart)) setDismissedAt(null);
        }}
        onSelect={track}
        onClick={track}
        onKeyUp={(e) => {
          if (e.key.startsWith('Arrow') && shown) return; // the list, not the caret, moved
          track();
        }}
        onFocus={track}
        onBlur={() => setCaret(null)}
        onKeyDown={onKeyDown}
      />
      {shown && token && (
        <ul id={list.listId} role="listbox" aria-label={token.kind === '@' ? 'People' : 'Topics'} className="listbox suggestions">
          {choices.map((c, i) => (
            <li key={c.key} {...list.option(i, c)}>
              <span className="option-label">{c.label}</span> <span className="muted small">{c.detail}</span>
            </li>
          ))}
        </ul>
      )}
      {open && !loading && error !== null && <SuggestionsUnavailable error={error} />}
    </div>
  );
}
