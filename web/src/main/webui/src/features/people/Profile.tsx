import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { useAction, useLoaded } from '../../shell/async';
import { hasRole, useMe } from '../../shell/session';
import { ErrorNote, Loading, PageTitle, When, isApiError } from '../../shell/ui';
import { PersonFeed } from '../feed/PersonFeed';
import { ProfileEditor } from './ProfileEditor';
import { PersonHeader, ProfileFacts, useFields, useManager } from './ProfileParts';
import { FIELDS } from './profileFields';
import type { FollowCounts, ProfileView, ReceivedView } from './types';
import './people.css';

const LABELS: Record<string, string> = Object.fromEntries(FIELDS.map((f) => [f.name, f.label]));
/** What the details list shows (name, title, department and location are in the header, the bio above). */
const FACTS = ['email', 'phone', 'managerId', 'startDate', 'timeZone', 'languages', 'skills', 'employeeNumber'];

/** Anyone's profile: `/people/:id`. Keyed by the id, so moving to another person starts afresh. */
export function ProfilePage() {
  const { id = '' } = useParams();
  return <Profile key={id} id={id} />;
}

function Profile({ id }: { id: string }) {
  const me = useMe();
  const { data: profile, setData: setProfile, error, retry } = useLoaded(
    () => api<ProfileView>(`/api/profiles/${encodeURIComponent(id)}`),
    [id],
  );
  const { fields } = useFields();
  const manager = useManager(profile);
  const canEdit = hasRole(me, 'hr') || hasRole(me, 'admin');
  const draftKey = `profile.edit.${id}`;
  // An edit interrupted by a sign-in round trip reopens with what was typed.
  const [editing, setEditing] = useState(() => canEdit && sessionStorage.getItem(`intranet.draft.${draftKey}`) !== null);

  if (error) {
    return (
      <>
        <PageTitle>{isApiError(error, 404) ? 'Person not found' : 'Profile'}</PageTitle>
        <ErrorNote error={error} onRetry={isApiError(error, 404) ? undefined : retry} />
        <p>
          <Link to="/people">Find someone in the directory</Link>
        </p>
      </>
    );
  }
  if (!profile) return <Loading label="Loading the profile…" />;

  const self = profile.id === me.id;
  const custom = fields?.custom ?? [];
  return (
    <>
      <PageTitle
        actions={
          <div className="row">
            {!self && profile.status === 'ACTIVE' && <FollowButton personId={profile.id} />}
            {self && <Link to="/me">Edit my profile</Link>}
            {canEdit && !editing && (
              <button type="button" onClick={() => setEditing(true)}>
                Edit
              </button>
            )}
          </div>
        }
      >
        {profile.displayName}
      </PageTitle>
      <PersonHeader profile={profile}>
        <p className="row small">
          <Link to={`/people/${encodeURIComponent(profile.id)}/org`}>Org chart</Link>
          {!self && <FollowCountsLine personId={profile.id} />}
        </p>
      </PersonHeader>

      {editing && canEdit && (
        <section className="card pp-section" aria-labelledby="edit-heading">
          <h2 id="edit-heading">Edit {profile.displayName}'s profile</h2>
          <p className="muted small">As HR you may change every field. Department, location and manager decide what they can read.</p>
          {fields ? (
            <ProfileEditor
              profile={profile}
              fields={FIELDS}
              customFields={custom}
              draftKey={draftKey}
              onSave={(patch) => api<ProfileView>(`/api/profiles/${encodeURIComponent(profile.id)}`, { method: 'PATCH', json: patch })}
              onSaved={(saved) => {
                setProfile(saved);
                setEditing(false);
              }}
              onCancel={() => setEditing(false)}
            />
          ) : (
            <Loading />
          )}
        </section>
      )}

      {profile.bio && (
        <section className="card pp-section" aria-labelledby="about-heading">
          <h2 id="about-heading">About</h2>
          <p className="pp-bio">{profile.bio}</p>
        </section>
      )}

      <section className="card pp-section" aria-labelledby="details-heading">
        <h2 id="details-heading">Details</h2>
        <ProfileFacts profile={profile} fields={FACTS} labels={LABELS} custom={custom} manager={manager} />
      </section>

      <RecognitionReceived personId={profile.id} name={profile.displayName} />

      <section className="pp-section" aria-labelledby="posts-heading">
        <h2 id="posts-heading">Posts</h2>
        <PersonFeed personId={profile.id} />
      </section>
    </>
  );
}

