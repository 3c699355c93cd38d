package org.intranet.search.domain;

import java.util.List;
import java.util.Map;

/** A page of hits, the total matching the query, facet counts over all matches and the next page's cursor. */
public record SearchPage(List<SearchHit> items, long total, Map<String, Map<String, Long>> facets, SearchAfter next) {

    public static SearchPage empty() {
        return new SearchPage(List.of(), 0, Map.of(), null);
    }
}
