package org.intranet.notification.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.intranet.kit.api.Caller;
import org.intranet.kit.domain.NotFoundException;
import org.intranet.notification.store.NotificationStore;

/**
 * The caller's own notifications, and nobody else's: every operation is scoped to the token's subject and to what
 * the caller may still see. Someone else's notification id is answered exactly like an unknown one.
 */
@ApplicationScoped
public class NotificationInbox {
    public static final int UNREAD_COUNT_CAP = 1000;
    private final NotificationStore notifications;
    private final PrincipalDirectory principals;
    private final Clock clock = Clock.systemUTC();

    NotificationInbox(NotificationStore notifications, PrincipalDirectory principals) {
        this.notifications = notifications;
        this.principals = principals;
    }

    /** @param next the cursor of the following page, or null on the last page */
    public record Page(List<Notification> items, Cursor next) {
    }

    @Transactional
    public Page page(Caller caller, boolean unreadOnly, Cursor after, int limit) {
        // one extra row tells whether another page follows without a count query
        List<Notification> rows = notifications.page(caller.id(), principals.ofCaller(caller), unreadOnly, after,
                limit + 1);
        if (rows.size() <= limit) {
            return new Page(rows, null);
        }
        List<Notification> items = rows.subList(0, limit);
        return new Page(List.copyOf(items), Cursor.after(items.get(limit - 1)));
    }

    /** Exact up to {@link #UNREAD_COUNT_CAP}, then {@link #UNREAD_COUNT_CAP}: clients show "999+" beyond 999. */
    @Transactional
    public long unreadCount(Caller caller) {
        return notifications.unreadCount(caller.id(), principals.ofCaller(caller), UNREAD_COUNT_CAP);
    }

    /** Idempotent: marking a read notification read again succeeds and changes nothing. */
    @Transactional
    public void markRead(Caller caller, String id) {
        UUID uuid = parse(id);
        if (uuid == null || !notifications.markRead(uuid, caller.id(), principals.ofCaller(caller), now())) {
            throw new NotFoundException("you have no notification with id " + id);
        }
    }

    /** @return how many were unread before */
    @Transactional
    public int markAllRead(Caller caller) {
        return notifications.markAllRead(caller.id(), principals.ofCaller(caller), now());
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
