import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import { api, withQuery, type Page } from '../../api/client';
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

/**
 * Chooses a manager by name from the directory (a combobox over `GET /api/profiles?q=`), rather than by typing an
 * id. `value` is the manager's id; an empty one means no manager.
 */
export function ManagerPicker({ inputId, value, personId, onChange }: { inputId: string; value: string; personId: string; onChange: (id: string) => void }) {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [found, setFound] = useState<PersonCard[]>([]);
  const [error, setError] = useState<unknown>(null);
  const latest = useRef(0);
  const listId = useId();
  const name = usePersonName(value);

  useEffect(() => {
    const mine = ++latest.current;
    const q = text.trim();
    if (!q) {
      setFound([]);
      return;
    }
    const timer = window.setTimeout(() => {
      api<Page<PersonCard>>(withQuery('/api/profiles', { q, limit: 8 }))
        .then((page) => {
          if (mine !== latest.current) return;
          // Nobody manages themselves: the API would refuse it as a loop.
          setFound(page.items.filter((p) => p.id !== personId));
          setActive(-1);
          setError(null);
        })
        .catch((e: unknown) => mine === latest.current && setError(e));
    }, 200);
    return () => window.clearTimeout(timer);
  }, [text, personId]);

  const expanded = open && found.length > 0;
  const choose = (p: PersonCard) => {
    onChange(p.id);
    setText('');
    setOpen(false);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const n = found.length;
    if (e.key === 'ArrowDown' && n) {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (a + 1) % n);
    } else if (e.key === 'ArrowUp' && n) {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (a <= 0 ? n - 1 : a - 1));
    } else if (e.key === 'Enter' && expanded && active >= 0) {
      // Choosing a person must not submit the whole profile form.
      e.preventDefault();
      choose(found[active]!);
    } else if (e.key === 'Escape' && expanded) {
      e.preventDefault();
      setOpen(false);
    }
  };

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
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
          autoComplete="off"
          placeholder="Find a person by name"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
          }}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        <ul id={listId} role="listbox" aria-label="People" className="listbox picker-list" hidden={!expanded}>
          {expanded &&
            found.map((p, i) => (
              <li
                key={p.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(p)}
              >
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
