import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { api, withQuery } from '../../api/client';
import { Avatar, ErrorNote } from '../../shell/ui';

/** A person as the picker keeps them (search-service suggest `people`). */
export interface PickedPerson {
  id: string;
  displayName: string;
  username: string;
  title?: string | null;
  department?: string | null;
}

interface Suggestions {
  people: PickedPerson[];
}

const DEBOUNCE_MS = 200;

interface Props {
  label: string;
  chosen: PickedPerson[];
  onChange: (people: PickedPerson[]) => void;
  /** Who may not be picked (oneself, for kudos). */
  exclude?: string;
  max?: number;
}

/**
 * Several people picked by name as one types: an ARIA 1.2 combobox over a listbox of suggestions. ArrowDown/ArrowUp
 * move through them, Enter picks, Escape closes, Backspace in the empty field takes the last one off. The picked
 * people are shown above the field, each with a button to remove them.
 */
export function PeoplePicker({ label, chosen, onChange, exclude, max = 20 }: Props) {
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<PickedPerson[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setOptions([]);
      setOpen(false);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      api<Suggestions>(withQuery('/api/search/suggest', { q })).then(
        (s) => {
          if (!current) return;
          setError(null);
          const people = s.people.filter((p) => p.id !== exclude && !chosen.some((c) => c.id === p.id));
          setOptions(people);
          setActive(people.length > 0 ? 0 : -1);
          setOpen(true);
        },
        (e: unknown) => current && setError(e),
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // chosen is read when the answer comes; a new choice clears the query anyway
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query, exclude]);

  const pick = (person: PickedPerson) => {
    if (chosen.length < max && !chosen.some((c) => c.id === person.id)) onChange([...chosen, person]);
    setQuery('');
    setOpen(false);
    setActive(-1);
    input.current?.focus();
  };

  const remove = (person: PickedPerson) => {
    onChange(chosen.filter((c) => c.id !== person.id));
    input.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!open && options.length > 0) setOpen(true);
        setActive((a) => (options.length === 0 ? -1 : (a + 1) % options.length));
        break;
      case 'ArrowUp':
        e.preventDefault();
        setActive((a) => (options.length === 0 ? -1 : (a - 1 + options.length) % options.length));
        break;
      case 'Enter':
        // Enter picks from an open list; it never submits the form half-way through choosing someone
        if (open && active >= 0 && options[active]) {
          e.preventDefault();
          pick(options[active]);
        } else if (query.trim()) {
          e.preventDefault();
        }
        break;
      case 'Escape':
        if (open) {
          e.preventDefault();
          setOpen(false);
        } else if (query) {
          setQuery('');
        }
        break;
      case 'Backspace':
        if (!query && chosen.length > 0) remove(chosen[chosen.length - 1]);
        break;
    }
  };

  const showList = open && query.trim() !== '' && options.length > 0;
  const nobody = open && query.trim() !== '' && options.length === 0;
  const optionId = (i: number) => `${listId}-option-${i}`;
  return (
    <div className="people-picker">
      {chosen.length > 0 && (
        <ul className="chips" aria-label={`${label} chosen`}>
          {chosen.map((p) => (
            <li key={p.id} className="chip">
              <Avatar name={p.displayName} size={22} />
              <span>{p.displayName}</span>
              <button type="button" className="chip-remove" aria-label={`Remove ${p.displayName}`} onClick={() => remove(p)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="picker-field">
        <input
          ref={input}
          type="text"
          role="combobox"
          aria-label={label}
          aria-autocomplete="list"
          aria-expanded={showList}
          aria-controls={listId}
          aria-activedescendant={showList && active >= 0 ? optionId(active) : undefined}
          autoComplete="off"
          placeholder={chosen.length >= max ? `At most ${max} people` : 'Type a name'}
          disabled={chosen.length >= max}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onKeyDown}
          onFocus={() => options.length > 0 && setOpen(true)}
          onBlur={() => setOpen(false)}
        />
        <ul id={listId} role="listbox" aria-label={`${label} suggestions`} className="listbox picker-options" hidden={!showList}>
          {showList &&
            options.map((p, i) => (
              <li
                key={p.id}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                // mousedown would blur the field and close the list before the click lands
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(p)}
                onMouseEnter={() => setActive(i)}
              >
                <span className="row">
                  <Avatar name={p.displayName} size={24} />
                  <span>
                    {p.displayName}
                    <span className="muted small"> {[p.title, p.department].filter(Boolean).join(' · ')}</span>
                  </span>
                </span>
              </li>
            ))}
        </ul>
      </div>
      <p role="status" className="muted small picker-status">
        {nobody ? 'Nobody found by that name.' : ''}
      </p>
      <ErrorNote error={error} />
    </div>
  );
}
