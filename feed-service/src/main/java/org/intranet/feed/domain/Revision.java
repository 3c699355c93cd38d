package org.intranet.feed.domain;

import java.time.Instant;
import java.util.List;

/** One text a post has had: revision 1 is the text as published. */
public record Revision(int revision, String body, List<Link> links, String writtenBy, Instant writtenAt) {
}
