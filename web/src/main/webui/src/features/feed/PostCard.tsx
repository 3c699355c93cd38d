import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api, withQuery, type Page } from '../../api/client';
import { hasRole, useMe } from '../../shell/session';
import { useAction } from '../../shell/async';
import { Avatar, ErrorNote, MoreSentinel, useCursorList, useDraft, When } from '../../shell/ui';
import { Comments } from './Comments';
import { ConfirmButton } from './ConfirmButton';
import { rememberHandle } from './handles';
import { cleanLinks, LinksEditor, useLinksDraft } from './LinksEditor';
import { MentionTextarea } from './MentionTextarea';
import { bodyAsText, PostBody } from './PostBody';
import { ReactionBar, totalReactions, WhoReacted } from './Reactions';
import type { Link as PostLink, Post, Revision } from './types';
import './feed.css';

const postPath = (id: string) => `/api/posts/${encodeURIComponent(id)}`;

type Panel = 'comments' | 'reactions' | 'history';

/**
 * One post as every feed shows it: who and when, its text with mentions and topics linked, links, what a
 * recognition or announcement adds, reactions, and the conversation. The author edits and deletes it here (an
 * admin, or a group owner via `canModerate`, may delete too, as feed-service allows).
 */
export function PostCard({
  post,
  onChange,
  onDelete,
  commentsOpen = false,
  canModerate = false,
}: {
  post: Post;
  onChange: (post: Post) => void;
  onDelete: (post: Post) => void;
  commentsOpen?: boolean;
  canModerate?: boolean;
}) {
  const me = useMe();
  // each panel opens on its own: reading the history or who reacted keeps the conversation open
  const [open, setOpen] = useState<ReadonlySet<Panel>>(() => new Set(commentsOpen ? ['comments'] : []));
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  rememberHandle(me.id, me.username);
  rememberHandle(post.authorId, post.authorHandle);
  post.recognition?.recipients.forEach((r) => rememberHandle(r.id, r.username));

  const author = post.authorName ?? 'Someone';
  const own = post.authorId === me.id;
  const mayDelete = own || canModerate || hasRole(me, 'admin');
  const toggle = (p: Panel) =>
    setOpen((old) => {
      const next = new Set(old);
      if (!next.delete(p)) next.add(p);
      return next;
    });

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await api<void>(postPath(post.id), { method: 'DELETE' });
      onDelete(post);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <article className="post card" aria-label={`Post by ${author}`}>
      <header className="post-head">
        <Avatar name={author} />
        <div className="post-meta">
          <div className="row">
            <Link className="author" to={`/people/${encodeURIComponent(post.authorId)}`}>
              {author}
            </Link>
            {post.authorFormer && <span className="badge muted-badge">Former employee</span>}
            {post.groupId && (
              <span className="small muted">
                in <Link to={`/groups/${encodeURIComponent(post.groupId)}`}>{post.groupName ?? 'a group'}</Link>
              </span>
            )}
          </div>
          <div className="row small muted">
            <Link to={`/posts/${encodeURIComponent(post.id)}`} className="permalink">
              <When at={post.createdAt} />
            </Link>
            {post.edited && (
              <>
                <span aria-hidden="true">·</span>
                <span className="edited">edited</span>
                <button
                  type="button"
                  className="link"
                  aria-expanded={open.has('history')}
                  onClick={() => toggle('history')}
                >
                  History
                </button>
              </>
            )}
          </div>
        </div>
        <KindBadges post={post} />
      </header>

      {post.recognition && <RecognitionLine post={post} />}

      {editing ? (
        <EditPost
          post={post}
          onDone={(changed) => {
            setEditing(false);
            if (changed) onChange(changed);
          }}
        />
      ) : (
        <>
          <PostBody html={post.body} mentions={post.mentions} />
          <LinkList links={post.links} />
        </>
      )}

      {post.announcement?.mustRead && !post.announcement.acknowledged && (
        <p className="small">
          <Link to="/announcements">Read and acknowledge in Announcements</Link>
        </p>
      )}

      <ReactionBar
        path={postPath(post.id)}
        state={{ reactions: post.reactions, myReaction: post.myReaction }}
        onChange={(s) => onChange({ ...post, ...s })}
      />

      <div className="row post-actions">
        <button type="button" aria-expanded={open.has('comments')} onClick={() => toggle('comments')}>
          Comments ({post.commentCount})
        </button>
        {totalReactions(post.reactions) > 0 && (
          <button type="button" aria-expanded={open.has('reactions')} onClick={() => toggle('reactions')}>
            Who reacted
          </button>
        )}
        {own && !editing && (
          <button type="button" onClick={() => setEditing(true)}>
            Edit
          </button>
        )}
        {mayDelete && (
          <ConfirmButton
            label="Delete"
            question="Delete this post?"
            confirmLabel="Yes, delete"
            busy={busy}
            onConfirm={() => void remove()}
          />
        )}
      </div>
      <ErrorNote error={error} />

      {open.has('history') && <History postId={post.id} mentions={post.mentions} />}
      {open.has('reactions') && <WhoReacted postId={post.id} counts={post.reactions} />}
      {open.has('comments') && (
        <Comments post={post} onCount={(delta) => onChange({ ...post, commentCount: Math.max(0, post.commentCount + delta) })} />
      )}
    </article>
  );
}

