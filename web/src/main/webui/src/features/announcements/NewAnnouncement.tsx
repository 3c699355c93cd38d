import { useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { useLoaded } from '../../shell/async';
import { hasRole, useMe } from '../../shell/session';
import { ErrorNote, Loading, PageTitle, useDraft } from '../../shell/ui';
import { useGroups } from './groups';
import { useStoredState } from '../../shell/storedState';
import type { AnnouncementPost, HeadCount } from './types';
import './announcements.css';

/** The form's choices besides the text; dates are the datetime-local inputs' values (local time, no zone). */
interface Choices {
  everyone: boolean;
  departments: string[];
  locations: string[];
  groups: string[];
  mustRead: boolean;
  pinnedUntil: string;
  expiresAt: string;
  publishAt: string;
}

const NO_CHOICES: Choices = {
  everyone: false,
  departments: [],
  locations: [],
  groups: [],
  mustRead: false,
  pinnedUntil: '',
  expiresAt: '',
  publishAt: '',
};

/** `/announcements/new`: HR (and admins) write an announcement for an audience, pin it, expire it or schedule it. */
export function NewAnnouncementPage() {
  const me = useMe();
  if (!hasRole(me, 'hr') && !hasRole(me, 'admin')) {
    return (
      <>
        <PageTitle>New announcement</PageTitle>
        <p className="card" role="note">
          Only HR can publish announcements. <Link to="/announcements">See the announcements for you</Link>.
        </p>
      </>
    );
  }
  return <AnnouncementForm />;
}

function AnnouncementForm() {
  const navigate = useNavigate();
  const [body, setBody, clearBody] = useDraft('announcement.new');
  const [choices, setChoices, clearChoices] = useStoredState<Choices>('announcement.new', NO_CHOICES);
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);

  const set = <K extends keyof Choices>(key: K, value: Choices[K]) => setChoices((c) => ({ ...c, [key]: value }));

  const publish = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const problem = check(body, choices);
    if (problem) {
      setError(new Error(problem));
      return;
    }
    setSending(true);
    try {
      const post = await api<AnnouncementPost>('/api/posts', { method: 'POST', json: request(body, choices) });
      clearBody();
      clearChoices();
      navigate(`/announcements/${post.id}/reach`);
    } catch (err) {
      // everything typed and chosen stays as it was: correct and publish again
      setError(err);
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      <PageTitle>New announcement</PageTitle>
      <form className="stack new-announcement" onSubmit={(e) => void publish(e)} noValidate>
        <textarea
          aria-label="Announcement"
          placeholder="What does everyone need to know?"
          rows={8}
          maxLength={10_000}
          value={body}
          onChange={(e) => setBody(e.target.value)}
        />
        <fieldset className="card">
          <legend>Audience</legend>
          <p className="muted small">Anyone in any of the chosen departments, locations or groups receives it.</p>
          <label className="inline-check">
            <input type="checkbox" checked={choices.everyone} onChange={(e) => set('everyone', e.target.checked)} />
            Everyone
          </label>
          <div className="audience-parts">
            <HeadCountChoice
              legend="Departments"
              path="/api/profiles/departments"
              chosen={choices.departments}
              disabled={choices.everyone}
              onChange={(v) => set('departments', v)}
            />
            <HeadCountChoice
              legend="Locations"
              path="/api/profiles/locations"
              chosen={choices.locations}
              disabled={choices.everyone}
              onChange={(v) => set('locations', v)}
            />
          </div>
          <GroupChoice chosen={choices.groups} disabled={choices.everyone} onChange={(v) => set('groups', v)} />
        </fieldset>
        <fieldset className="card">
          <legend>Options</legend>
          <label className="inline-check">
            <input type="checkbox" checked={choices.mustRead} onChange={(e) => set('mustRead', e.target.checked)} />
            Must read
          </label>
          <p className="muted small">
            Each reader is asked to acknowledge it, and reminded until they do.
          </p>
          <div className="date-fields">
            <DateField label="Pinned until" hint="Leads the home and company feeds until then." value={choices.pinnedUntil} onChange={(v) => set('pinnedUntil', v)} />
            <DateField label="Expires at" hint="Leaves every feed then (reach stays)." value={choices.expiresAt} onChange={(v) => set('expiresAt', v)} />
            <DateField label="Publish at" hint="Empty: now. Until then only HR sees it." value={choices.publishAt} onChange={(v) => set('publishAt', v)} />
          </div>
        </fieldset>
        <ErrorNote error={error} />
        <div className="row">
          <button type="submit" className="primary" disabled={sending}>
            Publish
          </button>
          {sending && <span role="status" className="muted">Publishing…</span>}
        </div>
      </form>
    </>
  );
}

