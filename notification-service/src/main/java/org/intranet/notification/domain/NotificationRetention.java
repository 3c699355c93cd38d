package org.intranet.notification.domain;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.notification.config.NotificationConfig;
import org.intranet.notification.store.NotificationStore;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Keeps the table to what people still need: a notification read longer ago than
 * {@code intranet.notification.retention.read} (90 days) is deleted; unread ones stay until read. Runs every hour on
 * every replica, in batches that skip what another replica is deleting, with a log line of what it did.
 */
@ApplicationScoped
public class NotificationRetention {
    private static final Logger LOG = Logger.getLogger(NotificationRetention.class);

    private final NotificationStore notifications;
    private final NotificationConfig config;
    private final Clock clock;

    NotificationRetention(NotificationStore notifications, NotificationConfig config) {
        this.notifications = notifications;
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

    /** @return how many notifications were deleted */
    public long prune() {
        Instant cutoff = Instant.now(clock).minus(config.retention().read());
        int batch = config.retention().batch();
        long started = System.nanoTime();
        long deleted = 0;
        int last;
        do {
            last = notifications.deleteReadBefore(cutoff, batch);
            deleted += last;
        } while (last == batch);
        if (deleted > 0) {
            double seconds = Math.max((System.nanoTime() - started) / 1e9, 1e-3);
            LOG.infof("notification retention: deleted %d notifications read before %s in %.1f s (%.0f rows/s)",
                    deleted, cutoff, seconds, deleted / seconds);
        }
        return deleted;
    }
}
