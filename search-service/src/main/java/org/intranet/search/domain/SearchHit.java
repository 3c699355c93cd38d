package org.intranet.search.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One hit. {@code title} and {@code snippet} are plain text (render them as text); {@code highlights} are HTML in
 * which user text is escaped and only {@code <em>} tags were added, so they are safe to render as HTML.
 */
public record SearchHit(String type, String id, String title, String snippet, Map<String, List<String>> highlights,
        double score, Post post, Person person) {

    public static final String POST = "post";
    public static final String PERSON = "person";

    public record Post(String authorId, String kind, String groupId, List<String> hashtags, Instant createdAt,
            boolean mustRead, Instant expiresAt, List<String> recipients, String value) {
    }

    /** @param former the person left the company: still found, ranked after colleagues who are here */
    public record Person(String username, String department, String location, boolean former) {
    }

    public SearchHit withTitle(String newTitle) {
        return new SearchHit(type, id, newTitle, snippet, highlights, score, post, person);
    }
}
