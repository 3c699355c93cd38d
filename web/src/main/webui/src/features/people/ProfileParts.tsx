import { useEffect, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { Avatar } from '../../shell/ui';
import { calendarDate, customText, languageName, localTime } from './profileFields';
import type { CustomField, FieldsView, PersonCard, ProfileView } from './types';

/** A profile's manager, the nearest of the chain (null when they have none, or until known). */
export function useManager(profile: ProfileView | null): PersonCard | null {
  const [manager, setManager] = useState<PersonCard | null>(null);
  const id = profile?.id;
  const managerId = profile?.managerId;
  useEffect(() => {
    setManager(null);
    if (!id || !managerId) return;
    let live = true;
    api<PersonCard[]>(`/api/profiles/${encodeURIComponent(id)}/chain`)
      .then((chain) => live && setManager(chain[0] ?? null))
      .catch(() => live && setManager(null)); // the profile still shows; the manager line falls back to "…"
    return () => {
      live = false;
    };
  }, [id, managerId]);
  return manager;
}

/** The field definitions (which built-in fields are self-editable, the custom fields in their order). */
export function useFields(): { fields: FieldsView | null; error: unknown } {
  const [fields, setFields] = useState<FieldsView | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    api<FieldsView>('/api/profiles/fields')
      .then((f) => live && setFields({ ...f, custom: [...f.custom].sort((a, b) => a.position - b.position) }))
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, []);
  return { fields, error };
}

/** Name, pronouns, title, department and location: the top of a profile. */
export function PersonHeader({ profile, children }: { profile: ProfileView; children?: ReactNode }) {
  const where = [profile.department, profile.location].filter(Boolean).join(' · ');
  return (
    <section className="card person-header" aria-label="Summary">
      <Avatar name={profile.displayName} size={72} />
      <div className="person-header-text">
        <p className="person-name">
          {profile.displayName}
          {profile.pronouns && <span className="muted small"> ({profile.pronouns})</span>}
        </p>
        {profile.title && <p>{profile.title}</p>}
        {where && <p className="muted">{where}</p>}
        <p className="muted small">@{profile.username}</p>
        {profile.status === 'LEFT' && (
          <p>
            <span className="badge">Former employee</span>
            {profile.leftAt && <span className="muted small"> left on {new Date(profile.leftAt).toLocaleDateString()}</span>}
          </p>
        )}
        {children}
      </div>
    </section>
  );
}

/** One fact of a profile as a term and its description; nothing when it is empty. */
function Fact({ term, children }: { term: string; children: ReactNode }) {
  if (children === null || children === undefined || children === '' || children === false) return null;
  return (
    <div className="pp-fact">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** How a field's value reads on a profile, or null when it has none. */
export function factValue(profile: ProfileView, name: string, manager: PersonCard | null): ReactNode {
  switch (name) {
    case 'email':
      return profile.email && <a href={`mailto:${profile.email}`}>{profile.email}</a>;
    case 'phone':
      return profile.phone && <a href={`tel:${profile.phone.replace(/[^+0-9]/g, '')}`}>{profile.phone}</a>;
    case 'managerId':
      return (
        profile.managerId && (
          <Link to={`/people/${encodeURIComponent(profile.managerId)}`}>{manager?.displayName ?? '…'}</Link>
        )
      );
    case 'timeZone': {
      if (!profile.timeZone) return null;
      const now = localTime(profile.timeZone);
      return `${profile.timeZone.replace(/_/g, ' ')}${now ? ` (${now} there now)` : ''}`;
    }
    case 'startDate':
      return profile.startDate && calendarDate(profile.startDate);
    case 'languages':
      return profile.languages.length > 0 && profile.languages.map(languageName).join(', ');
    case 'skills':
      return (
        profile.skills.length > 0 && (
          <ul className="pp-chips" aria-label="Skills">
            {profile.skills.map((s) => (
              <li key={s}>
                <Link className="badge" to={`/people?skill=${encodeURIComponent(s)}`} title={`Everyone with the skill ${s}`}>
                  {s}
                </Link>
              </li>
            ))}
          </ul>
        )
      );
    case 'status':
      return profile.status === 'LEFT' ? 'Left the company' : 'Active';
    case 'avatarUrl':
      return profile.avatarUrl && <span className="pp-break">{profile.avatarUrl}</span>;
    default: {
      const value = (profile as unknown as Record<string, unknown>)[name];
      return typeof value === 'string' ? value : null;
    }
  }
}

/** A profile's facts as a description list: the given built-in fields, then the custom fields with a value. */
export function ProfileFacts({
  profile,
  fields,
  labels,
  custom,
  manager,
}: {
  profile: ProfileView;
  fields: string[];
  labels: Record<string, string>;
  custom: CustomField[];
  manager: PersonCard | null;
}) {
  return (
    <dl className="pp-facts">
      {fields.map((name) => (
        <Fact key={name} term={labels[name] ?? name}>
          {factValue(profile, name, manager)}
        </Fact>
      ))}
      {custom.map((c) => (
        <Fact key={c.key} term={c.label}>
          {c.type === 'DATE' && customText(profile, c.key) ? calendarDate(customText(profile, c.key)) : customText(profile, c.key)}
        </Fact>
      ))}
    </dl>
  );
}
