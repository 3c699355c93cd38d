package org.intranet.search.domain;

import java.util.List;
import java.util.Map;

/**
 * A page of hits, the total matching the query, facet counts over all matches, labels for facet keys that are ids
 * ({@code author} and {@code group}: id → name), the next page's cursor, and whether typos were forgiven to find
 * them (nothing matched the words as typed).
 */
public record SearchPage(List<SearchHit> items, long total, Map<String, Map<String, Long>> facets,
        Map<String, Map<String, String>> labels, SearchAfter next, boolean fuzzy) {

    public static SearchPage empty() {
        return new SearchPage(List.of(), 0, Map.of(), Map.of(), null, false);
    }

    public SearchPage with(List<SearchHit> newItems, Map<String, Map<String, String>> newLabels) {
        return new SearchPage(newItems, total, facets, newLabels, next, fuzzy);
    }
}
