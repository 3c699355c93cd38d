import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api, withQuery, type Page } from '../../api/client';
import { hasRole, useMe } from '../../shell/session';
import { useAction } from '../../shell/async';
import { Avatar, ErrorNote, MoreSentinel, useCursorList, useDraft, When } from '../../shell/ui';
import { ConfirmButton } from './ConfirmButton';
import { rememberHandle } from './handles';
import { MentionTextarea } from './MentionTextarea';
import { bodyAsText, PostBody } from './PostBody';
import { ReactionBar } from './Reactions';
import type { Comment, Post } from './types';

const commentsPath = (postId: string) => `/api/posts/${encodeURIComponent(postId)}/comments`;

/**
 * A post's conversation: top-level comments oldest first (as a conversation reads), each with its replies one
 * level deep, and a box to add one. `onCount` tells the post card how many comments it now has.
 */
export function Comments({ post, onCount }: { post: Post; onCount: (delta: number) => void }) {
  const list = useCursorList<Comment>(
    (cursor) => api<Page<Comment>>(withQuery(commentsPath(post.id), { cursor, limit: 20 })),
    [post.id],
  );
  const replace = (c: Comment) => list.setItems((old) => old.map((o) => (o.id === c.id ? c : o)));
  return (
    <section className="comments" aria-label="Comments">
      <ErrorNote error={list.error} onRetry={() => void list.reload()} />
      {list.items.length > 0 && (
        <ul className="comment-list">
          {list.items.map((c) => (
            <CommentItem
              key={c.id}
              post={post}
              comment={c}
              onChanged={replace}
              onDeleted={() => {
                list.setItems((old) => old.filter((o) => o.id !== c.id));
                onCount(-(1 + c.replyCount));
              }}
              onReplyCount={(delta) => {
                replace({ ...c, replyCount: c.replyCount + delta });
                onCount(delta);
              }}
            />
          ))}
        </ul>
      )}
      {!list.error && <MoreSentinel onVisible={list.more} loading={list.loading} done={list.done} />}
      <CommentForm
        postId={post.id}
        parentId={null}
        onAdded={(c) => {
          list.setItems((old) => [...old, c]);
          onCount(1);
        }}
      />
    </section>
  );
}

function CommentItem({
  post,
  comment,
  onChanged,
  onDeleted,
  onReplyCount,
}: {
  post: Post;
  comment: Comment;
  onChanged: (c: Comment) => void;
  onDeleted: () => void;
  onReplyCount?: (delta: number) => void;
}) {
  const me = useMe();
  const [editing, setEditing] = useState(false);
  const [replying, setReplying] = useState(false);
  const [showReplies, setShowReplies] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  rememberHandle(comment.authorId, comment.authorHandle);
  const own = comment.authorId === me.id;
  // feed-service lets the comment's author, the post's author and an admin delete it
  const mayDelete = own || post.authorId === me.id || hasRole(me, 'admin');
  const isTopLevel = comment.parentId === null;
  const path = `${commentsPath(post.id)}/${encodeURIComponent(comment.id)}`;
  const name = comment.authorName ?? 'Someone';

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await api<void>(path, { method: 'DELETE' });
      onDeleted();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <li className="comment">
      <article aria-label={`Comment by ${name}`}>
        <div className="row comment-head">
          <Avatar name={name} size={28} />
          <Link to={`/people/${encodeURIComponent(comment.authorId)}`} className="author">
            {name}
          </Link>
          <span className="muted small">
            <When at={comment.createdAt} />
            {comment.edited && ' · edited'}
          </span>
        </div>
        {editing ? (
          <EditComment
            path={path}
            comment={comment}
            onDone={(c) => {
              setEditing(false);
              if (c) onChanged(c);
            }}
          />
        ) : (
          <PostBody html={comment.body} mentions={comment.mentions} />
        )}
        <ReactionBar
          path={path}
          target="comment"
          state={{ reactions: comment.reactions, myReaction: comment.myReaction }}
          onChange={(s) => onChanged({ ...comment, ...s })}
        />
        <div className="row small actions">
          {isTopLevel && (
            <button type="button" className="link" aria-expanded={replying} onClick={() => setReplying((r) => !r)}>
              Reply
            </button>
          )}
          {own && !editing && (
            <button type="button" className="link" onClick={() => setEditing(true)}>
              Edit
            </button>
          )}
          {mayDelete && (
            <ConfirmButton
              className="link danger"
              label="Delete"
              question={isTopLevel && comment.replyCount > 0 ? 'Delete this comment and its replies?' : 'Delete this comment?'}
              confirmLabel="Yes, delete"
              busy={busy}
              onConfirm={() => void remove()}
            />
          )}
        </div>
        <ErrorNote error={error} />
      </article>
      {isTopLevel && (comment.replyCount > 0 || replying) && (
        <Replies
          post={post}
          parent={comment}
          open={showReplies || replying}
          onOpen={() => setShowReplies(true)}
          replying={replying}
          onReplied={() => {
            setShowReplies(true);
            setReplying(false);
            onReplyCount?.(1);
          }}
          onReplyCount={(d) => onReplyCount?.(d)}
        />
      )}
    </li>
  );
}

