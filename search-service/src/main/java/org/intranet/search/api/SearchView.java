package org.intranet.search.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.intranet.search.domain.SearchHit;
import org.intranet.search.domain.SearchPage;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code {items, total, facets, facetLabels, typosForgiven, next}}; {@code next} is null on the last page.
 * {@code facets} maps each facet (kind, tags, author, group, department, location, date) to value → count;
 * {@code facetLabels} names the values that are ids (author and group: id → name); {@code typosForgiven} is true
 * when nothing matched the words as typed and these hits match similar words ("showing results for…").
 */
public record SearchView(List<Hit> items, long total, Map<String, Map<String, Long>> facets,
        Map<String, Map<String, String>> facetLabels, boolean typosForgiven, String next) {

    /**
     * A hit. {@code title} and {@code snippet} are plain text; {@code highlights} are HTML-escaped fragments with
     * {@code <em>} around matches, safe to render as HTML ({@code body}, {@code comments} when the post was found by
     * a comment, {@code authorName}, {@code displayName}, {@code title}, {@code skills}). Post hits add kind, author,
     * group, tags, date, must-read and expiry (announcements), recipients and value (recognition); person hits add
     * username, department, location and {@code former} (true for someone who left).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Hit(String type, String id, String title, String snippet, Map<String, List<String>> highlights,
            double score, String kind, String authorId, String groupId, List<String> hashtags, Instant createdAt,
            Boolean mustRead, Instant expiresAt, List<String> recipients, String value,
            String username, String department, String location, Boolean former) {

        static Hit of(SearchHit h) {
            SearchHit.Post p = h.post();
            SearchHit.Person u = h.person();
            return new Hit(h.type(), h.id(), h.title(), h.snippet(), h.highlights(), h.score(),
                    p == null ? null : p.kind(), p == null ? null : p.authorId(), p == null ? null : p.groupId(),
                    p == null ? null : p.hashtags(), p == null ? null : p.createdAt(),
                    p == null || !p.mustRead() ? null : Boolean.TRUE, p == null ? null : p.expiresAt(),
                    p == null || p.recipients().isEmpty() ? null : p.recipients(), p == null ? null : p.value(),
                    u == null ? null : u.username(), u == null ? null : u.department(),
                    u == null ? null : u.location(), u == null ? null : u.former());
        }
    }

    /** @param next the signed cursor of the following page, or null */
    static SearchView of(SearchPage page, String next) {
        return new SearchView(page.items().stream().map(Hit::of).toList(), page.total(), page.facets(),
                page.labels(), page.fuzzy(), next);
    }
}
