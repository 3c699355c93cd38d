package org.intranet.notification.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.intranet.contracts.PostPublished;
import org.intranet.kit.events.PoisonEventException;
import org.intranet.kit.events.ProcessedEvents;
import org.intranet.kit.readcopy.EmployeeCopies;
import org.intranet.kit.readcopy.EmployeeCopy;
import org.intranet.kit.visibility.Readers;
import org.intranet.notification.store.NotificationStore;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * Turns a published post into {@code MENTION} notifications: one per mentioned employee other than the author,
 * and only for those the post's audience admits, so private-group or targeted content never leaks through a
 * notification. The notifications and the de-dup row commit together.
 */
@Startup // registers its meters at boot, so dashboards see zeros rather than nothing
@ApplicationScoped
public class MentionNotifier {
    public static final String CONSUMER = "notification.feed";
    private static final Logger LOG = Logger.getLogger(MentionNotifier.class);

    private final ProcessedEvents processed;
    private final EmployeeCopies employees;
    private final Readers readers;
    private final NotificationStore notifications;
    private final Event<NotificationCreated> created;
    private final Counter createdCounter;
    private final Counter withheldCounter;
    private final Clock clock = Clock.systemUTC();

    MentionNotifier(ProcessedEvents processed, EmployeeCopies employees, Readers readers,
            NotificationStore notifications, Event<NotificationCreated> created, MeterRegistry registry) {
        this.processed = processed;
        this.employees = employees;
        this.readers = readers;
        this.notifications = notifications;
        this.created = created;
        this.createdCounter = registry.counter("intranet.notifications.created", "type", "MENTION");
        this.withheldCounter = registry.counter("intranet.notifications.withheld", "reason", "audience");
    }

    @Transactional
    public void postPublished(String eventId, PostPublished post) {
        if (post.postId() == null || post.postId().isBlank() || post.authorId() == null
                || post.authorId().isBlank()) {
            throw new PoisonEventException("post.published " + eventId + " lacks postId or authorId");
        }
        if (!processed.markOnce(CONSUMER, eventId)) {
            return;
        }
        List<String> audience = post.audience() == null ? List.of()
                : post.audience().stream().filter(p -> p != null && !p.isBlank()).toList();
        String actorName = employees.find(post.authorId()).map(EmployeeCopy::name).orElse(null);
        String text = NotificationText.mention(actorName, post.body());
        // Postgres keeps microseconds: truncate so the cursor built from a returned row matches the stored value
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);

        for (String recipientId : recipients(post)) {
            Optional<EmployeeCopy> recipient = employees.find(recipientId);
            if (recipient.isPresent() && !recipient.get().active()) {
                continue;
            }
            if (!readers.ofEmployee(recipientId).canSee(audience, post.authorId())) {
                withheldCounter.increment();
                LOG.debugf("mention of %s in post %s withheld: outside the audience", recipientId, post.postId());
                continue;
            }
            Notification notification = new Notification(UUID.randomUUID(), recipientId, NotificationType.MENTION,
                    post.authorId(), actorName, post.postId(), post.authorId(), post.groupId(), text, audience, now,
                    null);
            if (notifications.insert(notification)) {
                createdCounter.increment();
                created.fire(new NotificationCreated(notification));
            }
        }
    }

    private static Set<String> recipients(PostPublished post) {
        Set<String> recipients = new LinkedHashSet<>();
        if (post.mentions() != null) {
            for (String id : post.mentions()) {
                if (id != null && !id.isBlank() && !id.equals(post.authorId())) {
                    recipients.add(id);
                }
            }
        }
        return recipients;
    }
}
