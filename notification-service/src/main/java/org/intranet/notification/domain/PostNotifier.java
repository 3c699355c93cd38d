package org.intranet.notification.domain;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.intranet.contracts.MentionsResolved;
import org.intranet.contracts.PostDeleted;
import org.intranet.contracts.PostPublished;
import org.intranet.contracts.RecognitionGiven;
import org.intranet.kit.events.PoisonEventException;
import org.intranet.kit.events.ProcessedEvents;
import org.intranet.notification.store.BroadcastStore;
import org.intranet.notification.store.GroupStore;
import org.intranet.notification.store.NotificationStore;
import org.intranet.notification.store.ThreadStore;

/**
 * Posts → notifications: {@code MENTION} for the people a post names (also {@code @handles} resolved later, in a
 * post or a comment), {@code RECOGNITION} for each recipient of kudos, {@code GROUP} for those who turned on every
 * new post of the post's group. A deleted post takes every notification about it away. Each event is applied once;
 * its notifications and the de-dup row commit together.
 */
@ApplicationScoped
public class PostNotifier {
    public static final String CONSUMER = "notification.feed";
    private static final String ANNOUNCEMENT = "ANNOUNCEMENT";

    private final ProcessedEvents processed;
    private final NotificationWriter writer;
    private final Preferences preferences;
    private final GroupStore groups;
    private final NotificationStore notifications;
    private final ThreadStore threads;
    private final BroadcastStore broadcasts;

    PostNotifier(ProcessedEvents processed, NotificationWriter writer, Preferences preferences, GroupStore groups,
            NotificationStore notifications, ThreadStore threads, BroadcastStore broadcasts) {
        this.processed = processed;
        this.writer = writer;
        this.preferences = preferences;
        this.groups = groups;
        this.notifications = notifications;
        this.threads = threads;
        this.broadcasts = broadcasts;
    }

    /**
     * Mentions in a new post (a recognition's recipients are told by {@link #recognitionGiven} instead), then the
     * group's subscribers who were not mentioned.
     */
    @Transactional
    public void postPublished(String eventId, PostPublished post) {
        requireIds(eventId, "post.published", post.postId(), post.authorId());
        if (!processed.markOnce(CONSUMER, eventId)) {
            return;
        }
        NotificationWriter.Actor author = writer.actor(post.authorId());
        if (author.erased()) {
            return;
        }
        String actorName = author.name();
        List<String> audience = clean(post.audience());
        Notification.Subject subject = Notification.Subject.post(post.postId(), post.groupId(), post.authorId());
        Set<String> told = new LinkedHashSet<>();
        for (String named : nonBlank(post.mentions())) {
            if (post.recipients() != null && post.recipients().contains(named)) {
                continue;
            }
            told.add(named);
            writer.write(new NotificationWriter.Draft(named, NotificationType.MENTION, "mention:post:" + post.postId(),
                    post.authorId(), subject, audience, false,
                    others -> NotificationText.mention(actorName, post.body())), actorName);
        }
        if (post.recipients() != null) {
            told.addAll(post.recipients());
        }
        if (post.groupId() != null && !ANNOUNCEMENT.equals(post.kind())) {
            String groupName = groups.name(post.groupId()).orElse(null);
            for (String subscriber : preferences.subscribersOf(post.groupId())) {
                if (!told.contains(subscriber)) {
                    writer.write(new NotificationWriter.Draft(subscriber, NotificationType.GROUP,
                            "group:post:" + post.postId(), post.authorId(), subject, audience, false,
                            others -> NotificationText.groupPost(actorName, groupName, post.body())), actorName);
                }
            }
        }
    }

    /**
     * {@code @handles} that named nobody when the text was written now name these employees: they are notified now,
     * exactly as if the text had named them from the start. In a comment, the notification is about the comment.
     */
    @Transactional
    public void mentionsResolved(String eventId, MentionsResolved resolved) {
        requireIds(eventId, "post.mentioned", resolved.postId(), resolved.authorId());
        if (!processed.markOnce(CONSUMER, eventId)) {
            return;
        }
        NotificationWriter.Actor author = writer.actor(resolved.authorId());
        if (author.erased()) {
            return;
        }
        // in a comment the writer is the comment's author; events from before postAuthorId existed lack it
        String postAuthorId = resolved.postAuthorId() != null ? resolved.postAuthorId()
                : resolved.commentId() == null ? resolved.authorId() : null;
        String actorName = author.name();
        Notification.Subject subject = new Notification.Subject(resolved.postId(), resolved.commentId(),
                resolved.groupId(), postAuthorId);
        String key = resolved.commentId() == null ? "mention:post:" + resolved.postId()
                : "mention:comment:" + resolved.commentId();
        for (String named : nonBlank(resolved.mentions())) {
            writer.write(new NotificationWriter.Draft(named, NotificationType.MENTION, key, resolved.authorId(),
                    subject, clean(resolved.audience()), false,
                    others -> NotificationText.mention(actorName, resolved.body())), actorName);
        }
    }

    /** Each recipient of kudos is told who recognised them and for which value. */
    @Transactional
    public void recognitionGiven(String eventId, RecognitionGiven recognition) {
        requireIds(eventId, "recognition.given", recognition.postId(), recognition.authorId());
        if (!processed.markOnce(CONSUMER, eventId)) {
            return;
        }
        NotificationWriter.Actor author = writer.actor(recognition.authorId());
        if (author.erased()) {
            return;
        }
        String actorName = author.name();
        Notification.Subject subject = Notification.Subject.post(recognition.postId(), recognition.groupId(),
                recognition.authorId());
        for (String recipient : nonBlank(recognition.recipients())) {
            writer.write(new NotificationWriter.Draft(recipient, NotificationType.RECOGNITION,
                    "recognition:" + recognition.postId(), recognition.authorId(), subject,
                    clean(recognition.audience()), false,
                    others -> NotificationText.recognition(actorName, recognition.value(), recognition.body())),
                    actorName);
        }
    }

    /** The post is gone for everyone: so is every notification about it, its comments and reactions included. */
    @Transactional
    public void postDeleted(String eventId, PostDeleted deleted) {
        if (deleted.postId() == null || deleted.postId().isBlank()) {
            throw new PoisonEventException("post.deleted " + eventId + " lacks postId");
        }
        if (!processed.markOnce(CONSUMER, eventId)) {
            return;
        }
        notifications.deleteAboutPost(deleted.postId());
        threads.deleteOfPost(deleted.postId());
        broadcasts.delete(deleted.postId());
    }

    static void requireIds(String eventId, String what, String postId, String authorId) {
        if (postId == null || postId.isBlank() || authorId == null || authorId.isBlank()) {
            throw new PoisonEventException(what + " " + eventId + " lacks postId or authorId");
        }
    }

    static List<String> clean(List<String> audience) {
        return audience == null ? List.of() : audience.stream().filter(p -> p != null && !p.isBlank()).toList();
    }

    static Collection<String> nonBlank(Collection<String> ids) {
        return ids == null ? List.of() : new LinkedHashSet<>(ids.stream().filter(id -> id != null && !id.isBlank())
                .toList());
    }
}
