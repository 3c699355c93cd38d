import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { tokenAt } from './mentionText';
import { useSuggest } from './suggest';

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
  const listId = useId();
  const [caret, setCaret] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const pendingCaret = useRef<number | null>(null);

  const token = caret === null ? null : tokenAt(value, caret);
  const open = token !== null && token.start !== dismissedAt && !disabled;
  const { result, error, loading } = useSuggest(open ? token.query : null);

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
  const shown = open && choices.length > 0;
  const activeIndex = Math.min(active, Math.max(choices.length - 1, 0));

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
    setActive(0);
    onChange(next);
    ref.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (shown) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const step = e.key === 'ArrowDown' ? 1 : -1;
        setActive((activeIndex + step + choices.length) % choices.length);
        return;
      }
      if ((e.key === 'Enter' && !e.shiftKey && !e.ctrlKey && !e.metaKey) || e.key === 'Tab') {
        e.preventDefault();
        choose(choices[activeIndex]!);
        return;
      }
    }
    if (open && e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      setDismissedAt(token.start);
      return;
    }
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && onSubmitShortcut) {
      e.preventDefault();
      onSubmitShortcut();
    }
  };

  const optionId = (i: number) => `${listId}-option-${i}`;
  return (
    <div className="autocomplete">
      <textarea
        ref={ref}
        aria-label={label}
        aria-autocomplete="list"
        aria-controls={shown ? listId : undefined}
        aria-activedescendant={shown ? optionId(activeIndex) : undefined}
        value={value}
        rows={rows}
        placeholder={placeholder}
        disabled={disabled}
        autoFocus={autoFocus}
        onChange={(e) => {
          onChange(e.target.value);
          setCaret(e.target.selectionStart);
          setActive(0);
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
      {shown && (
        <ul id={listId} role="listbox" aria-label={token.kind === '@' ? 'People' : 'Topics'} className="listbox suggestions">
          {choices.map((c, i) => (
            <li
              key={c.key}
              id={optionId(i)}
              role="option"
              aria-selected={i === activeIndex}
              // mousedown, not click: the textarea keeps focus (and its caret) while the choice is made
              onMouseDown={(e) => {
                e.preventDefault();
                choose(c);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span className="option-label">{c.label}</span> <span className="muted small">{c.detail}</span>
            </li>
          ))}
        </ul>
      )}
      {open && !loading && error !== null && (
        <p className="muted small" role="status">
          Suggestions are unavailable: {error instanceof Error ? error.message : String(error)}
        </p>
      )}
    </div>
  );
}
