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
  const news = useNewPostNews(path, liveNews);

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
 * Whether a post the notification stream told of has reached this feed since it was loaded. The stream can be faster
 * than the feed (home timelines are written by a consumer), so the first page is asked again a few times, backing
 * off, until the post is in it; a post that never shows (a comment on someone else's thread) offers nothing. The
 * feed is not rebuilt under the reader's eyes: they choose when to see the new posts.
 */
function useNewPostNews(path: string, enabled: boolean) {
  const [arrived, setArrived] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const look = (postId: string, attempt: number) => {
      const timer = setTimeout(async () => {
        timers.delete(timer);
        try {
          const page = await api<Page<Post>>(withQuery(path, { limit: 20 }));
          if (stopped) return;
          if (page.items.some((p) => p.id === postId)) setArrived(true);
          else if (attempt < NEWS_ATTEMPTS) look(postId, attempt + 1);
        } catch {
          // the next notification will look again; the feed itself shows its own errors
        }
      }, Math.min(500 * 2 ** attempt, 4_000));
      timers.add(timer);
    };
    const unsubscribe = subscribeLive((event) => {
      if (event.kind === 'notification' && event.item.postId) look(event.item.postId, 0);
    });
    return () => {
      stopped = true;
      timers.forEach(clearTimeout);
      unsubscribe();
    };
  }, [path, enabled]);
  return { arrived, clear: () => setArrived(false) };
}

/**
 * 0.5, 1, 2, then every 4 s: about a minute in all. A timeline consumer that has just restarted can lag the stream by
 * more than 15 s (seen in WebAppIT after a stack restart), so the window is a minute, not the first few seconds.
 */
const NEWS_ATTEMPTS = 16;
