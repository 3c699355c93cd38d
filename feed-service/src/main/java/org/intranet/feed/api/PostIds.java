package org.intranet.feed.api;

import java.util.UUID;

import org.intranet.kit.domain.NotFoundException;

/** A post id from a path: anything that is not a UUID names no post (404, not 400: ids are opaque to clients). */
final class PostIds {
    private PostIds() {
    }

    static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("no post " + id);
        }
    }
}
