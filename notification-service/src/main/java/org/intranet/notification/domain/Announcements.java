package org.intranet.notification.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.intranet.contracts.AnnouncementAcknowledged;
import org.intranet.contracts.AnnouncementPublished;
import org.intranet.kit.events.PoisonEventException;
import org.intranet.kit.events.ProcessedEvents;
import org.intranet.kit.visibility.Principals;
import org.intranet.notification.config.NotificationConfig;
import org.intranet.notification.store.BroadcastStore;
import org.intranet.notification.store.NotificationStore;

/**
 * Announcements reach their audience without a row per person at publication: publishing stores one broadcast, and
 * each person's {@code ANNOUNCEMENT} notification is written the first time they look (list, count, stream) or, when
 * they are connected, at once. An announcement to 100,000 people thus costs one insert, and what nobody looks at
 * costs nothing. Acknowledging a must-read one marks it read.
 */
@ApplicationScoped
public class Announcements {
    /** Fired (CDI) when a broadcast is stored, observed after commit: live streams deliver it to who may see it. */
    public record Published(String postId) {
    }

    private final ProcessedEvents processed;
    private final BroadcastStore broadcasts;
    private final NotificationStore notifications;
    private final NotificationWriter writer;
    private final NotificationConfig config;
    private final Event<Published> published;
    private final Event<NotificationCreated> created;
    private final Clock clock = Clock.systemUTC();

    Announcements(ProcessedEvents processed, BroadcastStore broadcasts, NotificationStore notifications,
            NotificationWriter writer, NotificationConfig config, Event<Published> published,
            Event<NotificationCreated> created) {
        this.processed = processed;
        this.broadcasts = broadcasts;
        this.notifications = notifications;
        this.writer = writer;
        this.config = config;
        this.published = published;
        this.created = created;
    }

    @Transactional
    public void published(String eventId, AnnouncementPublished a) {
        PostNotifier.requireIds(eventId, "announcement.published", a.postId(), a.authorId());
        if (!processed.markOnce(PostNotifier.CONSUMER, eventId)) {
            return;
        }
        NotificationWriter.Actor author = writer.actor(a.authorId());
        if (author.erased()) {
            return;
        }
        String authorName = author.name();
        Instant at = (a.publishedAt() != null ? a.publishedAt() : Instant.now(clock)).truncatedTo(ChronoUnit.MICROS);
        if (broadcasts.insert(a.postId(), a.authorId(), authorName, PostNotifier.clean(a.audience()), a.mustRead(),
                NotificationText.announcement(authorName, a.mustRead(), a.body()), at, a.expiresAt())) {
            published.fire(new Published(a.postId()));
        }
    }

    @Transactional
    public void acknowledged(String eventId, AnnouncementAcknowledged ack) {
        if (ack.postId() == null || ack.postId().isBlank() || ack.employeeId() == null || ack.employeeId().isBlank()) {
            throw new PoisonEventException("announcement.acknowledged " + eventId + " lacks postId or employeeId");
        }
        if (!processed.markOnce(PostNotifier.CONSUMER, eventId)) {
            return;
        }
        Instant at = ack.acknowledgedAt() != null ? ack.acknowledgedAt() : Instant.now(clock);
        broadcasts.acknowledge(ack.postId(), ack.employeeId(), at);
        notifications.markReadByKey(ack.employeeId(), "announcement:" + ack.postId(), at);
    }

    /**
     * Writes the reader's notifications of announcements they may see and have none of yet (published within
     * {@code intranet.notification.broadcast.window}), each announced to live streams after commit.
     */
    @Transactional
    public List<Notification> deliver(Principals reader) {
        Instant now = Instant.now(clock);
        List<Notification> written = broadcasts.deliver(reader, now.minus(config.broadcast().window()), now);
        written.forEach(n -> created.fire(new NotificationCreated(n)));
        return written;
    }
}
