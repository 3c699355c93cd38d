import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { ErrorNote, Loading, PageTitle } from '../../shell/ui';
import { NOTIFICATION_TYPES, TYPE_LABELS, type Channels, type NotificationType, type Preferences } from './types';
import './notifications.css';

const PATH = '/api/notification-preferences';

/** What each type is about, under its name in the table. */
const TYPE_HINTS: Record<NotificationType, string> = {
  MENTION: 'Someone names you in a post or comment',
  COMMENT: 'Comments on your posts and replies in your threads',
  REACTION: 'Reactions to your posts and comments',
  RECOGNITION: 'Kudos you receive',
  ANNOUNCEMENT: 'Announcements for you (e-mail: reminders of must-reads)',
  FOLLOW: 'Someone starts following you',
  GROUP: 'Added to a group; new posts in groups you subscribed to',
};

/**
 * `/settings/notifications`: the whole preferences document, edited here and saved with one PUT (which replaces
 * everything, so the fields this page does not edit — subscribed groups — are sent back as they were read).
 */
export function PreferencesPage() {
  const [prefs, setPrefs] = useState<Preferences | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    // an answer that arrives after this effect was cleaned up must not overwrite what the person is editing
    let active = true;
    setLoadError(null);
    api<Preferences>(PATH).then(
      (p) => active && setPrefs(p),
      (e: unknown) => active && setLoadError(e),
    );
    return () => {
      active = false;
    };
  }, [attempt]);
  const load = () => setAttempt((a) => a + 1);

  const change = (update: (p: Preferences) => Preferences) => {
    setSaved(false);
    setPrefs((p) => (p ? update(p) : p));
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!prefs) return;
    setSaving(true);
    setSaveError(null);
    try {
      setPrefs(await api<Preferences>(PATH, { method: 'PUT', json: { ...prefs } }));
      setSaved(true);
    } catch (err) {
      setSaveError(err);
    } finally {
      setSaving(false);
    }
  };

  if (!prefs) {
    return (
      <>
        <PageTitle>Notification settings</PageTitle>
        {loadError ? <ErrorNote error={loadError} onRetry={load} /> : <Loading />}
      </>
    );
  }
  return (
    <>
      <PageTitle actions={<Link to="/notifications">All notifications</Link>}>Notification settings</PageTitle>
      <form className="stack preferences" onSubmit={(e) => void save(e)}>
        <ChannelTable prefs={prefs} onChange={change} />
        <QuietHours prefs={prefs} onChange={change} />
        <Digest prefs={prefs} onChange={change} />
        <MutedList prefs={prefs} onChange={change} />
        <ErrorNote error={saveError} />
        <div className="row">
          <button type="submit" className="primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save'}
          </button>
          <span role="status" className="muted">
            {saved ? 'Saved.' : ''}
          </span>
        </div>
      </form>
    </>
  );
}

type Edit = (update: (p: Preferences) => Preferences) => void;

