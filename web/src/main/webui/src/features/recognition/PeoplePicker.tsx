import { useRef, useState, type KeyboardEvent } from 'react';
import { useListbox } from '../../shell/listbox';
import { useSuggest, type SuggestedPerson } from '../../shell/suggest';
import { Avatar, ErrorNote } from '../../shell/ui';

/** A person as the picker keeps them (search-service suggest `people`). */
export type PickedPerson = SuggestedPerson;

interface Props {
  label: string;
  chosen: PickedPerson[];
  onChange: (people: PickedPerson[]) => void;
  /** Who may not be picked (oneself, for kudos). */
  exclude?: string;
  max?: number;
}

/**
 * Several people picked by name as one types: a combobox over search-service's suggestions (arrows, Enter, Escape,
 * click), and Backspace in the empty field takes the last one off. The picked people are shown above the field,
 * each with a button to remove them.
 */
export function PeoplePicker({ label, chosen, onChange, exclude, max = 20 }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const { result, error, loading } = useSuggest(query, true);
  const options = result.people.filter((p) => p.id !== exclude && !chosen.some((c) => c.id === p.id));
  const pick = (person: PickedPerson) => {
    if (chosen.length < max && !chosen.some((c) => c.id === person.id)) onChange([...chosen, person]);
    setQuery('');
    setOpen(false);
    input.current?.focus();
  };
  const list = useListbox({ items: options, open: open && query.trim() !== '', setOpen, resetOn: result, onPick: pick });

  const remove = (person: PickedPerson) => {
    onChange(chosen.filter((c) => c.id !== person.id));
    input.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (list.onKeyDown(e)) return;
    if (e.key === 'Enter' && query.trim()) {
      // Enter never submits the form half-way through choosing someone
      e.preventDefault();
    } else if (e.key === 'Escape') {
      if (open) {
        e.preventDefault();
        setOpen(false);
      } else if (query) {
        setQuery('');
      }
    } else if (e.key === 'Backspace' && !query && chosen.length > 0) {
      remove(chosen[chosen.length - 1]!);
    }
  };

  const nobody = open && query.trim() !== '' && !loading && error === null && options.length === 0;
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
          {...list.combobox}
          aria-label={label}
          placeholder={chosen.length >= max ? `At most ${max} people` : 'Type a name'}
          disabled={chosen.length >= max}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
          }}
          onKeyDown={onKeyDown}
          onFocus={() => options.length > 0 && setOpen(true)}
          onBlur={() => setOpen(false)}
        />
        <ul id={list.listId} role="listbox" aria-label={`${label} suggestions`} className="listbox picker-options" hidden={!list.expanded}>
          {list.expanded &&
            options.map((p, i) => (
              <li key={p.id} {...list.option(i, p)}>
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
