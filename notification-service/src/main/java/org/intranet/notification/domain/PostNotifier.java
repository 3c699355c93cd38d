package org.intranet.notification.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.intranet.contracts.MentionsResolved;
import org.intranet.contracts.PostPublished;
import org.intranet.contracts.RecognitionGiven;
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
 * Turns posts into notifications for the people they name, along one path: {@code MENTION} from a published post or
 * from {@code @handles} resolved later ({@code post.mentioned}), {@code RECOGNITION} for each recipient of kudos
 * ({@code recognition.given}). Never to the writer, never to one who left, and only to those the post's audience
 * admits, so private-group or targeted content never leaks through a notification. The notifications and the de-dup
 * row commit together; one notification of each type per post and recipient.
 */
@Startup // registers its meters at boot, so dashboards see zeros rather than nothing
@ApplicationScoped
public class PostNotifier {
    public static final String CONSUMER = "notification.feed";
    private static final Logger LOG = Logger.getLogger(PostNotifier.class);

    private final ProcessedEvents processed;
    private final EmployeeCopies employees;
    private final Readers readers;
    private final NotificationStore notifications;
    private final Event<NotificationCreated> created;
    private final Map<NotificationType, Counter> createdCounters = new EnumMap<>(NotificationType.class);
    private final Counter withheldCounter;
    private final Clock clock = Clock.systemUTC();

    PostNotifier(ProcessedEvents processed, EmployeeCopies employees, Readers readers,
            NotificationStore notifications, Event<NotificationCreated> created, MeterRegistry registry) {
        this.processed = processed;
        this.employees = employees;
        this.readers = readers;
        this.notifications = notifications;
        this.created = created;
        for (NotificationType type : List.of(NotificationType.MENTION, NotificationType.RECOGNITION)) {
            createdCounters.put(type, registry.counter("intranet.notifications.created", "type", type.name()));
        }
        this.withheldCounter = registry.counter("intranet.notifications.withheld", "reason", "audience");
    }

    /** Mentions in a new post; a recognition's recipients are told by {@link #recognitionGiven} instead. */
    @Transactional
    public void postPublished(String eventId, PostPublished post) {
        List<String> named = post.mentions() == null ? List.of() : post.mentions().stream()
                .filter(id -> post.recipients() == null || !post.recipients().contains(id)).toList();
        notifyOnce(eventId, "post.published", NotificationType.MENTION, new Naming(post.postId(), post.authorId(),
                post.authorId(), post.body(), post.groupId(), post.audience(), named));
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
        notifyOnce(eventId, "post.mentioned", NotificationType.MENTION, new Naming(resolved.postId(),
                resolved.authorId(), postAuthorId, resolved.body(), resolved.groupId(), resolved.audience(),
                resolved.mentions()));
    }

    /** Each recipient of kudos is told who recognised them and for which value. */
    @Transactional
    public void recognitionGiven(String eventId, RecognitionGiven recognition) {
        notifyOnce(eventId, "recognition.given", NotificationType.RECOGNITION, new Naming(recognition.postId(),
                recognition.authorId(), recognition.authorId(), recognition.body(), recognition.groupId(),
                recognition.audience(), recognition.recipients()), recognition.value());
    }

    /**
     * A post (or a comment on one) that names employees.
     *
     * @param writerId     who wrote the text: the notification's actor, never notified about their own text
     * @param postAuthorId who wrote the post the text is in or on (always may see it); null when unknown
     */
    private record Naming(String postId, String writerId, String postAuthorId, String body, String groupId,
            List<String> audience, Collection<String> named) {
    }

    private void notifyOnce(String eventId, String what, NotificationType type, Naming text) {
        notifyOnce(eventId, what, type, text, null);
    }

    private void notifyOnce(String eventId, String what, NotificationType type, Naming text, String value) {
        if (text.postId() == null || text.postId().isBlank() || text.writerId() == null
                || text.writerId().isBlank()) {
            throw new PoisonEventException(what + " " + eventId + " lacks postId or authorId");
        }
        if (!processed.markOnce(CONSUMER, eventId)) {
            return;
        }
        if (employees.find(text.writerId()).map(EmployeeCopy::erased).orElse(false)) {
            // a late or replayed post of someone erased since: their words are not stored again
            return;
        }
        List<String> audience = text.audience() == null ? List.of()
                : text.audience().stream().filter(p -> p != null && !p.isBlank()).toList();
        String actorName = employees.find(text.writerId()).map(EmployeeCopy::name).orElse(null);
        String summary = type == NotificationType.RECOGNITION ? NotificationText.recognition(actorName, value,
                text.body()) : NotificationText.mention(actorName, text.body());
        // Postgres keeps microseconds: truncate so the cursor built from a returned row matches the stored value
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);

        for (String recipientId : recipients(text)) {
            Optional<EmployeeCopy> recipient = employees.find(recipientId);
            if (recipient.isPresent() && !recipient.get().active()) {
                continue;
            }
            if (!readers.ofEmployee(recipientId).canSee(audience, text.postAuthorId())) {
                withheldCounter.increment();
                LOG.debugf("%s of %s in post %s withheld: outside the audience", type, recipientId, text.postId());
                continue;
            }
            Notification notification = new Notification(UUID.randomUUID(), recipientId, type, text.writerId(),
                    actorName, text.postId(), text.postAuthorId(), text.groupId(), summary, audience, now, null);
            if (notifications.insert(notification)) {
                createdCounters.get(type).increment();
                created.fire(new NotificationCreated(notification));
            }
        }
    }

    private static Set<String> recipients(Naming text) {
        Set<String> recipients = new LinkedHashSet<>();
        if (text.named() != null) {
            for (String id : text.named()) {
                if (id != null && !id.isBlank() && !id.equals(text.writerId())) {
                    recipients.add(id);
                }
            }
        }
        return recipients;
    }
}
