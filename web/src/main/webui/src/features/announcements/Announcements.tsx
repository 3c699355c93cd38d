import { useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { api, withQuery, type Page } from '../../api/client';
import { hasRole, useMe, type Me } from '../../shell/session';
import { Avatar, ErrorNote, Loading, MoreSentinel, PageTitle, When, useCursorList } from '../../shell/ui';
import { refreshUnreadCount } from '../notifications/live';
import { useGroups } from './groups';
import type { AnnouncementInfo, AnnouncementPost } from './types';
import { PostBody } from '../feed/PostBody';
import './announcements.css';

/** `/announcements`: the live ones for me, unacknowledged must-read first, then pinned, then newest (server order). */
export function AnnouncementsPage() {
  const me = useMe();
  const mayPublish = hasRole(me, 'hr') || hasRole(me, 'admin');
  const list = useCursorList<AnnouncementPost>(
    (cursor) => api<Page<AnnouncementPost>>(withQuery('/api/announcements', { cursor, limit: 20 })),
    [],
  );
  const { setItems } = list;
  const needsGroupNames = list.items.some((p) => (p.announcement?.audience.groups.length ?? 0) > 0);
  const { groups } = useGroups(needsGroupNames);
  const groupNames = new Map((groups ?? []).map((g) => [g.id, g.name]));

  useScrollToHash(list.items.length);

  const update = (id: string, change: Partial<AnnouncementInfo>) =>
    setItems((items) =>
      items.map((p) => (p.id === id && p.announcement ? { ...p, announcement: { ...p.announcement, ...change } } : p)),
    );

  return (
    <>
      <PageTitle
        actions={
          mayPublish && (
            <Link to="/announcements/new" className="action-link">
              New announcement
            </Link>
          )
        }
      >
        Announcements
      </PageTitle>
      <ErrorNote error={list.error} onRetry={() => void list.reload()} />
      {list.items.length === 0 && !list.loading && !list.error && (
        <p className="muted">No announcements for you right now.</p>
      )}
      <div className="announcement-list">
        {list.items.map((post) => (
          <AnnouncementCard key={post.id} post={post} me={me} groupNames={groupNames} onChange={update} />
        ))}
      </div>
      {list.loading && list.items.length === 0 ? (
        <Loading />
      ) : (
        !list.error && <MoreSentinel onVisible={list.more} loading={list.loading} done={list.done} />
      )}
    </>
  );
}

/** A link from a notification (`#announcement-<id>`) scrolls to that announcement once it is on the page. */
function useScrollToHash(count: number) {
  const { hash } = useLocation();
  const done = useRef('');
  useEffect(() => {
    if (!hash.startsWith('#announcement-') || done.current === hash) return;
    const target = document.getElementById(hash.slice(1));
    if (!target) return;
    done.current = hash;
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  }, [hash, count]);
}

interface CardProps {
  post: AnnouncementPost;
  me: Me;
  groupNames: Map<string, string>;
  onChange: (id: string, change: Partial<AnnouncementInfo>) => void;
}

/** One announcement: who, what, for whom, until when; must-read ones with their Acknowledge button. */
function AnnouncementCard({ post, me, groupNames, onChange }: CardProps) {
  const info = post.announcement;
  const ref = useSeenWhenShown(post.id, info?.seen ?? true, () => onChange(post.id, { seen: true }));
  const pinned = !!info?.pinnedUntil && new Date(info.pinnedUntil).getTime() > Date.now();
  const mayReport = hasRole(me, 'hr') || hasRole(me, 'admin') || post.authorId === me.id;
  // feed-service may not know the author's name yet (its read-copy of profiles lags by an event)
  const author = post.authorName ?? 'Someone';
  return (
    <article
      ref={ref}
      id={`announcement-${post.id}`}
      tabIndex={-1}
      className={info?.mustRead && !info.acknowledged ? 'announcement card must-read-open' : 'announcement card'}
      aria-label={`Announcement by ${author}`}
    >
      <header className="spread">
        <div className="row">
          <Avatar name={author} />
          <div>
            <strong>{author}</strong>
            {post.authorFormer && <span className="muted small"> (former employee)</span>}
            <div className="muted small">
              <When at={post.createdAt} />
              {post.edited && ' · edited'}
            </div>
          </div>
        </div>
        <div className="row">
          {pinned && <span className="badge">Pinned</span>}
          {info?.mustRead && <span className="badge must-read">Must read</span>}
        </div>
      </header>
      {/* rebuilt from an allow-list like every post's text, never injected as HTML */}
      <div className="announcement-body">
        <PostBody html={post.body} mentions={post.mentions} />
      </div>
      {post.links.length > 0 && (
        <ul className="announcement-links">
          {post.links.map((l) => (
            <li key={l.url}>
              <a href={l.url} target="_blank" rel="noopener noreferrer nofollow">
                {l.title || new URL(l.url).host}
              </a>
            </li>
          ))}
        </ul>
      )}
      {info && <Details info={info} groupNames={groupNames} pinned={pinned} />}
      <footer className="row announcement-actions">
        {info?.mustRead && <Acknowledgement post={post} info={info} onChange={onChange} />}
        <Link to={`/posts/${post.id}`}>
          {post.commentCount === 0 ? 'Comment' : `${post.commentCount} ${post.commentCount === 1 ? 'comment' : 'comments'}`}
        </Link>
        {mayReport && <Link to={`/announcements/${post.id}/reach`}>Reach</Link>}
      </footer>
    </article>
  );
}

/** For whom, pinned until, expiring when. */
function Details({ info, groupNames, pinned }: { info: AnnouncementInfo; groupNames: Map<string, string>; pinned: boolean }) {
  const a = info.audience;
  const parts = [
    ...a.departments,
    ...a.locations,
    ...a.groups.map((id) => groupNames.get(id) ?? 'a group'),
  ];
  return (
    <dl className="announcement-details small muted">
      <div>
        <dt>For</dt>
        <dd>{a.everyone ? 'Everyone' : parts.join(', ') || 'Its audience'}</dd>
      </div>
      {pinned && info.pinnedUntil && (
        <div>
          <dt>Pinned until</dt>
          <dd>
            <DateTime at={info.pinnedUntil} />
          </dd>
        </div>
      )}
      {info.expiresAt && (
        <div>
          <dt>Expires</dt>
          <dd>
            <DateTime at={info.expiresAt} />
          </dd>
        </div>
      )}
    </dl>
  );
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function DateTime({ at }: { at: string }) {
  return <time dateTime={at}>{dateTime.format(new Date(at))}</time>;
}

/** A must-read's button, then the fact that it was acknowledged (there is no taking it back). */
function Acknowledgement({ post, info, onChange }: { post: AnnouncementPost; info: AnnouncementInfo; onChange: CardProps['onChange'] }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (info.acknowledged) {
    return (
      <span className="acknowledged">
        <span aria-hidden="true">✓ </span>Acknowledged
        {info.acknowledgedAt && (
          <span className="muted small">
            {' '}
            <When at={info.acknowledgedAt} />
          </span>
        )}
      </span>
    );
  }
  const acknowledge = async () => {
    setBusy(true);
    setError(null);
    try {
      const { acknowledgedAt } = await api<{ acknowledgedAt: string }>(
        `/api/announcements/${encodeURIComponent(post.id)}/ack`,
        { method: 'POST' },
      );
      onChange(post.id, { acknowledged: true, acknowledgedAt, seen: true });
      // the must-read's notification is marked read as the acknowledgement's event arrives: update the bell then
      setTimeout(() => void refreshUnreadCount().catch(() => undefined), 1500);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="primary" disabled={busy} onClick={() => void acknowledge()}>
        Acknowledge
      </button>
      <ErrorNote error={error} />
    </>
  );
}

/** Records "seen" (once) when an unseen announcement has really been on screen: what reach counts. */
function useSeenWhenShown(id: string, seen: boolean, onSeen: () => void) {
  const ref = useRef<HTMLElement>(null);
  const latest = useRef(onSeen);
  latest.current = onSeen;
  useEffect(() => {
    const el = ref.current;
    if (!el || seen) return;
    let sent = false;
    const observer = new IntersectionObserver(
      (entries) => {
        // half of it on screen, or half a screen of it when it is taller than two screens
        const shown = entries.some(
          (e) => e.isIntersecting && (e.intersectionRatio >= 0.5 || e.intersectionRect.height >= window.innerHeight / 2),
        );
        if (sent || !shown) return;
        sent = true;
        observer.disconnect();
        api<void>(`/api/announcements/${encodeURIComponent(id)}/seen`, { method: 'POST' }).then(
          () => latest.current(),
          () => {
            // not worth an error on screen: opening it or acknowledging it records seen too
          },
        );
      },
      { threshold: [0, 0.1, 0.25, 0.5, 1] },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [id, seen]);
  return ref;
}
