package org.intranet.notification.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.intranet.kit.readcopy.EmployeeCopies;
import org.intranet.kit.readcopy.EmployeeCopy;
import org.intranet.kit.visibility.Readers;
import org.intranet.notification.store.EmailStore;
import org.intranet.notification.store.NotificationStore;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * The one way a notification is written, whatever caused it. It is never written for someone about their own
 * action, for someone who left, for someone outside the audience of what it is about (the kit's one visibility
 * rule), nor against the recipient's preferences, which also decide whether and when it is e-mailed (queued in the
 * same transaction). A notification whose group key the recipient has already is updated instead: a new actor is
 * counted, shown, and makes it unread again; an actor already counted changes nothing. Whatever is written is
 * announced to live streams after commit.
 */
@Startup // registers its meters at boot, so dashboards see zeros rather than nothing
@ApplicationScoped
public class NotificationWriter {
    private static final Logger LOG = Logger.getLogger(NotificationWriter.class);
    private final NotificationStore notifications;
    private final EmployeeCopies employees;
    private final Readers readers;
    private final Preferences preferences;
    private final EmailStore emails;
    private final Event<NotificationCreated> created;
    private final Map<NotificationType, Counter> createdCounters = new EnumMap<>(NotificationType.class);
    private final Counter withheldByAudience;
    private final Counter withheldByPreference;
    private final Clock clock = Clock.systemUTC();

    NotificationWriter(NotificationStore notifications, EmployeeCopies employees, Readers readers,
            Preferences preferences, EmailStore emails, Event<NotificationCreated> created, MeterRegistry registry) {
        this.emails = emails;
        this.notifications = notifications;
        this.employees = employees;
        this.readers = readers;
        this.preferences = preferences;
        this.created = created;
        for (NotificationType type : NotificationType.values()) {
            createdCounters.put(type, registry.counter("intranet.notifications.created", "type", type.name()));
        }
        this.withheldByAudience = registry.counter("intranet.notifications.withheld", "reason", "audience");
        this.withheldByPreference = registry.counter("intranet.notifications.withheld", "reason", "preference");
    }

    /**
     * One notification to be written for one recipient.
     *
     * @param text the summary given how many other people are counted in the notification already
     */
    public record Draft(String recipientId, NotificationType type, String groupKey, String actorId,
            Notification.Subject subject, List<String> audience, boolean mustRead, IntFunction<String> text) {
    }

    /**
     * Who caused an event, as the read-copy knows them (one lookup).
     *
     * @param name   their display name, or null until their profile has arrived
     * @param erased their data was erased: a late or replayed event of theirs stores none of their words
     */
    public record Actor(String name, boolean erased) {
    }

    public Actor actor(String actorId) {
        Optional<EmployeeCopy> copy = actorId == null ? Optional.empty() : employees.find(actorId);
        return new Actor(copy.map(EmployeeCopy::name).orElse(null), copy.map(EmployeeCopy::erased).orElse(false));
    }

    /** @return the notification as it now is, when it was written or changed; empty when withheld or unchanged */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Notification> write(Draft draft, String actorName) {
        String recipientId = draft.recipientId();
        if (recipientId == null || recipientId.isBlank() || recipientId.equals(draft.actorId())) {
            return Optional.empty();
        }
        Optional<EmployeeCopy> recipient = employees.find(recipientId);
        if (recipient.isPresent() && !recipient.get().active()) {
            return Optional.empty();
        }
        if (!readers.ofEmployee(recipientId).canSee(draft.audience(), draft.subject().authorId())) {
            withheldByAudience.increment();
            LOG.debugf("%s %s of %s withheld: outside the audience", draft.type(), draft.groupKey(), recipientId);
            return Optional.empty();
        }
        // Postgres keeps microseconds: truncate so the cursor built from a returned row matches the stored value
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        Preferences.Route route = preferences.route(recipientId, draft.type(), draft.subject(), draft.mustRead(),
                now);
        if (!route.inApp()) {
            withheldByPreference.increment();
            return Optional.empty();
        }
        Notification fresh = new Notification(UUID.randomUUID(), recipientId, draft.type(), draft.groupKey(),
                draft.actorId(), actorName, 1, draft.subject(), draft.text().apply(0), draft.audience(),
                draft.mustRead(), now, null);
        Optional<NotificationStore.Existing> existing = notifications.insertOrLock(fresh);
        Notification written;
        if (existing.isEmpty()) {
            written = fresh;
            if (draft.actorId() != null) {
                notifications.addActor(fresh.id(), draft.actorId());
            }
        } else if (draft.actorId() != null && notifications.addActor(existing.get().id(), draft.actorId())) {
            int others = existing.get().actorCount();
            written = notifications.bump(existing.get().id(), new Notification(existing.get().id(), recipientId,
                    draft.type(), draft.groupKey(), draft.actorId(), actorName, others + 1, draft.subject(),
                    draft.text().apply(others), draft.audience(), draft.mustRead(), now, null));
        } else {
            return Optional.empty();
        }
        createdCounters.get(draft.type()).increment();
        created.fire(new NotificationCreated(written));
        if (route.emailAt() != null) {
            // in this transaction: a notification rolled back is never e-mailed; one that changes while its e-mail
            // waits keeps that one e-mail, which shows its latest state
            emails.enqueue(new Email(UUID.randomUUID(), recipientId, Email.Kind.NOTIFICATION, written.id(), null,
                    route.emailAt(), 0), now);
        }
        return Optional.of(written);
    }
}
