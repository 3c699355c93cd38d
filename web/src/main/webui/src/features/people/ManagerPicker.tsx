import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, withQuery, type Page } from '../../api/client';
import { useListbox } from '../../shell/listbox';
import { useTypeahead } from '../../shell/suggest';
import { Avatar, ErrorNote } from '../../shell/ui';
import type { PersonCard, ProfileView } from './types';

/** The name of the person an id names, for showing a chosen manager (null while unknown). */
function usePersonName(id: string): string | null {
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    setName(null);
    if (!id) return;
    let live = true;
    api<ProfileView>(`/api/profiles/${encodeURIComponent(id)}`)
      .then((p) => live && setName(p.displayName))
      .catch(() => live && setName(id));
    return () => {
      live = false;
    };
  }, [id]);
  return name;
}

const NOBODY: PersonCard[] = [];
const findPeople = (q: string) => api<Page<PersonCard>>(withQuery('/api/profiles', { q, limit: 8 })).then((page) => page.items);

/**
 * Chooses a manager by name from the directory (a combobox over `GET /api/profiles?q=`), rather than by typing an
 * id. `value` is the manager's id; an empty one means no manager.
 */
export function ManagerPicker({ inputId, value, personId, onChange }: { inputId: string; value: string; personId: string; onChange: (id: string) => void }) {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const { result, error } = useTypeahead(text, findPeople, NOBODY, true);
  // Nobody manages themselves: the API would refuse it as a loop.
  const found = result.filter((p) => p.id !== personId);
  const name = usePersonName(value);
  const list = useListbox({
    items: found,
    open,
    setOpen,
    first: -1,
    resetOn: result,
    onPick: (p) => {
      onChange(p.id);
      setText('');
      setOpen(false);
    },
  });

  return (
    <div className="manager-picker">
      <p className="row small">
        {value ? (
          <>
            <span>Now:</span>
            <Link to={`/people/${encodeURIComponent(value)}`}>{name ?? '…'}</Link>
            <button type="button" className="link" onClick={() => onChange('')}>
              Remove manager
            </button>
          </>
        ) : (
          <span className="muted">No manager</span>
        )}
      </p>
      <div className="picker-box">
        <input
          id={inputId}
          type="text"
          {...list.combobox}
          placeholder="Find a person by name"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
          }}
          onBlur={() => setOpen(false)}
          onKeyDown={list.onKeyDown}
        />
        <ul id={list.listId} role="listbox" aria-label="People" className="listbox picker-list" hidden={!list.expanded}>
          {list.expanded &&
            found.map((p, i) => (
              <li key={p.id} {...list.option(i, p)}>
                <Avatar name={p.displayName} size={24} /> {p.displayName}
                <span className="muted small"> {[p.title, p.department].filter(Boolean).join(' · ')}</span>
              </li>
            ))}
        </ul>
      </div>
      <ErrorNote error={error} />
    </div>
  );
}
