package org.intranet.notification.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.intranet.kit.api.Caller;
import org.intranet.kit.domain.NotFoundException;
import org.intranet.kit.paging.Position;
import org.intranet.kit.visibility.Principals;
import org.intranet.kit.visibility.Readers;
import org.intranet.notification.store.NotificationStore;

/**
 * The caller's own notifications, and nobody else's: every operation is scoped to the token's subject and to what
 * the caller may still see. Someone else's notification id is answered exactly like an unknown one.
 */
@ApplicationScoped
public class NotificationInbox {
    public static final int UNREAD_COUNT_CAP = 1000;
    private static final int EXPORT_PAGE = 500;
    static final int REPLAY_LIMIT = 500;
    private final NotificationStore notifications;
    private final Readers readers;
    private final Announcements announcements;
    private final Clock clock = Clock.systemUTC();

    NotificationInbox(NotificationStore notifications, Readers readers, Announcements announcements) {
        this.notifications = notifications;
        this.readers = readers;
        this.announcements = announcements;
    }

    /** The caller's principals, once their announcements are in their list (written the first time they look). */
    private Principals withAnnouncements(Caller caller) {
        Principals me = readers.of(caller);
        announcements.deliver(me);
        return me;
    }

    /** @param next where the following page starts, or null on the last page */
    public record Page(List<Notification> items, Position next) {
    }

    /**
     * Reads run without a transaction (the announcement delivery before the first page has its own): nothing to
     * commit, and the connection goes back to the pool at once.
     */
    public Page page(Caller caller, boolean unreadOnly, Position after, int limit) {
        Principals me = after == null ? withAnnouncements(caller) : readers.of(caller);
        // one extra row tells whether another page follows without a count query
        List<Notification> rows = notifications.page(me, unreadOnly, after, limit + 1);
        if (rows.size() <= limit) {
            return new Page(rows, null);
        }
        List<Notification> items = List.copyOf(rows.subList(0, limit));
        return new Page(items, positionOf(items.get(limit - 1)));
    }

    /**
     * GDPR: all of the caller's notifications, newest first, under the same visibility rule as the list (a
     * notification about something the caller may no longer see is not exported either: that content is not theirs).
     */
    public List<Notification> all(Caller caller) {
        Principals me = withAnnouncements(caller);
        List<Notification> all = new ArrayList<>();
        Position after = null;
        List<Notification> page;
        do {
            page = notifications.page(me, false, after, EXPORT_PAGE);
            all.addAll(page);
            after = page.isEmpty() ? null : positionOf(page.get(page.size() - 1));
        } while (page.size() == EXPORT_PAGE);
        return all;
    }

    /** The visibility rule for one notification, as the list applies it in SQL (used by the live stream). */
    public boolean canSee(Caller caller, Notification notification) {
        return caller.id().equals(notification.recipientId())
                && readers.of(caller).canSee(notification.audience(), notification.subject().authorId());
    }

    /** Exact up to {@link #UNREAD_COUNT_CAP}, then {@link #UNREAD_COUNT_CAP}: clients show "999+" beyond 999. */
    public long unreadCount(Caller caller) {
        return notifications.unreadCount(withAnnouncements(caller), UNREAD_COUNT_CAP);
    }

    /** The unread count as it stands, without writing new announcements first (a live stream's running count). */
    public long countUnread(Caller caller) {
        return notifications.unreadCount(readers.of(caller), UNREAD_COUNT_CAP);
    }

    /**
     * What a reconnecting live stream missed since {@code since}, oldest first, at most {@link #REPLAY_LIMIT} (a
     * client that was away longer re-reads the list). Also writes the caller's new announcements, which are then
     * pushed live.
     */
    public List<Notification> since(Caller caller, Position since) {
        Principals me = withAnnouncements(caller);
        return since == null ? List.of() : notifications.newerThan(me, since, REPLAY_LIMIT);
    }

    /** Where a notification stands in the caller's list: a live stream's event id, to resume from. */
    public static Position positionOf(Notification n) {
        return new Position(n.createdAt(), n.id());
    }

    /** Idempotent: marking a read notification read again succeeds and changes nothing. */
    @Transactional
    public void markRead(Caller caller, String id) {
        UUID uuid = parse(id);
        if (uuid == null || !notifications.markRead(uuid, readers.of(caller), now())) {
            throw new NotFoundException("you have no notification with id " + id);
        }
    }

    /** @return how many were unread before */
    @Transactional
    public int markAllRead(Caller caller) {
        return notifications.markAllRead(withAnnouncements(caller), now());
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static UUID parse(String id) {
        try {
            UUID uuid = UUID.fromString(id);
            // UUID.fromString accepts shortened forms; only the canonical form names a notification
            return uuid.toString().equalsIgnoreCase(id) ? uuid : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
