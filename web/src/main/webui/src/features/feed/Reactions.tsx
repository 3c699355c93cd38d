import { useState } from 'react';
import { Link } from 'react-router';
import { api, withQuery, type Page } from '../../api/client';
import { Avatar, ErrorNote, MoreSentinel, useCursorList, When } from '../../shell/ui';
import type { ReactionCounts, ReactionsState, ReactionType, Reactor } from './types';

export const REACTIONS: { type: ReactionType; label: string }[] = [
  { type: 'LIKE', label: 'Like' },
  { type: 'CELEBRATE', label: 'Celebrate' },
  { type: 'SUPPORT', label: 'Support' },
  { type: 'INSIGHTFUL', label: 'Insightful' },
  { type: 'FUNNY', label: 'Funny' },
];

export const reactionLabel = (type: ReactionType) => REACTIONS.find((r) => r.type === type)?.label ?? type;

/**
 * The five reactions with their counts; the person's own is pressed, and pressing it again takes it back
 * (PUT sets or switches, DELETE removes). `path` is the post's or the comment's API path; each button is named
 * "Like, 3" on a post and "Like comment, 3" on a comment, so the two never share a name.
 */
export function ReactionBar({
  path,
  state,
  onChange,
  target = 'post',
}: {
  path: string;
  state: ReactionsState;
  onChange: (next: ReactionsState) => void;
  target?: 'post' | 'comment';
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const toggle = async (type: ReactionType) => {
    setBusy(true);
    setError(null);
    try {
      const method = state.myReaction === type ? 'DELETE' : 'PUT';
      onChange(await api<ReactionsState>(`${path}/reactions/${type}`, { method }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <div className={`reactions ${target}-reactions`} role="group" aria-label={target === 'post' ? 'Reactions' : 'Comment reactions'}>
        {REACTIONS.map(({ type, label }) => {
          const count = state.reactions[type] ?? 0;
          const mine = state.myReaction === type;
          return (
            <button
              key={type}
              type="button"
              className={mine ? 'reaction mine' : 'reaction'}
              aria-pressed={mine}
              disabled={busy}
              onClick={() => void toggle(type)}
            >
              {/* the name is the visible text (WCAG 2.5.3): "Celebrate 1", "Like comment" */}
              {label}
              {target === 'comment' && <span className="visually-hidden"> comment</span>}
              {count > 0 && <span className="count"> {count}</span>}
            </button>
          );
        })}
      </div>
      <ErrorNote error={error} />
    </>
  );
}

export function totalReactions(counts: ReactionCounts): number {
  return Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
}

/** Who reacted to a post, newest first, optionally one type only (GET /api/posts/{id}/reactions?type=). */
export function WhoReacted({ postId, counts }: { postId: string; counts: ReactionCounts }) {
  const [type, setType] = useState<ReactionType | ''>('');
  const list = useCursorList<Reactor>(
    (cursor) =>
      api<Page<Reactor>>(withQuery(`/api/posts/${encodeURIComponent(postId)}/reactions`, { type, cursor, limit: 20 })),
    [postId, type],
  );
  return (
    <section className="who-reacted" aria-label="Who reacted">
      <label className="row small">
        Show
        <select value={type} onChange={(e) => setType(e.target.value as ReactionType | '')}>
          <option value="">All reactions ({totalReactions(counts)})</option>
          {REACTIONS.map((r) => (
            <option key={r.type} value={r.type}>
              {r.label} ({counts[r.type] ?? 0})
            </option>
          ))}
        </select>
      </label>
      <ErrorNote error={list.error} onRetry={() => void list.reload()} />
      {list.done && list.items.length === 0 && !list.error && <p className="muted small">No reactions yet.</p>}
      <ul className="people-list">
        {list.items.map((r) => (
          <li key={`${r.employeeId}-${r.type}`} className="row">
            <Avatar name={r.name ?? '?'} size={28} />
            {r.name ? <Link to={`/people/${encodeURIComponent(r.employeeId)}`}>{r.name}</Link> : <span className="muted">Someone new</span>}
            <span className="badge">{reactionLabel(r.type)}</span>
            <span className="muted small">
              <When at={r.reactedAt} />
            </span>
          </li>
        ))}
      </ul>
      {!list.error && <MoreSentinel onVisible={list.more} loading={list.loading} done={list.done} />}
    </section>
  );
}
