import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { refreshUnreadCount, subscribeLive } from './live';
import { countText } from './types';
import './notifications.css';

/**
 * The top bar's bell: the unread count, read once at start and then kept live over the notification stream.
 * The count is in the link's name for screen readers (only once it is known); the badge shows only when there is
 * something unread.
 */
export function Bell() {
  // null until the first count arrives: the name says no number rather than a wrong one
  const [count, setCount] = useState<number | null>(null);

  useEffect(() => {
    let active = true;
    const stop = subscribeLive((event) => {
      if (active && event.kind === 'count') setCount(event.count);
    });
    // the stream's first unread-count arrives after it connects; this shows the number at once
    refreshUnreadCount().catch(() => {
      /* the stream brings the count once it is up; a failed first read is not worth an error in the top bar */
    });
    return () => {
      active = false;
      stop();
    };
  }, []);

  const text = countText(count ?? 0);
  return (
    <Link to="/notifications" className="bell" aria-label={count === null ? 'Notifications' : `Notifications, ${text} unread`}>
      <BellIcon />
      {count !== null && count > 0 && (
        <span className="bell-count" data-testid="unread-count" aria-hidden="true">
          {text}
        </span>
      )}
    </Link>
  );
}

function BellIcon() {
  return (
    <svg width="24" height="24" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
        d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0"
      />
    </svg>
  );
}
