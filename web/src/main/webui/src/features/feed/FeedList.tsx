import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, withQuery, type Page } from '../../api/client';
import { ErrorNote, Loading, MoreSentinel, useCursorList } from '../../shell/ui';
import { Composer } from './Composer';
import { PostCard } from './PostCard';
import type { Post } from './types';
import { subscribeLive } from '../notifications/live';

/**
 * A feed of posts over one cursor-paged endpoint, newest first, loading the next page as the reader scrolls.
 * With `composer`, a post written here is shown at the top at once when it belongs to this feed (otherwise a
 * note links to it).
 */
export function FeedList({
  path,
  composer,
  empty,
  canModerate = false,
  label,
  liveNews = false,
}: {
  /** e.g. `/api/feed/home`; the list restarts when it changes. */
  path: string;
  composer?: { feed: string; group?: { id: string; name: string }; accepts: (post: Post) => boolean };
  empty: string;
  canModerate?: boolean;
  label: string;
  /** Offer to show new posts when the notification stream tells of a post for me (a mention, an announcement…). */
  liveNews?: boolean;
}) {
  const list = useCursorList<Post>((cursor) => api<Page<Post>>(withQuery(path, { cursor, limit: 20 })), [path]);
  const [elsewhere, setElsewhere] = useState<Post | null>(null);
  const news = useNewPostNews(liveNews);

  // pinned announcements lead the first page; an id is shown once whatever the pages say
  const seen = new Set<string>();
  const posts = list.items.filter((p) => !seen.has(p.id) && seen.add(p.id));

  const replace = (post: Post) => list.setItems((old) => old.map((p) => (p.id === post.id ? post : p)));
  const remove = (post: Post) => list.setItems((old) => old.filter((p) => p.id !== post.id));

  return (
    <>
      {composer && (
        <Composer
          feed={composer.feed}
          group={composer.group}
          onPosted={(post) => {
            if (composer.accepts(post)) {
              setElsewhere(null);
              list.prepend(post);
            } else {
              setElsewhere(post);
            }
          }}
        />
      )}
      {elsewhere && (
        <p role="status" className="card small">
          Posted{elsewhere.groupName ? ` to ${elsewhere.groupName}` : ''}.{' '}
          <Link to={`/posts/${encodeURIComponent(elsewhere.id)}`}>See it</Link>
        </p>
      )}
      {news.arrived && (
        <button
          type="button"
          className="primary new-posts"
          onClick={() => {
            news.clear();
            void list.reload();
          }}
        >
          New posts: show them
        </button>
      )}
      <section role="feed" aria-label={label} aria-busy={list.loading} className="feed">
        {posts.map((post) => (
          <PostCard key={post.id} post={post} onChange={replace} onDelete={remove} canModerate={canModerate} />
        ))}
      </section>
      <ErrorNote error={list.error} onRetry={() => void list.reload()} />
      {list.loading && posts.length === 0 && <Loading label="Loading posts…" />}
      {list.done && posts.length === 0 && !list.error && <p className="muted card">{empty}</p>}
      {!list.error && posts.length > 0 && <MoreSentinel onVisible={list.more} loading={list.loading} done={list.done} />}
    </>
  );
}

/**
 * Whether the notification stream has told of a post for me since the feed was loaded. The feed is not rebuilt under
 * the reader's eyes: they choose when to see the new posts.
 */
function useNewPostNews(enabled: boolean) {
  const [arrived, setArrived] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    return subscribeLive((event) => {
      if (event.kind === 'notification' && event.item.postId) setArrived(true);
    });
  }, [enabled]);
  return { arrived, clear: () => setArrived(false) };
}
