import { useCallback, useEffect, useState, type MouseEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, withQuery, type Page } from '../../api/client';
import { Avatar, ErrorNote, Loading, MoreSentinel, PageTitle, When, useCursorList } from '../../shell/ui';
import { publishCount, refreshUnreadCount, subscribeLive } from './live';
import { TYPE_LABELS, linkOf, type NotificationItem } from './types';
import './notifications.css';

/** `/notifications`: newest first, grouped by day, live, with mark-as-read one by one or all at once. */
export function NotificationsPage() {
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const list = useCursorList<NotificationItem>(
    (cursor) => api<Page<NotificationItem>>(withQuery('/api/notifications', { unread: unreadOnly || null, cursor, limit: 30 })),
    [unreadOnly],
  );
  const { setItems } = list;

  // New and regrouped notifications arrive live: a regrouped one (same id) moves to the top, unread again.
  useEffect(
    () =>
      subscribeLive((event) => {
        if (event.kind !== 'notification') return;
        setItems((items) => [event.item, ...items.filter((n) => n.id !== event.item.id)]);
      }),
    [setItems],
  );

  const markRead = useCallback(
    async (id: string) => {
      setActionError(null);
      try {
        await api<void>(`/api/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' });
        setItems((items) =>
          unreadOnly ? items.filter((n) => n.id !== id) : items.map((n) => (n.id === id ? { ...n, read: true } : n)),
        );
        await refreshUnreadCount();
      } catch (e) {
        setActionError(e);
      }
    },
    [setItems, unreadOnly],
  );

  const markAllRead = async () => {
    setActionError(null);
    setBusy(true);
    try {
      await api<{ updated: number }>('/api/notifications/read-all', { method: 'POST' });
      setItems((items) => (unreadOnly ? [] : items.map((n) => ({ ...n, read: true }))));
      publishCount(0);
    } catch (e) {
      setActionError(e);
    } finally {
      setBusy(false);
    }
  };

  const hasUnread = list.items.some((n) => !n.read);
  return (
    <>
      <PageTitle
        actions={
          <div className="row">
            <Link to="/settings/notifications">Notification settings</Link>
            <button type="button" onClick={() => void markAllRead()} disabled={busy || !hasUnread}>
              Mark all as read
            </button>
          </div>
        }
      >
        Notifications
      </PageTitle>
      <label className="row inline-check">
        <input type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} />
        Unread only
      </label>
      <ErrorNote error={actionError} />
      <ErrorNote error={list.error} onRetry={() => void list.reload()} />
      {list.items.length === 0 && !list.loading && !list.error && (
        <p className="muted">{unreadOnly ? 'Nothing unread. You are all caught up.' : 'No notifications yet.'}</p>
      )}
      {groupByDay(list.items).map((day) => (
        <section key={day.key} className="notification-day" aria-labelledby={`day-${day.key}`}>
          <h2 id={`day-${day.key}`} className="day-heading">
            {day.label}
          </h2>
          <ul className="notification-list">
            {day.items.map((n) => (
              <NotificationRow key={n.id} item={n} onRead={markRead} />
            ))}
          </ul>
        </section>
      ))}
      {list.loading && list.items.length === 0 ? (
        <Loading />
      ) : (
        !list.error && <MoreSentinel onVisible={list.more} loading={list.loading} done={list.done} />
      )}
    </>
  );
}

/** One notification: what happened and who, a link to it (which marks it read), and its own mark-as-read. */
function NotificationRow({ item, onRead }: { item: NotificationItem; onRead: (id: string) => Promise<void> }) {
  const navigate = useNavigate();
  const to = linkOf(item);
  const open = (e: MouseEvent<HTMLAnchorElement>) => {
    // plain clicks only: a middle or modified click opens a tab and leaves this one as it is
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    if (!item.read) void onRead(item.id);
    navigate(to);
  };
  return (
    <li className={item.read ? 'notification card' : 'notification card unread'}>
      <Avatar name={item.actorName ?? TYPE_LABELS[item.type]} />
      <div className="notification-body">
        <div className="row small">
          <span className="badge">{TYPE_LABELS[item.type] ?? item.type}</span>
          {item.mustRead && <span className="badge must-read">Must read</span>}
          {!item.read && <span className="unread-dot">Unread</span>}
          <span className="muted">
            <When at={item.createdAt} />
          </span>
        </div>
        {/* the text names who and what ("Alice Martin and 2 others commented on your post: …"), as plain text */}
        <Link to={to} onClick={open} className="notification-text">
          {item.text}
        </Link>
      </div>
      {!item.read && (
        <button type="button" className="link small" onClick={() => void onRead(item.id)}>
          Mark as read
        </button>
      )}
    </li>
  );
}

interface Day {
  key: string;
  label: string;
  items: NotificationItem[];
}

const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

/** Consecutive items of one local calendar day, labelled Today, Yesterday or the date (the list is newest first). */
function groupByDay(items: NotificationItem[]): Day[] {
  const now = new Date();
  const today = startOfDay(now);
  // from the calendar, not today minus 24 h: a daylight-saving day is 23 or 25 hours long
  const yesterday = startOfDay(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1));
  const days: Day[] = [];
  for (const item of items) {
    const date = new Date(item.createdAt);
    const start = startOfDay(date);
    const key = String(start);
    let day = days[days.length - 1];
    if (!day || day.key !== key) {
      const label = start === today ? 'Today' : start === yesterday ? 'Yesterday' : dayFormat.format(date);
      day = { key, label, items: [] };
      days.push(day);
    }
    day.items.push(item);
  }
  return days;
}

function startOfDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}
