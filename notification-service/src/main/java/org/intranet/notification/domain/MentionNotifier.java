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

import org.intranet.contracts.MentionsResolved;
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
 * Turns mentions into {@code MENTION} notifications, from a published post or from {@code @handles} resolved later
 * ({@code post.mentioned}), along one path: one per mentioned employee other than the writer, never to one who left,
 * and only for those the post's audience admits, so private-group or targeted content never leaks through a
 * notification. The notifications and the de-dup row commit together; one mention per post and recipient.
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
        notifyOnce(eventId, "post.published", new MentioningText(post.postId(), post.authorId(), post.authorId(),
                post.body(), post.groupId(), post.audience(), post.mentions()));
    }

    /**
     * {@code @handles} that named nobody when the text was written now name these employees: they are notified now,
     * exactly as if the post had named them from the start. A mention in a comment is about the comment's post too.
     */
    @Transactional
    public void mentionsResolved(String eventId, MentionsResolved resolved) {
        // in a comment the writer is the comment's author; events from before postAuthorId existed lack it
        String postAuthorId = resolved.postAuthorId() != null ? resolved.postAuthorId()
                : resolved.commentId() == null ? resolved.authorId() : null;
        notifyOnce(eventId, "post.mentioned", new MentioningText(resolved.postId(), resolved.authorId(),
                postAuthorId, resolved.body(), resolved.groupId(), resolved.audience(), resolved.mentions()));
    }

    /**
     * A post or a comment that mentions employees.
     *
     * @param writerId     who wrote the text: the notification's actor, never notified of their own mention
     * @param postAuthorId who wrote the post the text is in or on (always may see it); null when unknown
     */
    private record MentioningText(String postId, String writerId, String postAuthorId, String body, String groupId,
            List<String> audience, List<String> mentions) {
    }

    private void notifyOnce(String eventId, String what, MentioningText text) {
        if (text.postId() == null || text.postId().isBlank() || text.writerId() == null
                || text.writerId().isBlank()) {
            throw new PoisonEventException(what + " " + eventId + " lacks postId or authorId");
        }
        if (!processed.markOnce(CONSUMER, eventId)) {
            return;
        }
        List<String> audience = text.audience() == null ? List.of()
                : text.audience().stream().filter(p -> p != null && !p.isBlank()).toList();
        String actorName = employees.find(text.writerId()).map(EmployeeCopy::name).orElse(null);
        String summary = NotificationText.mention(actorName, text.body());
        // Postgres keeps microseconds: truncate so the cursor built from a returned row matches the stored value
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);

        for (String recipientId : recipients(text)) {
            Optional<EmployeeCopy> recipient = employees.find(recipientId);
            if (recipient.isPresent() && !recipient.get().active()) {
                continue;
            }
            if (!readers.ofEmployee(recipientId).canSee(audience, text.postAuthorId())) {
                withheldCounter.increment();
                LOG.debugf("mention of %s in post %s withheld: outside the audience", recipientId, text.postId());
                continue;
            }
            Notification notification = new Notification(UUID.randomUUID(), recipientId, NotificationType.MENTION,
                    text.writerId(), actorName, text.postId(), text.postAuthorId(), text.groupId(), summary, audience,
                    now, null);
            if (notifications.insert(notification)) {
                createdCounter.increment();
                created.fire(new NotificationCreated(notification));
            }
        }
    }

    private static Set<String> recipients(MentioningText text) {
        Set<String> recipients = new LinkedHashSet<>();
        if (text.mentions() != null) {
            for (String id : text.mentions()) {
                if (id != null && !id.isBlank() && !id.equals(text.writerId())) {
                    recipients.add(id);
                }
            }
        }
        return recipients;
    }
}