/** The problems the server would name too, said before sending (the server checks them all again). */
function check(body: string, c: Choices): string | null {
  if (!body.trim()) return 'Write the announcement first.';
  if (!c.everyone && c.departments.length + c.locations.length + c.groups.length === 0) {
    return 'Choose its audience: everyone, or at least one department, location or group.';
  }
  const start = c.publishAt ? new Date(c.publishAt).getTime() : Date.now();
  if (c.expiresAt && new Date(c.expiresAt).getTime() <= start) {
    return c.publishAt ? 'It must expire after it is published.' : 'It must expire in the future.';
  }
  return null;
}

/** The post request (feed-service `PostRequest` with kind ANNOUNCEMENT); local date-times become instants. */
function request(body: string, c: Choices) {
  return {
    kind: 'ANNOUNCEMENT',
    body,
    audience: c.everyone
      ? { everyone: true }
      : { everyone: false, departments: c.departments, locations: c.locations, groups: c.groups },
    mustRead: c.mustRead,
    pinnedUntil: instant(c.pinnedUntil),
    expiresAt: instant(c.expiresAt),
    publishAt: instant(c.publishAt),
  };
}

/** A datetime-local value is the person's local time: `new Date` reads it so, `toISOString` gives the instant. */
function instant(local: string): string | null {
  if (!local) return null;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function DateField({ label, hint, value, onChange }: { label: string; hint: string; value: string; onChange: (v: string) => void }) {
  const id = `when-${label.replace(/\s+/g, '-').toLowerCase()}`;
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      <div className="row">
        <input id={id} type="datetime-local" value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={`${id}-hint`} />
        {value && (
          <button type="button" className="link small" onClick={() => onChange('')} aria-label={`Clear ${label}`}>
            Clear
          </button>
        )}
      </div>
      <span id={`${id}-hint`} className="muted small">
        {hint}
      </span>
    </div>
  );
}

/** One checkbox per department (or location) of the directory, with its head count. */
function HeadCountChoice(props: { legend: string; path: string; chosen: string[]; disabled: boolean; onChange: (v: string[]) => void }) {
  const { legend, path, chosen, disabled, onChange } = props;
  const { data: options, error, retry } = useLoaded(() => api<HeadCount[]>(path), [path]);
  const toggle = (name: string, on: boolean) => onChange(on ? [...chosen, name] : chosen.filter((n) => n !== name));
  return (
    <fieldset className="choice-list" disabled={disabled}>
      <legend>{legend}</legend>
      <ErrorNote error={error} onRetry={retry} />
      {!options && !error && <Loading />}
      {options?.length === 0 && <p className="muted small">None in the directory yet.</p>}
      {options?.map((o) => (
        // the label is the name alone (what people and tests look for); the head count is beside it
        <div key={o.name} className="choice">
          <label className="inline-check">
            <input type="checkbox" checked={chosen.includes(o.name)} onChange={(e) => toggle(o.name, e.target.checked)} />
            {o.name}
          </label>
          <span className="muted small">{o.headCount === 1 ? '1 person' : `${o.headCount} people`}</span>
        </div>
      ))}
    </fieldset>
  );
}

/** The groups the author may see, filtered by name as they type (there may be hundreds). */
function GroupChoice({ chosen, disabled, onChange }: { chosen: string[]; disabled: boolean; onChange: (v: string[]) => void }) {
  const { groups, error, retry } = useGroups();
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    const all = groups ?? [];
    // the chosen ones stay in view whatever the filter
    return all.filter((g) => chosen.includes(g.id) || !q || g.name.toLowerCase().includes(q));
  }, [groups, filter, chosen]);
  const toggle = (id: string, on: boolean) => onChange(on ? [...chosen, id] : chosen.filter((g) => g !== id));
  return (
    <fieldset className="choice-list groups-choice" disabled={disabled}>
      <legend>Groups</legend>
      <ErrorNote error={error} onRetry={retry} />
      {!groups && !error && <Loading />}
      {groups && groups.length > 8 && (
        <input type="search" aria-label="Filter groups" placeholder="Filter groups" value={filter} onChange={(e) => setFilter(e.target.value)} />
      )}
      {groups?.length === 0 && <p className="muted small">No groups yet.</p>}
      <div className="group-options">
        {shown.map((g) => (
          <div key={g.id} className="choice">
            <label className="inline-check">
              <input type="checkbox" checked={chosen.includes(g.id)} onChange={(e) => toggle(g.id, e.target.checked)} />
              {g.name}
            </label>
            <span className="muted small">
              {g.visibility === 'PRIVATE' ? 'private · ' : ''}
              {g.memberCount === 1 ? '1 member' : `${g.memberCount} members`}
            </span>
          </div>
        ))}
        {groups && groups.length > 0 && shown.length === 0 && <p className="muted small">No group matches.</p>}
      </div>
    </fieldset>
  );
}
