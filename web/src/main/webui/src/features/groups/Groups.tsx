import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, withQuery, type Page } from '../../api/client';
import { useMe } from '../../shell/session';
import { ErrorNote, Loading, MoreSentinel, PageTitle, useCursorList, useDraft } from '../../shell/ui';
import type { Group, Visibility } from '../feed/types';
import { setMembership, VisibilityBadge, VisibilityChoice } from './parts';
import '../feed/feed.css';
import './groups.css';

export { GroupPage } from './GroupPage';

const TABS = [
  { key: 'all', label: 'All groups' },
  { key: 'mine', label: 'My groups' },
  { key: 'discover', label: 'Discover' },
] as const;
type Tab = (typeof TABS)[number]['key'];

/** Groups: the ones I am in and the public ones to discover, a name filter, and creating one. */
export function GroupsPage() {
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((t) => t.key === params.get('tab'))?.key ?? 'all';
  const [creating, setCreating] = useState(false);
  const [filter, setFilter] = useDraft('groups.filter');
  const list = useCursorList<Group>(
    (cursor) => api<Page<Group>>(withQuery('/api/groups', { membership: tab, cursor, limit: 50 })),
    [tab],
  );
  // The API lists groups by name without a text filter; filtering the loaded pages keeps the sentinel in view,
  // so further pages load until the matches fill the screen or the list ends.
  const needle = filter.trim().toLowerCase();
  const shown = needle
    ? list.items.filter((g) => g.name.toLowerCase().includes(needle) || g.description?.toLowerCase().includes(needle))
    : list.items;
  const replace = (g: Group) => list.setItems((old) => old.map((o) => (o.id === g.id ? g : o)));

  return (
    <>
      <PageTitle
        actions={
          <button type="button" className="primary" aria-expanded={creating} onClick={() => setCreating((c) => !c)}>
            New group
          </button>
        }
      >
        Groups
      </PageTitle>
      {creating && <CreateGroup onCancel={() => setCreating(false)} />}
      <div className="tabs" role="tablist" aria-label="Which groups">
        {TABS.map((t) => (
          <button
            key={t.key}
            type="button"
            role="tab"
            aria-selected={tab === t.key}
            aria-controls="groups-panel"
            onClick={() => setParams(t.key === 'all' ? {} : { tab: t.key }, { replace: true })}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div id="groups-panel" role="tabpanel" aria-label={TABS.find((t) => t.key === tab)!.label}>
        <label className="group-filter">
          Filter groups by name
          <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="e.g. Design" />
        </label>
        <ErrorNote error={list.error} onRetry={() => void list.reload()} />
        {shown.length > 0 && (
          <ul className="group-list">
            {shown.map((g) => (
              <GroupRow key={g.id} group={g} onChange={replace} />
            ))}
          </ul>
        )}
        {list.loading && list.items.length === 0 && <Loading label="Loading groups…" />}
        {list.done && shown.length === 0 && !list.error && (
          <p className="muted card">
            {needle
              ? 'No group matches this name.'
              : tab === 'mine'
                ? 'You are not in any group yet: discover one or create it.'
                : tab === 'discover'
                  ? 'There is no public group you are not already in.'
                  : 'There are no groups yet: create the first.'}
          </p>
        )}
        {!list.error && <MoreSentinel onVisible={list.more} loading={list.loading} done={list.done} />}
      </div>
    </>
  );
}

function GroupRow({ group, onChange }: { group: Group; onChange: (g: Group) => void }) {
  const me = useMe();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const toggle = async () => {
    const join = group.myRole === null;
    setBusy(true);
    setError(null);
    try {
      await setMembership(group.id, me.id, join);
      onChange({ ...group, myRole: join ? 'MEMBER' : null, memberCount: Math.max(0, group.memberCount + (join ? 1 : -1)) });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  // anyone joins a public group; a private one is joined when an owner adds you
  const canToggle = group.myRole !== null || group.visibility === 'PUBLIC';
  return (
    <li className="card group-row">
      <div className="spread">
        <div className="stack-tight">
          <Link to={`/groups/${encodeURIComponent(group.id)}`} className="group-name">
            {group.name}
          </Link>
          <div className="row small muted">
            <VisibilityBadge visibility={group.visibility} />
            <span>{group.memberCount === 1 ? '1 member' : `${group.memberCount} members`}</span>
            {group.myRole === 'OWNER' && <span className="badge">Owner</span>}
            {group.myRole === 'MEMBER' && <span className="badge">Member</span>}
          </div>
        </div>
        {canToggle && (
          <button
            type="button"
            className={group.myRole ? undefined : 'primary'}
            aria-label={`${group.myRole ? 'Leave' : 'Join'} ${group.name}`}
            disabled={busy}
            onClick={() => void toggle()}
          >
            {group.myRole ? 'Leave' : 'Join'}
          </button>
        )}
      </div>
      {group.description && <p className="group-description">{group.description}</p>}
      <ErrorNote error={error} />
    </li>
  );
}

function CreateGroup({ onCancel }: { onCancel: () => void }) {
  const navigate = useNavigate();
  const [name, setName, clearName] = useDraft('group.new.name');
  const [description, setDescription, clearDescription] = useDraft('group.new.description');
  const [visibility, setVisibility] = useState<Visibility>('PUBLIC');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const group = await api<Group>('/api/groups', {
        method: 'POST',
        json: { name, description: description || null, visibility },
      });
      clearName();
      clearDescription();
      navigate(`/groups/${encodeURIComponent(group.id)}`);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  return (
    <form className="card stack" aria-label="Create a group" noValidate onSubmit={(e) => void submit(e)}>
      <h2 className="card-title">Create a group</h2>
      <label>
        Name
        <input value={name} maxLength={120} required onChange={(e) => setName(e.target.value)} className="wide" />
      </label>
      <label>
        Description
        <textarea value={description} maxLength={2000} rows={3} onChange={(e) => setDescription(e.target.value)} />
      </label>
      <VisibilityChoice value={visibility} onChange={setVisibility} />
      <ErrorNote error={error} />
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          Create group
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
