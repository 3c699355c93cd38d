package org.intranet.notification.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.intranet.contracts.CommentChanged;
import org.intranet.kit.events.PoisonEventException;
import org.intranet.kit.events.ProcessedEvents;
import org.intranet.notification.store.NotificationStore;
import org.intranet.notification.store.ThreadStore;

/**
 * Comments → notifications, each person told once per comment, by the closest reason: named in it
 * ({@code MENTION}); its reply is to their comment, or in a thread they wrote in; it is on their post
 * ({@code COMMENT}, grouped per post: "Alice and 2 others commented on your post"). Replies are grouped per
 * thread.
 */
@ApplicationScoped
public class CommentNotifier {
    private final ProcessedEvents processed;
    private final NotificationWriter writer;
    private final ThreadStore threads;
    private final NotificationStore notifications;

    CommentNotifier(ProcessedEvents processed, NotificationWriter writer, ThreadStore threads,
            NotificationStore notifications) {
        this.processed = processed;
        this.writer = writer;
        this.threads = threads;
        this.notifications = notifications;
    }

    @Transactional
    public void commentAdded(String eventId, CommentChanged c) {
        requireIds(eventId, c);
        if (!processed.markOnce(PostNotifier.CONSUMER, eventId)) {
            return;
        }
        NotificationWriter.Actor author = writer.actor(c.authorId());
        if (author.erased()) {
            return;
        }
        String threadId = c.parentId() != null ? c.parentId() : c.commentId();
        List<String> participants = threads.participants(threadId);
        threads.join(threadId, c.postId(), c.authorId());

        String actor = c.authorId();
        String actorName = author.name();
        List<String> audience = PostNotifier.clean(c.audience());
        Notification.Subject subject = Notification.Subject.comment(c.postId(), c.commentId(), c.groupId(),
                c.postAuthorId());
        Set<String> told = new LinkedHashSet<>();
        told.add(actor);
        for (String named : PostNotifier.nonBlank(c.mentions())) {
            if (told.add(named)) {
                writer.write(new NotificationWriter.Draft(named, NotificationType.MENTION,
                        "mention:comment:" + c.commentId(), actor, subject, audience, false,
                        others -> NotificationText.mention(actorName, c.body())), actorName);
            }
        }
        if (c.parentId() != null) {
            String threadKey = "comment:thread:" + c.parentId();
            if (c.parentAuthorId() != null && told.add(c.parentAuthorId())) {
                writer.write(new NotificationWriter.Draft(c.parentAuthorId(), NotificationType.COMMENT, threadKey,
                        actor, subject, audience, false,
                        others -> NotificationText.replyToComment(actorName, others, c.body())), actorName);
            }
            for (String participant : participants) {
                if (told.add(participant)) {
                    writer.write(new NotificationWriter.Draft(participant, NotificationType.COMMENT, threadKey,
                            actor, subject, audience, false,
                            others -> NotificationText.replyInThread(actorName, others, c.body())), actorName);
                }
            }
        }
        if (c.postAuthorId() != null && told.add(c.postAuthorId())) {
            writer.write(new NotificationWriter.Draft(c.postAuthorId(), NotificationType.COMMENT,
                    "comment:post:" + c.postId(), actor, subject, audience, false,
                    others -> NotificationText.commentOnPost(actorName, others, c.body())), actorName);
        }
    }

    /** The mentions in a deleted comment, and the reactions to it, go; a deleted thread no longer notifies. */
    @Transactional
    public void commentDeleted(String eventId, CommentChanged c) {
        requireIds(eventId, c);
        if (!processed.markOnce(PostNotifier.CONSUMER, eventId)) {
            return;
        }
        notifications.deleteAboutComment(c.postId(), c.commentId());
        if (c.parentId() == null) {
            threads.deleteThread(c.commentId());
        }
    }

    private static void requireIds(String eventId, CommentChanged c) {
        if (c.commentId() == null || c.commentId().isBlank() || c.postId() == null || c.postId().isBlank()
                || c.authorId() == null || c.authorId().isBlank()) {
            throw new PoisonEventException("comment event " + eventId + " lacks commentId, postId or authorId");
        }
    }
}
