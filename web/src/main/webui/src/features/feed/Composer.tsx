import { useEffect, useState, type FormEvent } from 'react';
import { api, withQuery, type Page } from '../../api/client';
import { useMe } from '../../shell/session';
import { Avatar, ErrorNote, useDraft } from '../../shell/ui';
import { cleanLinks, LinksEditor, useLinksDraft } from './LinksEditor';
import { MentionTextarea } from './MentionTextarea';
import type { Group, Post } from './types';

/** The groups I may post in: all pages of `GET /api/groups?membership=mine`, by name. */
export function useMyGroups(): { groups: Group[]; error: unknown } {
  const [state, setState] = useState<{ groups: Group[]; error: unknown }>({ groups: [], error: null });
  useEffect(() => {
    let live = true;
    (async () => {
      const all: Group[] = [];
      let cursor: string | null = null;
      // a person is in a handful of groups; the bound only guards against a runaway loop
      for (let i = 0; i < 20; i++) {
        const page: Page<Group> = await api<Page<Group>>(withQuery('/api/groups', { membership: 'mine', cursor, limit: 100 }));
        all.push(...page.items);
        cursor = page.next;
        if (!cursor) break;
      }
      if (live) setState({ groups: all, error: null });
    })().catch((error: unknown) => live && setState({ groups: [], error }));
    return () => {
      live = false;
    };
  }, []);
  return state;
}

/**
 * Writing a post: the text (with @mention and #topic suggestions), where it goes (everyone or one of my groups)
 * and optional links. Text and links are drafts under `composer.<feed>` until the API has the post, so a
 * sign-in round trip or a failure loses nothing; a failure shows the API's detail and keeps the text.
 */
export function Composer({
  feed,
  group,
  onPosted,
}: {
  feed: string;
  /** Preselects this group (the group page). */
  group?: { id: string; name: string };
  onPosted: (post: Post) => void;
}) {
  const me = useMe();
  const [body, setBody, clearBody] = useDraft(`composer.${feed}`);
  const links = useLinksDraft(`composer.${feed}.links`);
  const [groupId, setGroupId] = useState(group?.id ?? '');
  const mine = useMyGroups();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => setGroupId(group?.id ?? ''), [group?.id]);

  const options = group && !mine.groups.some((g) => g.id === group.id) ? [group, ...mine.groups] : mine.groups;

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (busy || !body.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const post = await api<Post>('/api/posts', {
        method: 'POST',
        json: { kind: 'UPDATE', body, groupId: groupId || null, links: cleanLinks(links.value) },
      });
      clearBody();
      links.clear();
      onPosted(post);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card composer" aria-label="Share an update" noValidate onSubmit={(e) => void submit(e)}>
      <div className="composer-main">
        <Avatar name={me.displayName} />
        <MentionTextarea
          label="Write a post"
          placeholder="Share an update… (@ to mention someone, # for a topic)"
          value={body}
          onChange={setBody}
          rows={3}
          onSubmitShortcut={() => void submit()}
        />
      </div>
      <LinksEditor links={links.value} onChange={links.set} />
      <ErrorNote error={error} />
      {mine.error !== null && <ErrorNote error={mine.error} />}
      <div className="spread composer-foot">
        <select aria-label="Post to" value={groupId} onChange={(e) => setGroupId(e.target.value)}>
          <option value="">Everyone</option>
          {options.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
        <button type="submit" className="primary" disabled={busy || !body.trim()} aria-busy={busy}>
          Post
        </button>
      </div>
    </form>
  );
}
