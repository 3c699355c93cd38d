package org.intranet.search.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.intranet.search.domain.SearchHit;
import org.intranet.search.domain.SearchPage;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code {items, total, facets, next}}; {@code next} is null on the last page. */
public record SearchView(List<Hit> items, long total, Map<String, Map<String, Long>> facets, String next) {

    /**
     * A hit. {@code title} and {@code snippet} are plain text; {@code highlights} are HTML-escaped fragments with
     * {@code <em>} around matches, safe to render as HTML. Post hits add kind, author, group, tags and date; person
     * hits add username, department and location.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Hit(String type, String id, String title, String snippet, Map<String, List<String>> highlights,
            double score, String kind, String authorId, String groupId, List<String> hashtags, Instant createdAt,
            String username, String department, String location) {

        static Hit of(SearchHit h) {
            SearchHit.Post p = h.post();
            SearchHit.Person u = h.person();
            return new Hit(h.type(), h.id(), h.title(), h.snippet(), h.highlights(), h.score(),
                    p == null ? null : p.kind(), p == null ? null : p.authorId(), p == null ? null : p.groupId(),
                    p == null ? null : p.hashtags(), p == null ? null : p.createdAt(),
                    u == null ? null : u.username(), u == null ? null : u.department(),
                    u == null ? null : u.location());
        }
    }

    /** @param next the signed cursor of the following page, or null */
    static SearchView of(SearchPage page, String next) {
        return new SearchView(page.items().stream().map(Hit::of).toList(), page.total(), page.facets(),
                next);
    }
}
