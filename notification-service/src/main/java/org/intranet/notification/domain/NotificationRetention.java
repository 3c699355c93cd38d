package org.intranet.notification.domain;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.notification.config.NotificationConfig;
import org.intranet.notification.store.EmailStore;
import org.intranet.notification.store.NotificationStore;
import org.intranet.notification.store.ProcessedEventStore;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Keeps the tables to what is still needed: a notification read longer ago than
 * {@code intranet.notification.retention.read} (90 days) is deleted (unread ones stay until read), so are e-mails
 * sent or given up {@code email.keep} ago (30 days) and de-dup rows older than the {@link EventHorizon}. Runs every
 * hour on every replica, in batches that skip what another replica is deleting, with a log line of what it did.
 */
@ApplicationScoped
public class NotificationRetention {
    private static final Logger LOG = Logger.getLogger(NotificationRetention.class);

    private final NotificationStore notifications;
    private final EmailStore emails;
    private final ProcessedEventStore processedEvents;
    private final EventHorizon horizon;
    private final NotificationConfig config;
    private final Clock clock;

    NotificationRetention(NotificationStore notifications, EmailStore emails, ProcessedEventStore processedEvents,
            EventHorizon horizon, NotificationConfig config) {
        this.notifications = notifications;
        this.emails = emails;
        this.processedEvents = processedEvents;
        this.horizon = horizon;
        this.config = config;
        this.clock = Clock.systemUTC();
    }

    @Scheduled(every = "${intranet.notification.retention.interval:1h}", delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        try {
            prune();
        } catch (RuntimeException e) {
            LOG.warnf("notification retention paused, will retry: %s", e.getMessage());
        }
    }

    /** @return how many rows were deleted (notifications, e-mails done, de-dup rows) */
    public long prune() {
        Instant now = Instant.now(clock);
        return prune("notifications read", now.minus(config.retention().read()), notifications::deleteReadBefore)
                + prune("e-mails done", now.minus(config.email().keep()), emails::deleteDoneBefore)
                + prune("processed events", horizon.dedupCutoff(), processedEvents::deleteBefore);
    }

    private interface Deletion {
        int delete(Instant cutoff, int batch);
    }

    private long prune(String what, Instant cutoff, Deletion deletion) {
        int batch = config.retention().batch();
        long started = System.nanoTime();
        long deleted = 0;
        int last;
        do {
            last = deletion.delete(cutoff, batch);
            deleted += last;
        } while (last == batch);
        if (deleted > 0) {
            double seconds = Math.max((System.nanoTime() - started) / 1e9, 1e-3);
            LOG.infof("retention: deleted %d %s before %s in %.1f s (%.0f rows/s)", deleted, what, cutoff, seconds,
                    deleted / seconds);
        }
        return deleted;
    }
}
