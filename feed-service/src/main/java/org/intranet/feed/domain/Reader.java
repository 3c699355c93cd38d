package org.intranet.feed.domain;

import java.util.Set;

/** Someone reading feeds: their id and the principals a post's audience must intersect. */
public record Reader(String id, Set<String> principals) {

    public boolean canSee(Post post) {
        return Audience.canSee(post.audience, post.authorId, principals, id);
    }
}