/** The replies of one top-level comment, loaded when asked for, and the reply box. */
function Replies({
  post,
  parent,
  open,
  onOpen,
  replying,
  onReplied,
  onReplyCount,
}: {
  post: Post;
  parent: Comment;
  open: boolean;
  onOpen: () => void;
  replying: boolean;
  onReplied: () => void;
  onReplyCount: (delta: number) => void;
}) {
  if (!open) {
    return (
      <button type="button" className="link small replies-toggle" aria-expanded="false" onClick={onOpen}>
        {parent.replyCount === 1 ? 'Show 1 reply' : `Show ${parent.replyCount} replies`}
      </button>
    );
  }
  return <ReplyList post={post} parent={parent} replying={replying} onReplied={onReplied} onReplyCount={onReplyCount} />;
}

function ReplyList({
  post,
  parent,
  replying,
  onReplied,
  onReplyCount,
}: {
  post: Post;
  parent: Comment;
  replying: boolean;
  onReplied: () => void;
  onReplyCount: (delta: number) => void;
}) {
  const list = useCursorList<Comment>(
    (cursor) => api<Page<Comment>>(withQuery(commentsPath(post.id), { parentId: parent.id, cursor, limit: 20 })),
    [post.id, parent.id],
  );
  return (
    <div className="replies">
      <ErrorNote error={list.error} onRetry={() => void list.reload()} />
      {list.items.length > 0 && (
        <ul className="comment-list" aria-label={`Replies to ${parent.authorName ?? 'comment'}`}>
          {list.items.map((r) => (
            <CommentItem
              key={r.id}
              post={post}
              comment={r}
              onChanged={(c) => list.setItems((old) => old.map((o) => (o.id === c.id ? c : o)))}
              onDeleted={() => {
                list.setItems((old) => old.filter((o) => o.id !== r.id));
                onReplyCount(-1);
              }}
            />
          ))}
        </ul>
      )}
      {!list.error && <MoreSentinel onVisible={list.more} loading={list.loading} done={list.done} />}
      {replying && (
        <CommentForm
          postId={post.id}
          parentId={parent.id}
          onAdded={(c) => {
            list.setItems((old) => (old.some((o) => o.id === c.id) ? old : [...old, c]));
            onReplied();
          }}
        />
      )}
    </div>
  );
}

/** A new comment (or a reply, with `parentId`); the text is a draft until the API has it. */
function CommentForm({
  postId,
  parentId,
  onAdded,
}: {
  postId: string;
  parentId: string | null;
  onAdded: (c: Comment) => void;
}) {
  const [body, setBody, clear] = useDraft(parentId ? `reply.${postId}.${parentId}` : `comment.${postId}`);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (!body.trim() || busy) return;
    setBusy(true);
    setError(null);
    try {
      const added = await api<Comment>(commentsPath(postId), { method: 'POST', json: { body, parentId } });
      clear();
      onAdded(added);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="comment-form stack" onSubmit={(e) => void submit(e)}>
      <MentionTextarea
        label={parentId ? 'Write a reply' : 'Write a comment'}
        placeholder={parentId ? 'Reply…' : 'Add a comment… (@ to mention, # for a topic)'}
        value={body}
        onChange={setBody}
        rows={2}
        autoFocus={parentId !== null}
        onSubmitShortcut={() => void submit()}
      />
      <ErrorNote error={error} />
      <div className="row">
        <button type="submit" className="primary" disabled={busy || !body.trim()}>
          {parentId ? 'Send reply' : 'Add comment'}
        </button>
      </div>
    </form>
  );
}

function EditComment({ path, comment, onDone }: { path: string; comment: Comment; onDone: (c: Comment | null) => void }) {
  const [body, setBody, clear] = useDraft(`comment.edit.${comment.id}`, bodyAsText(comment.body));
  const { busy, error, run } = useAction();
  const save = (e?: FormEvent) => {
    e?.preventDefault();
    return run(async () => {
      const changed = await api<Comment>(path, { method: 'PATCH', json: { body } });
      clear();
      onDone(changed);
    });
  };
  return (
    <form className="stack" onSubmit={(e) => void save(e)}>
      <MentionTextarea label="Edit comment" value={body} onChange={setBody} rows={2} autoFocus onSubmitShortcut={() => void save()} />
      <ErrorNote error={error} />
      <div className="row">
        <button type="submit" className="primary" disabled={busy || !body.trim()}>
          Save
        </button>
        <button
          type="button"
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
