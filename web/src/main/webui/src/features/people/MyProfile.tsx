import { Link } from 'react-router';
import { api } from '../../api/client';
import { useAction, useLoaded } from '../../shell/async';
import { useMe } from '../../shell/session';
import { ErrorNote, Loading, PageTitle } from '../../shell/ui';
import { ProfileEditor } from './ProfileEditor';
import { PersonHeader, ProfileFacts, useFields, useManager } from './ProfileParts';
import { FIELDS } from './profileFields';
import type { ProfileView } from './types';
import './people.css';

const LABELS: Record<string, string> = Object.fromEntries(FIELDS.map((f) => [f.name, f.label]));

/**
 * My profile: a form for what I may change myself (the company's self-editable fields, from
 * `GET /api/profiles/fields`), and the rest read-only, since HR's records or the identity provider (SCIM) own it.
 */
export function MyProfilePage() {
  const me = useMe();
  const { data: profile, setData: setProfile, error, retry } = useLoaded(() => api<ProfileView>('/api/profiles/me'), []);
  const { fields, error: fieldsError } = useFields();
  const manager = useManager(profile);

  const title = <PageTitle actions={<DownloadMyData username={me.username} />}>My profile</PageTitle>;
  if (error || fieldsError) {
    return (
      <>
        {title}
        <ErrorNote error={error ?? fieldsError} onRetry={retry} />
      </>
    );
  }
  if (!profile || !fields) {
    return (
      <>
        {title}
        <Loading label="Loading your profile…" />
      </>
    );
  }

  const editable = FIELDS.filter((f) => fields.selfEditable.includes(f.name));
  // Status is shown in the header when it matters; the rest of what I cannot change is listed with its reason.
  const readOnly = FIELDS.filter((f) => !fields.selfEditable.includes(f.name) && f.name !== 'status').map((f) => f.name);
  return (
    <>
      {title}
      <PersonHeader profile={profile}>
        <p className="row small">
          <Link to={`/people/${encodeURIComponent(profile.id)}`}>See my profile as others do</Link>
          <Link to={`/people/${encodeURIComponent(profile.id)}/org`}>Org chart</Link>
        </p>
      </PersonHeader>

      <section className="card pp-section" aria-labelledby="my-edit-heading">
        <h2 id="my-edit-heading">What you can change</h2>
        <ProfileEditor
          profile={profile}
          fields={editable}
          customFields={fields.custom.filter((c) => c.selfEditable)}
          draftKey="profile.me"
          onSave={(patch) => api<ProfileView>('/api/profiles/me', { method: 'PATCH', json: patch })}
          onSaved={setProfile}
        />
      </section>

      <section className="card pp-section" aria-labelledby="my-readonly-heading">
        <h2 id="my-readonly-heading">Kept by HR</h2>
        <p className="muted small" id="my-readonly-note">
          These come from HR's records or the company's identity provider, so only HR can change them: ask them if
          something is wrong. Your department, location and manager also decide which announcements and posts reach
          you.
        </p>
        <ProfileFacts
          profile={profile}
          fields={readOnly}
          labels={LABELS}
          custom={fields.custom.filter((c) => !c.selfEditable)}
          manager={manager}
        />
      </section>
    </>
  );
}

/** GDPR export: everything profile-service holds of me (profile and audit), saved as a JSON file. */
function DownloadMyData({ username }: { username: string }) {
  const { busy, error, run } = useAction();

  const download = () =>
    run(async () => {
      const data = await api<unknown>('/api/profiles/me/export');
      const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `my-profile-data-${username}-${new Date().toISOString().slice(0, 10)}.json`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      // Let the download start before the URL goes away.
      window.setTimeout(() => URL.revokeObjectURL(url), 1000);
    });

  return (
    <div className="row">
      <button type="button" onClick={() => void download()} disabled={busy}>
        {busy ? 'Preparing…' : 'Download my data'}
      </button>
      <ErrorNote error={error} />
    </div>
  );
}
