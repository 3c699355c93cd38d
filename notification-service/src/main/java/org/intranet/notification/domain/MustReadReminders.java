package org.intranet.notification.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.intranet.notification.config.NotificationConfig;
import org.intranet.notification.store.BroadcastStore;
import org.intranet.notification.store.EmailStore;
import org.intranet.notification.store.NotificationStore;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Escalates must-read announcements nobody may miss: {@code in-app-after} publication, each person in the audience
 * who has not acknowledged gets it back at the top of their list, unread, as a reminder; {@code email-after}, it is
 * e-mailed to them once (as Viva Engage adds a second channel when the first did not land). Acknowledging stops both.
 * Each reminder is recorded before it is given (insert-first), so it is given once across replicas and restarts;
 * runs go on in batches until none is due.
 */
@ApplicationScoped
public class MustReadReminders {
    static final String IN_APP = "IN_APP";
    static final String EMAIL = "EMAIL";
    private static final Logger LOG = Logger.getLogger(MustReadReminders.class);
    private final BroadcastStore broadcasts;
    private final NotificationStore notifications;
    private final EmailStore emails;
    private final Preferences preferences;
    private final NotificationConfig config;
    private final Event<NotificationCreated> created;
    private final Clock clock = Clock.systemUTC();

    MustReadReminders(BroadcastStore broadcasts, NotificationStore notifications, EmailStore emails,
            Preferences preferences, NotificationConfig config, Event<NotificationCreated> created) {
        this.broadcasts = broadcasts;
        this.notifications = notifications;
        this.emails = emails;
        this.preferences = preferences;
        this.config = config;
        this.created = created;
    }

    @Scheduled(every = "${intranet.notification.must-read.interval}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        try {
            run(Instant.now(clock));
        } catch (RuntimeException e) {
            LOG.warnf("must-read reminders paused, will retry: %s", e.getMessage());
        }
    }

    /** @return how many reminders were given (both stages) */
    public int run(Instant now) {
        int given = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> remindInApp(now));
            given += batch;
        } while (batch == config.mustRead().batch());
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> remindByEmail(now));
            given += batch;
        } while (batch == config.mustRead().batch());
        if (given > 0) {
            LOG.infof("must-read reminders: %d given", given);
        }
        return given;
    }

    private int remindInApp(Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        List<BroadcastStore.Due> due = claim(IN_APP, now.minus(config.mustRead().inAppAfter()), now);
        for (BroadcastStore.Due d : due) {
            broadcasts.remind(d.postId(), d.employeeId(), at).ifPresent(n -> created.fire(new NotificationCreated(n)));
        }
        return due.size();
    }

    private int remindByEmail(Instant now) {
        List<BroadcastStore.Due> due = claim(EMAIL, now.minus(config.mustRead().emailAfter()), now);
        for (BroadcastStore.Due d : due) {
            if (!preferences.remindByEmail(d.employeeId())) {
                continue;
            }
            notifications.findByKey(d.employeeId(), "announcement:" + d.postId())
                    .or(() -> broadcasts.remind(d.postId(), d.employeeId(), now.truncatedTo(ChronoUnit.MICROS)))
                    .ifPresent(n -> emails.enqueue(new Email(UUID.randomUUID(), d.employeeId(), Email.Kind.REMINDER,
                            n.id(), null, preferences.outsideQuietHours(d.employeeId(), now), 0), now));
        }
        return due.size();
    }

    private List<BroadcastStore.Due> claim(String stage, Instant publishedBefore, Instant now) {
        return broadcasts.claimReminders(stage, now.minus(config.broadcast().window()), publishedBefore, now,
                config.mustRead().batch());
    }
}
