package org.intranet.feed.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.intranet.contracts.CommentChanged;
import org.intranet.contracts.EventTypes;
import org.intranet.feed.events.FeedEvents;
import org.intranet.feed.store.CommentStore;
import org.intranet.feed.store.MentionStore;
import org.intranet.kit.api.Caller;
import org.intranet.kit.domain.AccessDeniedException;
import org.intranet.kit.domain.InvalidRequestException;
import org.intranet.kit.domain.NotFoundException;
import org.intranet.kit.paging.Position;

/**
 * Comments on a post, with one level of replies, for anyone who may see the post (anyone else gets the 404 of a post
 * that does not exist). Each change locks the post row first, then writes the comment, the counters
 * ({@code posts.comment_count}, {@code comments.reply_count}), the pending mentions and the event in one
 * transaction.
 */
@ApplicationScoped
public class CommentService {
    /** The same limit as a post's body, on the text as sent. */
    public static final int MAX_BODY = 10_000;
    private final PostService posts;
    private final CommentStore comments;
    private final Mentions mentions;
    private final MentionStore pendingMentions;
    private final FeedEvents events;
    private final Clock clock = Clock.systemUTC();

    CommentService(PostService posts, CommentStore comments, Mentions mentions, MentionStore pendingMentions,
            FeedEvents events) {
        this.posts = posts;
        this.comments = comments;
        this.mentions = mentions;
        this.pendingMentions = pendingMentions;
        this.events = events;
    }

    /** A page of a thread, oldest first, and where the next one starts (null on the last). */
    public record CommentPage(List<Comment> items, Position next) {
    }

    /**
     * The post's top-level comments, or with {@code parentId} that comment's replies, oldest first. A read: no
     * transaction.
     */
    public CommentPage list(Caller caller, UUID postId, UUID parentId, Position after, int limit) {
        posts.visible(caller, postId);
        if (parentId != null) {
            Comment parent = comments.find(caller.id(), postId, parentId)
                    .orElseThrow(() -> noComment(parentId));
            if (parent.isReply()) {
                throw new InvalidRequestException("comment " + parentId + " is a reply; replies have no replies");
            }
        }
        List<Comment> rows = comments.thread(caller.id(), postId, parentId, after, limit + 1);
        if (rows.size() <= limit) {
            return new CommentPage(rows, null);
        }
        List<Comment> items = new ArrayList<>(rows.subList(0, limit));
        return new CommentPage(items, items.get(limit - 1).position());
    }

    /** Adds a comment, or a reply when {@code parentId} names a top-level comment of the same post. */
    @Transactional
    public Comment add(Caller caller, UUID postId, String body, UUID parentId) {
        Post post = lockedVisible(caller, postId);
        String text = sanitized(body);
        CommentStore.Locked parent = null;
        if (parentId != null) {
            parent = comments.lock(postId, parentId).orElseThrow(() -> new InvalidRequestException(
                    "parentId must be a live top-level comment of post " + postId));
            if (parent.isReply()) {
                throw new InvalidRequestException("comment " + parentId
                        + " is a reply; only one level of replies: reply to its parent " + parent.parentId());
            }
        }
        Instant now = now();
        UUID id = UUID.randomUUID();
        Mentions.Resolved named = mentions.resolve(text);
        comments.insert(id, postId, parentId, caller.id(), text, named.employeeIds(), now);
        // after the insert: a pending mention names the comment it waits in
        mentions.keepPending(named, postId, id, now);
        comments.countOnPost(postId, 1);
        if (parent != null) {
            comments.countReplies(parentId, 1);
        }
        events.comment(EventTypes.COMMENT_ADDED, new CommentChanged(id.toString(), postId.toString(),
                parentId == null ? null : parentId.toString(), caller.id(), post.authorId,
                parent == null ? null : parent.authorId(), text, post.groupId, post.audience, named.employeeIds(),
                null, now));
        return comments.find(caller.id(), postId, id).orElseThrow();
    }

    /** The author changes the text of their comment; its mentions are worked out again. */
    @Transactional
    public Comment edit(Caller caller, UUID postId, UUID commentId, String body) {
        Post post = lockedVisible(caller, postId);
        CommentStore.Locked comment = comments.lock(postId, commentId).orElseThrow(() -> noComment(commentId));
        if (!comment.authorId().equals(caller.id())) {
            throw new AccessDeniedException("only its author may edit comment " + commentId);
        }
        String text = sanitized(body);
        Instant now = now();
        pendingMentions.forgetPendingOfComment(commentId);
        Mentions.Resolved named = mentions.resolve(text);
        comments.edit(commentId, text, named.employeeIds(), now);
        mentions.keepPending(named, postId, commentId, now);
        events.comment(EventTypes.COMMENT_EDITED, changed(comment, post, text, named.employeeIds(), null, now));
        return comments.find(caller.id(), postId, commentId).orElseThrow();
    }

    /**
     * Soft delete by the comment's author, the post's author or an admin. A top-level comment takes its replies
     * with it: each gets its own deleted event, and the post's count drops by all of them.
     */
    @Transactional
    public void delete(Caller caller, UUID postId, UUID commentId) {
        Post post = lockedVisible(caller, postId);
        CommentStore.Locked comment = comments.lock(postId, commentId).orElseThrow(() -> noComment(commentId));
        boolean allowed = comment.authorId().equals(caller.id()) || post.authorId.equals(caller.id())
                || caller.hasRole(Caller.ADMIN);
        if (!allowed) {
            throw new AccessDeniedException(
                    "only its author, the post's author or an admin may delete comment " + commentId);
        }
        Instant now = now();
        comments.delete(commentId, caller.id(), now);
        pendingMentions.forgetPendingOfComment(commentId);
        List<CommentStore.Locked> gone = new ArrayList<>();
        gone.add(comment);
        if (comment.isReply()) {
            comments.countReplies(comment.parentId(), -1);
        } else {
            for (CommentStore.Locked reply : comments.deleteReplies(postId, commentId, caller.id(), now)) {
                pendingMentions.forgetPendingOfComment(reply.id());
                gone.add(reply);
            }
        }
        comments.countOnPost(postId, -gone.size());
        for (CommentStore.Locked c : gone) {
            events.comment(EventTypes.COMMENT_DELETED, changed(c, post, c.body(), c.mentions(), caller.id(), now));
        }
    }

    /** The post, when the caller may see it, with its row locked for this transaction. */
    private Post lockedVisible(Caller caller, UUID postId) {
        Post post = posts.visible(caller, postId);
        if (!comments.lockPost(postId)) {
            // deleted between the read and the lock
            throw new NotFoundException("no post " + postId);
        }
        return post;
    }

    private static CommentChanged changed(CommentStore.Locked c, Post post, String body, List<String> mentioned,
            String deletedBy, Instant at) {
        return new CommentChanged(c.id().toString(), c.postId().toString(),
                c.parentId() == null ? null : c.parentId().toString(), c.authorId(), post.authorId,
                c.parentAuthorId(), body, post.groupId, post.audience, mentioned, deletedBy, at);
    }

    private static String sanitized(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidRequestException("body must not be blank");
        }
        if (body.length() > MAX_BODY) {
            throw new InvalidRequestException("body must have at most " + MAX_BODY + " characters");
        }
        String safe = PostText.sanitize(body);
        if (safe.isBlank()) {
            throw new InvalidRequestException("body has no visible text once unsafe markup is removed");
        }
        return safe;
    }

    private static NotFoundException noComment(UUID commentId) {
        return new NotFoundException("no comment " + commentId);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
