import { useId, useState } from 'react';
import { SuggestionsUnavailable, useListbox } from '../../shell/listbox';
import { useSuggest, type SuggestedPerson } from '../../shell/suggest';
import { useDraft } from '../../shell/ui';

/**
 * Picks one person by name or handle from search-service's suggestions (a combobox: arrows, Enter, Escape, click).
 * What is typed is a draft (`draftKey`), like every text in the app.
 */
export function PersonPicker({
  label,
  draftKey,
  onPick,
  disabled,
}: {
  label: string;
  draftKey: string;
  onPick: (person: SuggestedPerson) => void;
  disabled?: boolean;
}) {
  const [text, setText, clear] = useDraft(draftKey);
  const [open, setOpen] = useState(false);
  const inputId = useId();
  const { result, error, loading } = useSuggest(open ? text : null);
  const people = result.people;
  const list = useListbox({
    items: people,
    open,
    setOpen,
    resetOn: text,
    onPick: (p) => {
      clear();
      setOpen(false);
      onPick(p);
    },
  });

  return (
    <div className="autocomplete person-picker">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        {...list.combobox}
        placeholder="Type a name or handle"
        value={text}
        disabled={disabled}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={list.onKeyDown}
      />
      <ul id={list.listId} role="listbox" aria-label="People" className="listbox suggestions" hidden={!list.expanded}>
        {list.expanded &&
          people.map((p, i) => (
            <li key={p.id} {...list.option(i, p)}>
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
      {open && error !== null && <SuggestionsUnavailable error={error} />}
    </div>
  );
}