/** In the app and by e-mail, per type: a table, a checkbox per cell, each named for its row and column. */
function ChannelTable({ prefs, onChange }: { prefs: Preferences; onChange: Edit }) {
  const set = (type: NotificationType, channel: keyof Channels, on: boolean) =>
    onChange((p) => {
      const current = p.channels[type] ?? { inApp: true, email: false };
      return { ...p, channels: { ...p.channels, [type]: { ...current, [channel]: on } } };
    });
  return (
    <section className="card">
      <h2 className="section-heading">What you are told, and where</h2>
      <table className="channels">
        <caption className="muted small">A must-read announcement always reaches your list.</caption>
        <thead>
          <tr>
            <th scope="col">Type</th>
            <th scope="col">In the app</th>
            <th scope="col">By e-mail</th>
          </tr>
        </thead>
        <tbody>
          {NOTIFICATION_TYPES.map((type) => {
            const c = prefs.channels[type] ?? { inApp: true, email: false };
            return (
              <tr key={type}>
                <th scope="row">
                  {TYPE_LABELS[type]}
                  <span className="muted small block">{TYPE_HINTS[type]}</span>
                </th>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${TYPE_LABELS[type]}: in the app`}
                    checked={c.inApp}
                    onChange={(e) => set(type, 'inApp', e.target.checked)}
                  />
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${TYPE_LABELS[type]}: by e-mail`}
                    checked={c.email}
                    onChange={(e) => set(type, 'email', e.target.checked)}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/** No e-mail between two times of day in one's own zone (e-mails wait until the quiet hours end). */
function QuietHours({ prefs, onChange }: { prefs: Preferences; onChange: Edit }) {
  const zones = useMemo(() => timeZones(prefs.timeZone), [prefs.timeZone]);
  const quiet = prefs.quietHours;
  return (
    <section className="card stack">
      <h2 className="section-heading">Quiet hours</h2>
      <label className="row inline-check">
        <input
          type="checkbox"
          checked={quiet !== null}
          onChange={(e) => onChange((p) => ({ ...p, quietHours: e.target.checked ? { from: '19:00', to: '08:00' } : null }))}
        />
        Hold e-mails during quiet hours
      </label>
      {quiet && (
        <div className="row">
          <label>
            From{' '}
            <input
              type="time"
              required
              value={quiet.from}
              onChange={(e) => onChange((p) => ({ ...p, quietHours: { from: e.target.value, to: p.quietHours?.to ?? '08:00' } }))}
            />
          </label>
          <label>
            To{' '}
            <input
              type="time"
              required
              value={quiet.to}
              onChange={(e) => onChange((p) => ({ ...p, quietHours: { from: p.quietHours?.from ?? '19:00', to: e.target.value } }))}
            />
          </label>
        </div>
      )}
      <label>
        Time zone{' '}
        <select value={prefs.timeZone} onChange={(e) => onChange((p) => ({ ...p, timeZone: e.target.value }))}>
          {zones.map((z) => (
            <option key={z} value={z}>
              {z.replace(/_/g, ' ')}
            </option>
          ))}
        </select>
      </label>
    </section>
  );
}

/** The browser's zones, plus UTC and the saved one (some browsers list neither UTC nor every alias). */
function timeZones(current: string): string[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone'));
  zones.add('UTC');
  if (current) zones.add(current);
  return [...zones].sort();
}

const DIGESTS: { value: Preferences['digest']; label: string }[] = [
  { value: 'DAILY', label: 'Daily' },
  { value: 'WEEKLY', label: 'Weekly' },
  { value: 'OFF', label: 'Off' },
];

function Digest({ prefs, onChange }: { prefs: Preferences; onChange: Edit }) {
  return (
    <fieldset className="card digest">
      <legend>E-mail digest of what is still unread</legend>
      <div className="row">
        {DIGESTS.map((d) => (
          <label key={d.value} className="row inline-check">
            <input
              type="radio"
              name="digest"
              value={d.value}
              checked={prefs.digest === d.value}
              onChange={() => onChange((p) => ({ ...p, digest: d.value }))}
            />
            {d.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Muted posts and groups (nothing is notified about them) and subscribed groups, each with its way back. */
function MutedList({ prefs, onChange }: { prefs: Preferences; onChange: Edit }) {
  const groupIds = useMemo(
    () => [...new Set([...prefs.muted.groups, ...prefs.subscribed.groups])],
    [prefs.muted.groups, prefs.subscribed.groups],
  );
  const groupNames = useNames(groupIds, groupName);
  const postTitles = useNames(prefs.muted.posts, postTitle);
  const unmutePost = (id: string) => onChange((p) => ({ ...p, muted: { ...p.muted, posts: p.muted.posts.filter((x) => x !== id) } }));
  const unmuteGroup = (id: string) => onChange((p) => ({ ...p, muted: { ...p.muted, groups: p.muted.groups.filter((x) => x !== id) } }));
  const unsubscribe = (id: string) => onChange((p) => ({ ...p, subscribed: { groups: p.subscribed.groups.filter((x) => x !== id) } }));
  return (
    <section className="card stack">
      <h2 className="section-heading">Muted and subscribed</h2>
      <WayBack
        heading="Muted posts"
        none="No muted posts."
        action="Unmute"
        onAction={unmutePost}
        items={prefs.muted.posts.map((id, i) => ({
          id,
          to: `/posts/${id}`,
          name: postTitles[id] ?? `Post ${i + 1}`,
          label: `Unmute ${postTitles[id] ?? `post ${i + 1}`}`,
        }))}
      />
      <WayBack
        heading="Muted groups"
        none="No muted groups."
        action="Unmute"
        onAction={unmuteGroup}
        items={prefs.muted.groups.map((id) => ({
          id,
          to: `/groups/${id}`,
          name: groupNames[id] ?? 'A group',
          label: `Unmute ${groupNames[id] ?? 'group'}`,
        }))}
      />
      <WayBack
        heading="Groups whose every new post you are told about"
        none="None."
        action="Stop"
        onAction={unsubscribe}
        items={prefs.subscribed.groups.map((id) => ({
          id,
          to: `/groups/${id}`,
          name: groupNames[id] ?? 'A group',
          label: `Stop new-post notifications from ${groupNames[id] ?? 'group'}`,
        }))}
      />
      <p className="muted small">Changes take effect when you save.</p>
    </section>
  );
}

/** A list of what was muted (or subscribed), each linked, with the button that undoes it (named for its item). */
function WayBack(props: {
  heading: string;
  none: string;
  action: string;
  onAction: (id: string) => void;
  items: { id: string; to: string; name: string; label: string }[];
}) {
  const { heading, none, action, onAction, items } = props;
  return (
    <div>
      <h3 className="small">{heading}</h3>
      {items.length === 0 ? (
        <p className="muted small">{none}</p>
      ) : (
        <ul className="plain-list">
          {items.map((item) => (
            <li key={item.id} className="spread">
              <Link to={item.to}>{item.name}</Link>
              <button type="button" onClick={() => onAction(item.id)} aria-label={item.label}>
                {action}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * Names for ids, read one by one (muted lists are short). Something the caller can no longer see keeps no name
 * and is listed generically, still with its way back.
 */
function useNames(ids: string[], resolve: (id: string) => Promise<string>): Record<string, string> {
  const [names, setNames] = useState<Record<string, string>>({});
  const asked = useRef(new Set<string>());
  const key = ids.join(',');
  useEffect(() => {
    // each id is asked once: unmuting one does not read the others again
    const missing = ids.filter((id) => !asked.current.has(id));
    missing.forEach((id) => asked.current.add(id));
    for (const id of missing) {
      resolve(id).then(
        (name) => setNames((old) => ({ ...old, [id]: name })),
        () => undefined,
      );
    }
    // the ids are the input; resolve is a module-level function
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return names;
}

const groupName = (id: string) => api<{ name: string }>(`/api/groups/${encodeURIComponent(id)}`).then((g) => g.name);

/** "Alice Martin: the first words of the post" (the body is sanitized HTML: only its text is shown). */
const postTitle = (id: string) =>
  api<{ authorName: string; body: string }>(`/api/posts/${encodeURIComponent(id)}`).then((p) => {
    const text = new DOMParser().parseFromString(p.body, 'text/html').body.textContent?.trim() ?? '';
    return `${p.authorName}: ${text.length > 80 ? `${text.slice(0, 80)}…` : text}`;
  });
