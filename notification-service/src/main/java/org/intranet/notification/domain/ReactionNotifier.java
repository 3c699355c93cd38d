package org.intranet.notification.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.intranet.contracts.ReactionChanged;
import org.intranet.kit.events.PoisonEventException;
import org.intranet.kit.events.ProcessedEvents;

/**
 * Reactions → one {@code REACTION} notification per post (or comment) and author: "Alice Martin and 4 others reacted
 * to your post". Each person counts once: switching one's reaction type, or taking it back and reacting again,
 * changes nothing. A reaction taken back does not take the notification back.
 */
@ApplicationScoped
public class ReactionNotifier {
    private final ProcessedEvents processed;
    private final NotificationWriter writer;

    ReactionNotifier(ProcessedEvents processed, NotificationWriter writer) {
        this.processed = processed;
        this.writer = writer;
    }

    @Transactional
    public void reactionSet(String eventId, ReactionChanged r) {
        if (r.postId() == null || r.postId().isBlank() || r.employeeId() == null || r.employeeId().isBlank()) {
            throw new PoisonEventException("reaction.set " + eventId + " lacks postId or employeeId");
        }
        if (!processed.markOnce(PostNotifier.CONSUMER, eventId) || r.previousType() != null
                || r.targetAuthorId() == null) {
            return;
        }
        NotificationWriter.Actor reactor = writer.actor(r.employeeId());
        if (reactor.erased()) {
            return;
        }
        boolean onComment = r.commentId() != null;
        // the author of a post may always see it; on a comment the post's author is not in the event
        Notification.Subject subject = onComment
                ? Notification.Subject.comment(r.postId(), r.commentId(), r.groupId(), null)
                : Notification.Subject.post(r.postId(), r.groupId(), r.targetAuthorId());
        String key = onComment ? "reaction:comment:" + r.commentId() : "reaction:post:" + r.postId();
        String actorName = reactor.name();
        writer.write(new NotificationWriter.Draft(r.targetAuthorId(), NotificationType.REACTION, key,
                r.employeeId(), subject, PostNotifier.clean(r.audience()), false,
                others -> NotificationText.reaction(actorName, others, onComment)), actorName);
    }
}
