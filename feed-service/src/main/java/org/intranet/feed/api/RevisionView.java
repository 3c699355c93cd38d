package org.intranet.feed.api;

import java.time.Instant;
import java.util.List;

import org.intranet.feed.domain.Link;
import org.intranet.feed.domain.Revision;

/** One text a post has had; revision 1 is the text as published, the highest is the current one. */
public record RevisionView(int revision, String body, List<Link> links, String writtenBy, Instant writtenAt) {

    public static RevisionView of(Revision r) {
        return new RevisionView(r.revision(), r.body(), r.links(), r.writtenBy(), r.writtenAt());
    }
}
