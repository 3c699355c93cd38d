package org.intranet.notification.domain;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.notification.config.NotificationConfig;
import org.intranet.notification.domain.NotificationPreferences.Digest;
import org.intranet.notification.store.EmailStore;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The daily or weekly digest of what is still unread, at {@code digest.hour} in each person's zone (weekly on
 * {@code digest.day}). Every replica runs it; each person's period is claimed by one ({@code digest_runs}), so a
 * digest goes out once, and a missed run (a restart) is made up by the next. Someone's first period is only noted,
 * so a new deployment does not mail everyone at once; a digest covers what arrived since the previous period and is
 * still unread when it is sent.
 */
@ApplicationScoped
public class Digests {
    private static final Logger LOG = Logger.getLogger(Digests.class);
    /** Older unread notifications have been in a digest already (a weekly one covers 7 days). */
    private static final Duration HORIZON = Duration.ofDays(8);
    private final EmailStore emails;
    private final Preferences preferences;
    private final NotificationConfig config;
    private final Clock clock = Clock.systemUTC();

    Digests(EmailStore emails, Preferences preferences, NotificationConfig config) {
        this.emails = emails;
        this.preferences = preferences;
        this.config = config;
    }

    @Scheduled(every = "${intranet.notification.digest.interval}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        try {
            run(Instant.now(clock));
        } catch (RuntimeException e) {
            LOG.warnf("digests paused, will retry: %s", e.getMessage());
        }
    }

    /** @return how many digests were queued */
    public int run(Instant now) {
        long started = System.nanoTime();
        int considered = 0;
        int queued = 0;
        for (String employeeId : emails.withUnreadSince(now.minus(HORIZON))) {
            considered++;
            if (queue(employeeId, now)) {
                queued++;
            }
        }
        if (queued > 0) {
            LOG.infof("digests: %d queued for %d people with unread notifications in %.1f s", queued, considered,
                    (System.nanoTime() - started) / 1e9);
        }
        return queued;
    }

    private boolean queue(String employeeId, Instant now) {
        NotificationPreferences p = preferences.of(employeeId);
        if (p.digest() == Digest.OFF) {
            return false;
        }
        Instant period = periodStart(p.digest(), p.timeZone(), config.digest().hour(), config.digest().day(), now);
        return QuarkusTransaction.requiringNew().call(() -> {
            EmailStore.Claimed claimed = emails.claimDigest(employeeId, period);
            if (claimed == null || claimed.previous() == null) {
                return false; // another replica's, or this person's first period: noted only
            }
            emails.enqueue(new Email(UUID.randomUUID(), employeeId, Email.Kind.DIGEST, null, claimed.previous(),
                    preferences.outsideQuietHours(employeeId, now), 0), now);
            return true;
        });
    }

    /** The latest digest moment at or before {@code now}: {@code hour} o'clock in {@code zone} (on {@code day}). */
    static Instant periodStart(Digest digest, ZoneId zone, int hour, DayOfWeek day, Instant now) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime at = local.toLocalDate().atTime(hour, 0).atZone(zone);
        if (digest == Digest.WEEKLY) {
            at = at.with(TemporalAdjusters.previousOrSame(day));
            return (at.isAfter(local) ? at.minusWeeks(1) : at).toInstant();
        }
        return (at.isAfter(local) ? at.minusDays(1) : at).toInstant();
    }
}
