import { useId, useState, type KeyboardEvent } from 'react';
import { useDraft } from '../../shell/ui';
import { useSuggest } from '../feed/suggest';
import type { Suggestions } from '../feed/types';

export type PickedPerson = Suggestions['people'][number];

/**
 * Picks one person by name or handle from search-service's suggestions: an ARIA 1.2 combobox (input + listbox,
 * `aria-activedescendant`), ArrowDown/Up to move, Enter to choose, Escape to close, click to choose. What is
 * typed is a draft (`draftKey`), like every text in the app.
 */
export function PersonPicker({
  label,
  draftKey,
  onPick,
  disabled,
}: {
  label: string;
  draftKey: string;
  onPick: (person: PickedPerson) => void;
  disabled?: boolean;
}) {
  const [text, setText, clear] = useDraft(draftKey);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const id = useId();
  const listId = `${id}-list`;
  const { result, error, loading } = useSuggest(open ? text : null);
  const people = result.people;
  const shown = open && people.length > 0;
  const activeIndex = Math.min(active, Math.max(people.length - 1, 0));
  const optionId = (i: number) => `${id}-option-${i}`;

  const choose = (p: PickedPerson) => {
    clear();
    setOpen(false);
    setActive(0);
    onPick(p);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) return setOpen(true);
      if (people.length === 0) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((activeIndex + step + people.length) % people.length);
    } else if (e.key === 'Enter') {
      if (shown) {
        e.preventDefault();
        choose(people[activeIndex]!);
      }
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    }
  };

  return (
    <div className="autocomplete person-picker">
      <label htmlFor={`${id}-input`}>{label}</label>
      <input
        id={`${id}-input`}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={listId}
        aria-activedescendant={shown ? optionId(activeIndex) : undefined}
        autoComplete="off"
        placeholder="Type a name or handle"
        value={text}
        disabled={disabled}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label="People" className="listbox suggestions" hidden={!shown}>
        {shown &&
          people.map((p, i) => (
            <li
              key={p.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === activeIndex}
              onMouseDown={(e) => {
                e.preventDefault(); // keep focus in the input while choosing
                choose(p);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span className="option-label">{p.displayName}</span>{' '}
              <span className="muted small">{[`@${p.username}`, p.title, p.department].filter(Boolean).join(' · ')}</span>
            </li>
          ))}
      </ul>
      {open && text.trim() && !loading && people.length === 0 && error === null && (
        <p className="muted small" role="status">
          Nobody matches “{text.trim()}”.
        </p>
      )}
      {open && error !== null && (
        <p className="muted small" role="status">
          Suggestions are unavailable: {error instanceof Error ? error.message : String(error)}
        </p>
      )}
    </div>
  );
}
