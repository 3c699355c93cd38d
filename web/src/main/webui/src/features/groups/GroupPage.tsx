import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, withQuery, type Page } from '../../api/client';
import { hasRole, useMe } from '../../shell/session';
import { useAction } from '../../shell/async';
import { Avatar, ErrorNote, Loading, MoreSentinel, PageTitle, useCursorList, useDraft } from '../../shell/ui';
import { FeedList } from '../feed/FeedList';
import type { Group, GroupRole, Member, Visibility } from '../feed/types';
import { PersonPicker } from './PersonPicker';
import { setMembership, VisibilityBadge, VisibilityChoice } from './parts';
import '../feed/feed.css';
import './groups.css';

type Tab = 'posts' | 'members';

/**
 * One group: what it is, its feed (with the composer set to it, for members) and its members. Owners and admins
 * edit it and manage members. A private group answers 404 to a non-member: the API's detail is all that is shown.
 */
export function GroupPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const [group, setGroup] = useState<Group | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tab, setTab] = useState<Tab>('posts');
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setGroup(await api<Group>(`/api/groups/${encodeURIComponent(id)}`));
    } catch (e) {
      setGroup(null);
      setError(e);
    }
  }, [id]);
  useEffect(() => {
    setGroup(null);
    setTab('posts');
    setEditing(false);
    void load();
  }, [load]);

  if (error) {
    return (
      <>
        <PageTitle>Group</PageTitle>
        <ErrorNote error={error} />
        <p>
          <Link to="/groups">All groups</Link>
        </p>
      </>
    );
  }
  if (!group) return <Loading label="Loading the group…" />;

  const isAdmin = hasRole(me, 'admin');
  const manages = group.myRole === 'OWNER' || isAdmin;
  const member = group.myRole !== null;

  const toggleMembership = async () => {
    setBusy(true);
    setActionError(null);
    try {
      await setMembership(group.id, me.id, !member);
      // a private group is out of sight once left (404): back to the list rather than an error
      if (member && group.visibility === 'PRIVATE' && !isAdmin) navigate('/groups');
      else await load();
    } catch (e) {
      setActionError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle
        actions={
          <div className="row">
            {(member || group.visibility === 'PUBLIC') && (
              <button type="button" className={member ? undefined : 'primary'} disabled={busy} onClick={() => void toggleMembership()}>
                {member ? 'Leave group' : 'Join group'}
              </button>
            )}
            {manages && !editing && (
              <button type="button" onClick={() => setEditing(true)}>
                Edit group
              </button>
            )}
          </div>
        }
      >
        {group.name}
      </PageTitle>
      <ErrorNote error={actionError} />
      {editing ? (
        <EditGroup
          group={group}
          onDone={(changed) => {
            setEditing(false);
            if (changed) setGroup(changed);
          }}
        />
      ) : (
        <section className="card group-about" aria-label="About this group">
          <div className="row small muted">
            <VisibilityBadge visibility={group.visibility} />
            <span>{group.memberCount === 1 ? '1 member' : `${group.memberCount} members`}</span>
            {group.myRole && <span className="badge">{group.myRole === 'OWNER' ? 'You are an owner' : 'You are a member'}</span>}
          </div>
          {group.description ? <p className="group-description">{group.description}</p> : <p className="muted">No description.</p>}
        </section>
      )}

      <div className="tabs" role="tablist" aria-label="Group sections">
        <button type="button" role="tab" id="group-tab-posts" aria-selected={tab === 'posts'} aria-controls="group-panel" onClick={() => setTab('posts')}>
          Posts
        </button>
        <button type="button" role="tab" id="group-tab-members" aria-selected={tab === 'members'} aria-controls="group-panel" onClick={() => setTab('members')}>
          Members ({group.memberCount})
        </button>
      </div>
      <div id="group-panel" role="tabpanel" aria-labelledby={`group-tab-${tab}`}>
        {tab === 'posts' ? (
          <>
            {!member && <p className="muted small">Join this group to post in it.</p>}
            <FeedList
              path={`/api/groups/${encodeURIComponent(group.id)}/feed`}
              label={`Posts in ${group.name}`}
              composer={
                member
                  ? { feed: `group.${group.id}`, group: { id: group.id, name: group.name }, accepts: (p) => p.groupId === group.id }
                  : undefined
              }
              canModerate={manages}
              empty="Nothing has been posted in this group yet."
            />
          </>
        ) : (
          <Members group={group} manages={manages} onChanged={() => void load()} />
        )}
      </div>
    </>
  );
}