function KindBadges({ post }: { post: Post }) {
  const a = post.announcement;
  const pinned = a?.pinnedUntil && new Date(a.pinnedUntil).getTime() > Date.now();
  return (
    <div className="row kind-badges">
      {post.kind === 'RECOGNITION' && <span className="badge">Recognition</span>}
      {post.kind === 'ANNOUNCEMENT' && <span className="badge">Announcement</span>}
      {pinned && <span className="badge">Pinned</span>}
      {a?.mustRead && <span className="badge">{a.acknowledged ? 'Acknowledged' : 'Must read'}</span>}
    </div>
  );
}

function RecognitionLine({ post }: { post: Post }) {
  const r = post.recognition!;
  return (
    <p className="recognition">
      <span className="muted">Recognised </span>
      {r.recipients.map((p, i) => (
        <span key={p.id}>
          {i > 0 && (i === r.recipients.length - 1 ? ' and ' : ', ')}
          <Link to={`/people/${encodeURIComponent(p.id)}`}>{p.displayName}</Link>
        </span>
      ))}
      <span className="muted"> for </span>
      <span className="badge value">{r.value}</span>
      {r.badge && <span className="muted small"> · {r.badge}</span>}
    </p>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export function LinkList({ links }: { links: PostLink[] }) {
  if (links.length === 0) return null;
  return (
    <ul className="post-links" aria-label="Links">
      {links.map((l) => (
        <li key={l.url}>
          <a href={l.url} target="_blank" rel="noopener noreferrer nofollow">
            {l.title || hostOf(l.url)}
          </a>{' '}
          <span className="muted small">{hostOf(l.url)}</span>
        </li>
      ))}
    </ul>
  );
}

/** The author's edit: text and links; feed-service keeps the previous text in the history. */
function EditPost({ post, onDone }: { post: Post; onDone: (changed: Post | null) => void }) {
  const [body, setBody, clearBody] = useDraft(`post.edit.${post.id}`, bodyAsText(post.body));
  const links = useLinksDraft(`post.edit.${post.id}.links`, post.links);
  const { busy, error, run } = useAction();
  const save = (e?: FormEvent) => {
    e?.preventDefault();
    return run(async () => {
      const changed = await api<Post>(postPath(post.id), {
        method: 'PATCH',
        json: { body, links: cleanLinks(links.value) },
      });
      clearBody();
      links.clear();
      onDone(changed);
    });
  };
  const cancel = () => {
    clearBody();
    links.clear();
    onDone(null);
  };
  return (
    <form className="stack edit-post" onSubmit={(e) => void save(e)}>
      <MentionTextarea label="Edit text" value={body} onChange={setBody} rows={4} autoFocus onSubmitShortcut={() => void save()} />
      <LinksEditor links={links.value} onChange={links.set} />
      <ErrorNote error={error} />
      <div className="row">
        <button type="submit" className="primary" disabled={busy || !body.trim()}>
          Save
        </button>
        <button type="button" onClick={cancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Every text the post has had, newest first (GET /api/posts/{id}/history). */
function History({ postId, mentions }: { postId: string; mentions: string[] }) {
  const list = useCursorList<Revision>(
    (cursor) => api<Page<Revision>>(withQuery(`${postPath(postId)}/history`, { cursor, limit: 20 })),
    [postId],
  );
  return (
    <section className="history" aria-label="Edit history">
      <h2 className="small">Edit history</h2>
      <ErrorNote error={list.error} onRetry={() => void list.reload()} />
      <ol className="revisions">
        {list.items.map((r) => (
          <li key={r.revision}>
            <div className="small muted">
              {r.revision === 1 ? 'Original' : `Revision ${r.revision}`} · <When at={r.writtenAt} />
            </div>
            <PostBody html={r.body} mentions={mentions} />
            <LinkList links={r.links} />
          </li>
        ))}
      </ol>
      {!list.error && <MoreSentinel onVisible={list.more} loading={list.loading} done={list.done} />}
    </section>
  );
}
