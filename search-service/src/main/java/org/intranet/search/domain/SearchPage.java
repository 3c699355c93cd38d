package org.intranet.search.domain;

import java.util.List;
import java.util.Map;

/**
 * A page of hits, the total matching the query, facet counts over all matches, labels for facet keys that are ids
 * ({@code author} and {@code group}: id → name) and the next page's cursor.
 */
public record SearchPage(List<SearchHit> items, long total, Map<String, Map<String, Long>> facets,
        Map<String, Map<String, String>> labels, SearchAfter next) {

    public static SearchPage empty() {
        return new SearchPage(List.of(), 0, Map.of(), Map.of(), null);
    }

    public SearchPage with(List<SearchHit> newItems, Map<String, Map<String, String>> newLabels) {
        return new SearchPage(newItems, total, facets, newLabels, next);
    }
}