/** Follow / Unfollow: their posts come into my home feed (feed-service; 204 and idempotent both ways). */
function FollowButton({ personId }: { personId: string }) {
  const path = `/api/follows/people/${encodeURIComponent(personId)}`;
  const loaded = useLoaded(() => api<FollowCounts>(path).then((c) => c.followedByMe), [path]);
  const following = loaded.data;
  const action = useAction();
  const busy = action.busy;
  const error = action.error ?? loaded.error;

  const toggle = () =>
    following !== null &&
    action.run(async () => {
      await api<void>(path, { method: following ? 'DELETE' : 'PUT' });
      loaded.setData(!following);
      window.dispatchEvent(new CustomEvent('intranet:follow-changed', { detail: { personId } }));
    });

  return (
    <div className="row">
      <button type="button" className={following ? undefined : 'primary'} disabled={busy || following === null} onClick={() => void toggle()}>
        {following ? 'Unfollow' : 'Follow'}
      </button>
      <ErrorNote error={error} />
    </div>
  );
}

/** "12 followers · follows 3": refreshed when the follow button changes it. */
function FollowCountsLine({ personId }: { personId: string }) {
  const [counts, setCounts] = useState<FollowCounts | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      api<FollowCounts>(`/api/follows/people/${encodeURIComponent(personId)}`)
        .then((c) => live && setCounts(c))
        .catch(() => live && setCounts(null)); // the counts are a nicety; the button shows the failure
    void load();
    window.addEventListener('intranet:follow-changed', load);
    return () => {
      live = false;
      window.removeEventListener('intranet:follow-changed', load);
    };
  }, [personId]);
  if (!counts) return null;
  return (
    <span className="muted">
      {counts.followers} {counts.followers === 1 ? 'follower' : 'followers'} · follows {counts.following}
    </span>
  );
}

/** The recognition a person received, counted by company value, with the latest few. */
function RecognitionReceived({ personId, name }: { personId: string; name: string }) {
  const { data: received, error, retry } = useLoaded(
    () =>
      api<ReceivedView>(`/api/recognition/people/${encodeURIComponent(personId)}?limit=3`).catch((e: unknown) => {
        // feed-service learns of a newcomer by event: until then it knows no one by that id, which means "nothing yet".
        if (!isApiError(e, 404)) throw e;
        const nothing: ReceivedView = { person: { id: personId, displayName: name, username: '', department: null }, total: 0, byValue: {}, items: [], next: null };
        return nothing;
      }),
    [personId, name],
  );

  const values = Object.entries(received?.byValue ?? {}).sort(([, a], [, b]) => b - a);
  const most = values[0]?.[1] ?? 1;
  return (
    <section className="card pp-section" aria-labelledby="recognition-heading">
      <h2 id="recognition-heading">Recognition received</h2>
      <ErrorNote error={error} onRetry={retry} />
      {!received && !error && <Loading />}
      {received && received.total === 0 && <p className="muted">No recognition yet.</p>}
      {received && received.total > 0 && (
        <>
          <p>
            {received.total} {received.total === 1 ? 'recognition' : 'recognitions'}
          </p>
          <ul className="bars pp-by-value" aria-label="By company value">
            {values.map(([value, count]) => (
              <li key={value}>
                <span className="spread small">
                  <span>{value}</span>
                  <span>{count}</span>
                </span>
                <span className="bar" aria-hidden="true">
                  <span style={{ width: `${(count / most) * 100}%` }} />
                </span>
              </li>
            ))}
          </ul>
          {received.items.length > 0 && (
            <>
              <h3 className="small">Latest</h3>
              <ul className="pp-list small">
                {received.items.map((r) => (
                  <li key={r.id}>
                    <Link to={`/posts/${encodeURIComponent(r.id)}`}>
                      {r.recognition?.value ?? 'Recognition'} from {r.authorName}
                    </Link>{' '}
                    <span className="muted">
                      <When at={r.createdAt} />
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
