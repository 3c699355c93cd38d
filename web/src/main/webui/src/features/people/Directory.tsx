import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, withQuery, type Page } from '../../api/client';
import { Avatar, ErrorNote, MoreSentinel, PageTitle, useCursorList, useDraft } from '../../shell/ui';
import type { HeadCount, PersonCard } from './types';
import './people.css';

/** Departments or locations with their head counts, for the filters. */
function useHeadCounts(path: string) {
  const [list, setList] = useState<HeadCount[]>([]);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    api<HeadCount[]>(path)
      .then((l) => live && setList(l))
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [path]);
  return { list, error };
}

/**
 * The page's query with one parameter set (or removed when empty). Read from the location itself at the time of the
 * change: a debounced change must not bring back the parameters of the render that scheduled it.
 */
function withParam(name: string, value: string): URLSearchParams {
  const next = new URLSearchParams(window.location.search);
  if (value) next.set(name, value);
  else next.delete(name);
  return next;
}

/**
 * Text typed into a filter box: kept as a draft while typing and put in the URL ~250 ms after the last keystroke
 * (replacing the entry, so Back leaves the directory rather than undoing letters).
 */
function useTypedFilter(name: string, params: URLSearchParams, setParams: ReturnType<typeof useSearchParams>[1]) {
  const fromUrl = params.get(name) ?? '';
  const [text, setText] = useDraft(`people.directory.${name}`, fromUrl);
  // A link that names the filter wins over an old draft; an empty URL keeps a draft typed before a sign-in round
  // trip (the effect below puts it back in the URL).
  useEffect(() => {
    if (fromUrl && fromUrl !== text.trim()) setText(fromUrl);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  // Later, when the URL changes (a link, Back, the nav), it wins; the URL set from typing equals the text already.
  const seen = useRef(fromUrl);
  useEffect(() => {
    if (seen.current === fromUrl) return;
    seen.current = fromUrl;
    if (fromUrl !== text.trim()) setText(fromUrl);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fromUrl]);
  useEffect(() => {
    const value = text.trim();
    if (value === fromUrl) return;
    const timer = window.setTimeout(() => setParams(withParam(name, value), { replace: true }), 250);
    return () => window.clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text]);
  return [text, setText] as const;
}

/** The people directory: find colleagues by name or handle, department, location or skill. */
export function DirectoryPage() {
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useTypedFilter('q', params, setParams);
  const [skill, setSkill] = useTypedFilter('skill', params, setParams);
  const department = params.get('department') ?? '';
  const location = params.get('location') ?? '';
  const former = params.get('former') === 'true';
  const departments = useHeadCounts('/api/profiles/departments');
  const locations = useHeadCounts('/api/profiles/locations');

  const choose = (name: string, value: string) => setParams(withParam(name, value));

  const urlQ = params.get('q') ?? '';
  const urlSkill = params.get('skill') ?? '';
  const load = useCallback(
    (cursor: string | null) =>
      api<Page<PersonCard>>(
        withQuery('/api/profiles', { q: urlQ, department, location, skill: urlSkill, former: former || null, limit: 24, cursor }),
      ),
    [urlQ, department, location, urlSkill, former],
  );
  const list = useCursorList(load, [load]);
  const filtered = Boolean(urlQ || department || location || urlSkill);

  return (
    <>
      <PageTitle>People</PageTitle>
      <form className="card directory-filters" role="search" aria-label="Directory" onSubmit={(e) => e.preventDefault()}>
        <div className="pp-field pp-grow">
          <label htmlFor="directory-q">Name or handle</label>
          <input id="directory-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Start typing a name" autoComplete="off" />
        </div>
        <div className="pp-field">
          <label htmlFor="directory-department">Department</label>
          <select id="directory-department" value={department} onChange={(e) => choose('department', e.target.value)}>
            <option value="">All departments</option>
            {withChosen(departments.list, department).map((d) => (
              <option key={d.name} value={d.name}>
                {d.name} ({d.headCount})
              </option>
            ))}
          </select>
        </div>
        <div className="pp-field">
          <label htmlFor="directory-location">Location</label>
          <select id="directory-location" value={location} onChange={(e) => choose('location', e.target.value)}>
            <option value="">All locations</option>
            {withChosen(locations.list, location).map((l) => (
              <option key={l.name} value={l.name}>
                {l.name} ({l.headCount})
              </option>
            ))}
          </select>
        </div>
        <div className="pp-field">
          <label htmlFor="directory-skill">Skill</label>
          <input id="directory-skill" type="search" value={skill} onChange={(e) => setSkill(e.target.value)} placeholder="Exact skill" autoComplete="off" />
        </div>
        <label className="pp-checkbox">
          <input type="checkbox" checked={former} onChange={(e) => choose('former', e.target.checked ? 'true' : '')} /> Include former colleagues
        </label>
      </form>
      <ErrorNote error={departments.error ?? locations.error} />
      <ErrorNote error={list.error} onRetry={() => void list.reload()} />
      {!list.loading && !list.error && list.items.length === 0 && (
        <p className="muted">{filtered ? 'Nobody matches these filters.' : 'Nobody is in the directory yet.'}</p>
      )}
      <ul className="people-grid" aria-label="People" aria-busy={list.loading}>
        {list.items.map((p) => (
          <li key={p.id}>
            <PersonCardLink person={p} />
          </li>
        ))}
      </ul>
      {!list.error && <MoreSentinel onVisible={list.more} loading={list.loading} done={list.done} />}
    </>
  );
}

/** A filter chosen through a link stays visible in its list even when no active person has it. */
function withChosen(list: HeadCount[], chosen: string): HeadCount[] {
  return chosen && !list.some((h) => h.name === chosen) ? [...list, { name: chosen, headCount: 0 }] : list;
}

/** A person as a card that links to their profile (the directory and the org chart). */
export function PersonCardLink({ person, extra, current }: { person: PersonCard; extra?: string; current?: boolean }) {
  const where = [person.department, person.location].filter(Boolean).join(' · ');
  return (
    <Link to={`/people/${encodeURIComponent(person.id)}`} className="card person-card" aria-current={current ? 'page' : undefined}>
      <Avatar name={person.displayName} size={44} />
      <span className="person-card-text">
        <span className="person-card-name">
          {person.displayName}
          {person.pronouns && <span className="muted small"> ({person.pronouns})</span>}
        </span>
        {person.title && <span className="small">{person.title}</span>}
        {where && <span className="small muted">{where}</span>}
        {person.status === 'LEFT' && <span className="badge">Former employee</span>}
        {extra && <span className="small muted">{extra}</span>}
      </span>
    </Link>
  );
}
