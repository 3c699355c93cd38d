package org.intranet.notification.domain;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.notification.config.NotificationConfig;

/**
 * How old an event may be and still notify anyone: {@code intranet.notification.retention.events} (14 days). The
 * de-dup rows of {@code processed_events} are kept exactly as long, then deleted; an older event (a replay of the
 * topics from the beginning, a dead letter replayed weeks later) no longer has its row, so it must not notify again.
 * It still updates the read-copies (membership, groups), which converge whatever is replayed.
 */
@ApplicationScoped
public class EventHorizon {
    private final NotificationConfig config;
    private final Clock clock = Clock.systemUTC();

    EventHorizon(NotificationConfig config) {
        this.config = config;
    }

    /** @param publishedAt when the event was published (the Kafka record's timestamp) */
    public boolean tooOldToNotify(Instant publishedAt) {
        return publishedAt != null && publishedAt.isBefore(Instant.now(clock).minus(config.retention().events()));
    }

    /** De-dup rows older than this may go: no event older than it notifies anyone. */
    public Instant dedupCutoff() {
        return Instant.now(clock).minus(config.retention().events());
    }
}
