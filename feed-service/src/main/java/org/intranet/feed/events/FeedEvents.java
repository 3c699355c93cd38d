package org.intranet.feed.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.contracts.EventTypes;
import org.intranet.contracts.PostPublished;
import org.intranet.feed.domain.Post;
import org.intranet.kit.outbox.Outbox;

/** Writes feed events to the outbox, in the caller's transaction; keyed by post id. */
@ApplicationScoped
public class FeedEvents {
    private final Outbox outbox;

    FeedEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void postPublished(Post post) {
        outbox.add("post", post.id.toString(), EventTypes.POST_PUBLISHED, new PostPublished(post.id.toString(),
                post.authorId, post.kind.name(), post.body, post.groupId, post.audience, post.mentions,
                post.hashtags, post.createdAt));
    }
}
