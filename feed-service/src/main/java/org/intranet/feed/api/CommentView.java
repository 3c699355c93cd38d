package org.intranet.feed.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.intranet.feed.domain.Comment;
import org.intranet.feed.domain.ReactionService;
import org.intranet.kit.api.Caller;

/**
 * A comment as clients see it; {@code body} is sanitized HTML, {@code reactions} counts per type (types nobody used
 * are left out), {@code myReaction} is the reader's own or null, {@code parentId} is null for a top-level comment.
 */
public record CommentView(String id, String postId, String parentId, String authorId, String authorName,
        String authorHandle, String body, List<String> mentions, Map<String, Integer> reactions, String myReaction,
        int replyCount, boolean edited, Instant createdAt, Instant editedAt) {

    /**
     * @param reader the caller: their own comments show their name from the token until the employee read-copy
     *               knows them
     */
    public static CommentView of(Comment c, Caller reader) {
        boolean own = c.authorId().equals(reader.id());
        String name = c.authorName() == null && own ? nameOf(reader) : c.authorName();
        String handle = c.authorHandle() == null && own ? reader.username() : c.authorHandle();
        return new CommentView(c.id().toString(), c.postId().toString(),
                c.parentId() == null ? null : c.parentId().toString(), c.authorId(), name, handle, c.body(),
                List.copyOf(c.mentions()), ReactionService.inTypeOrder(c.reactions()), c.myReaction(), c.replyCount(),
                c.edited(), c.createdAt(), c.editedAt());
    }

    private static String nameOf(Caller caller) {
        String name = caller.claim("name");
        return name != null ? name : caller.username();
    }
}