/** Owners and admins: name, description, and opening a private group (never the reverse: 409). */
function EditGroup({ group, onDone }: { group: Group; onDone: (changed: Group | null) => void }) {
  const [name, setName, clearName] = useDraft(`group.edit.${group.id}.name`, group.name);
  const [description, setDescription, clearDescription] = useDraft(`group.edit.${group.id}.description`, group.description ?? '');
  const [visibility, setVisibility] = useState<Visibility>(group.visibility);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const clear = () => {
    clearName();
    clearDescription();
  };
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const changed = await api<Group>(`/api/groups/${encodeURIComponent(group.id)}`, {
        method: 'PATCH',
        json: { name, description, ...(visibility !== group.visibility ? { visibility } : {}) },
      });
      clear();
      onDone(changed);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  return (
    <form className="card stack" aria-label="Edit group" noValidate onSubmit={(e) => void save(e)}>
      <label>
        Name
        <input value={name} maxLength={120} onChange={(e) => setName(e.target.value)} className="wide" />
      </label>
      <label>
        Description
        <textarea value={description} maxLength={2000} rows={3} onChange={(e) => setDescription(e.target.value)} />
      </label>
      <VisibilityChoice value={visibility} onChange={setVisibility} disabledPrivate={group.visibility === 'PUBLIC'} />
      {group.visibility === 'PRIVATE' && visibility === 'PUBLIC' && (
        <p className="small" role="note">
          Making it public shows all its posts to everyone, and cannot be undone.
        </p>
      )}
      <ErrorNote error={error} />
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          Save group
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => {
            clear();
            onDone(null);
          }}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Members, owners first; owners and admins add people (picked from suggestions), remove them and set roles. */
function Members({ group, manages, onChanged }: { group: Group; manages: boolean; onChanged: () => void }) {
  const me = useMe();
  const list = useCursorList<Member>(
    (cursor) => api<Page<Member>>(withQuery(`/api/groups/${encodeURIComponent(group.id)}/members`, { cursor, limit: 50 })),
    [group.id],
  );
  const { busy, error, run } = useAction();
  const [notice, setNotice] = useState('');

  const act = (work: () => Promise<unknown>, done: string) => {
    setNotice('');
    return run(async () => {
      await work();
      setNotice(done);
      await list.reload();
      onChanged();
    });
  };

  return (
    <section aria-label="Members" className="members">
      {manages && (
        <div className="card">
          <PersonPicker
            label="Add a member"
            draftKey={`group.${group.id}.add`}
            disabled={busy}
            onPick={(p) => void act(() => setMembership(group.id, p.id, true), `${p.displayName} is now a member.`)}
          />
        </div>
      )}
      <ErrorNote error={error} />
      {notice && (
        <p role="status" className="small">
          {notice}
        </p>
      )}
      <ErrorNote error={list.error} onRetry={() => void list.reload()} />
      {list.items.length > 0 && (
        <ul className="member-list">
          {list.items.map((m) => {
            const name = m.name ?? 'Someone new';
            const self = m.employeeId === me.id;
            return (
              <li key={m.employeeId} className="member-row">
                <Avatar name={name} size={32} />
                <div className="member-who">
                  <Link to={`/people/${encodeURIComponent(m.employeeId)}`}>{name}</Link>
                  {m.handle && <span className="muted small"> @{m.handle}</span>}
                  {m.role === 'OWNER' && <span className="badge">Owner</span>}
                </div>
                {manages && (
                  <div className="row member-actions">
                    <RoleButton member={m} name={name} busy={busy} onRole={(role) => void act(() => setMembership(group.id, m.employeeId, true, role), role === 'OWNER' ? `${name} is now an owner.` : `${name} is now a member.`)} />
                    {!self && (
                      <button
                        type="button"
                        className="danger"
                        aria-label={`Remove ${name}`}
                        disabled={busy}
                        onClick={() => void act(() => setMembership(group.id, m.employeeId, false), `${name} was removed.`)}
                      >
                        Remove
                      </button>
                    )}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {list.loading && list.items.length === 0 && <Loading label="Loading members…" />}
      {!list.error && <MoreSentinel onVisible={list.more} loading={list.loading} done={list.done} />}
    </section>
  );
}

function RoleButton({ member, name, busy, onRole }: { member: Member; name: string; busy: boolean; onRole: (r: GroupRole) => void }) {
  const owner = member.role === 'OWNER';
  return (
    <button
      type="button"
      aria-label={owner ? `Make ${name} a member` : `Make ${name} an owner`}
      disabled={busy}
      onClick={() => onRole(owner ? 'MEMBER' : 'OWNER')}
    >
      {owner ? 'Make member' : 'Make owner'}
    </button>
  );
}
