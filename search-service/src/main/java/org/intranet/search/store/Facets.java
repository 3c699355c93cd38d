package org.intranet.search.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The facets of a search, counted by the engine over the hits the caller may see (the aggregations run inside the
 * query's visibility filter). Department and location count people by theirs and posts by their author's; the date
 * facet counts posts of the last day, week, month and year.
 */
final class Facets {
    /** Facet → the index fields whose counts it adds up. */
    private static final Map<String, List<String>> FIELDS = Map.of(
            "kind", List.of("kind"),
            "tags", List.of("hashtags"),
            "author", List.of("authorId"),
            "group", List.of("groupId"),
            "department", List.of("department", "authorDepartment"),
            "location", List.of("location", "authorLocation"));
    /** In the order clients list them. */
    static final List<String> NAMES = List.of("kind", "tags", "author", "group", "department", "location", "date");
    private static final Map<String, String> DATES = new LinkedHashMap<>();

    static {
        DATES.put("day", "now-1d");
        DATES.put("week", "now-7d");
        DATES.put("month", "now-30d");
        DATES.put("year", "now-365d");
    }

    private Facets() {
    }

    static Map<String, Object> aggregations(int size) {
        Map<String, Object> aggs = new LinkedHashMap<>();
        FIELDS.forEach((facet, fields) -> fields.forEach(field ->
                aggs.put(facet + "." + field, Map.of("terms", Map.of("field", field, "size", size)))));
        aggs.put("date", Map.of("date_range", Map.of("field", "createdAt", "keyed", true,
                "ranges", DATES.entrySet().stream().map(d -> Map.of("key", d.getKey(), "from", d.getValue())).toList())));
        return aggs;
    }

    static Map<String, Map<String, Long>> read(JsonNode aggregations) {
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        for (String facet : NAMES) {
            Map<String, Long> counts = new LinkedHashMap<>();
            if ("date".equals(facet)) {
                JsonNode buckets = aggregations.path("date").path("buckets");
                DATES.keySet().forEach(key -> {
                    long count = buckets.path(key).path("doc_count").asLong();
                    if (count > 0) {
                        counts.put(key, count);
                    }
                });
            } else {
                for (String field : FIELDS.get(facet)) {
                    for (JsonNode bucket : aggregations.path(facet + "." + field).path("buckets")) {
                        counts.merge(bucket.path("key").asText(), bucket.path("doc_count").asLong(), Long::sum);
                    }
                }
            }
            facets.put(facet, counts);
        }
        return facets;
    }
}
