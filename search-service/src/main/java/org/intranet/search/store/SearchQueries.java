package org.intranet.search.store;

import static org.intranet.search.store.QueryParts.FUZZINESS;
import static org.intranet.search.store.QueryParts.bool;
import static org.intranet.search.store.QueryParts.live;
import static org.intranet.search.store.QueryParts.term;
import static org.intranet.search.store.QueryParts.text;
import static org.intranet.search.store.QueryParts.visibleTo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.kit.text.PlainText;
import org.intranet.kit.visibility.Principals;
import org.intranet.search.config.SearchConfig;
import org.intranet.search.domain.SearchAfter;
import org.intranet.search.domain.SearchHit;
import org.intranet.search.domain.SearchPage;
import org.intranet.search.domain.SearchQuery;
import org.intranet.search.domain.UserText;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The search request (suggestions: {@link SuggestQueries}). Every post clause carries the caller's visibility
 * filter, every person clause the status filter; both are filters (cached, unscored) that no query text can
 * widen, and aggregations run inside them, so a facet never counts what the caller may not see. User text only ever
 * goes into match queries (analysed text, no syntax), built from {@link UserText}: each word must match some field,
 * the last word also as a prefix, phrases as phrases. Typos are forgiven on words of four letters or more, in a
 * second pass: the exact query runs first, and only when it finds nothing is it run again with fuzziness. Fuzzy
 * matching more than doubles the engine's time, and most people spell most words right.
 */
@ApplicationScoped
public class SearchQueries {
    /**
     * Scored fields. A keyword field scores a constant (its boost) whatever the word's rarity, so only the exact
     * handle and hashtags are matched as keywords; skills are scored through their analysed sub-field, or a common
     * skill would outrank a rare name.
     */
    private static final List<String> POST_FIELDS = List.of("text", "authorName^2", "hashtags^2",
            "comments.text^0.5");
    private static final List<String> PERSON_FIELDS = List.of("displayName^4", "username^3", "title",
            "skills.text^2");
    /** Where the unfinished last word is looked up as a prefix (edge n-grams for names). */
    private static final List<String> PERSON_PREFIX_FIELDS = List.of("displayName.prefix^3", "username.prefix^2");
    private static final List<String> SOURCE = List.of("type", "id", "authorId", "authorName", "kind", "text",
            "groupId", "hashtags", "createdAt", "mustRead", "expiresAt", "recipients", "value", "username",
            "displayName", "title", "department", "location", "status");
    /** Index field → the name clients see under {@code highlights}. */
    private static final Map<String, String> HIGHLIGHTED = Map.of("text", "body", "authorName", "authorName",
            "comments.text", "comments", "displayName", "displayName", "title", "title", "skills.text", "skills");

    private final OpenSearch openSearch;
    private final SearchConfig config;

    SearchQueries(OpenSearch openSearch, SearchConfig config) {
        this.openSearch = openSearch;
        this.config = config;
    }

    public SearchPage search(SearchQuery query, Principals caller) {
        if (query.after() != null) {
            return search(query, caller, query.after().fuzzy());
        }
        SearchPage exact = search(query, caller, false);
        if (exact.total() > 0 || !query.terms().mayHaveTypos()) {
            return exact;
        }
        return search(query, caller, true);
    }

    /** @param fuzzy forgive typos (a cursor of a fuzzy page stays fuzzy: the exact pass found nothing then) */
    private SearchPage search(SearchQuery query, Principals caller, boolean fuzzy) {
        List<Object> clauses = new ArrayList<>();
        List<String> indices = new ArrayList<>();
        if (query.searchesPosts()) {
            clauses.add(postClause(query, caller, fuzzy));
            indices.add(SearchIndex.POSTS.alias());
        }
        if (query.searchesPeople()) {
            clauses.add(personClause(query, fuzzy));
            indices.add(SearchIndex.PEOPLE.alias());
        }
        if (clauses.isEmpty()) {
            return SearchPage.empty();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("size", query.limit() + 1);      // one more than asked: tells whether a next page exists
        body.put("track_total_hits", true);
        body.put("query", bool(Map.of("should", clauses, "minimum_should_match", 1)));
        body.put("sort", List.of(Map.of("_score", "desc"), Map.of("id", "asc")));
        if (query.after() != null) {
            body.put("search_after", List.of(query.after().score(), query.after().id()));
        }
        body.put("_source", SOURCE);
        body.put("highlight", highlight());
        body.put("aggs", Facets.aggregations(config.facetSize()));
        JsonNode reply = openSearch.send("POST", "/" + String.join(",", indices) + "/_search", openSearch.tree(body))
                .body();
        return page(reply, query.limit(), fuzzy);
    }

    /** Names of groups by id, for those the caller may see (facet labels). */
    public Map<String, String> groupNames(List<String> ids, Principals caller) {
        Map<String, String> names = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        Map<String, Object> body = Map.of("size", ids.size(), "_source", List.of("id", "name"),
                "query", bool(Map.of("filter", List.of(Map.of("terms", Map.of("id", ids)), visibleTo(caller)))));
        JsonNode reply = openSearch.send("POST", "/" + SearchIndex.GROUPS.alias() + "/_search",
                openSearch.tree(body)).body();
        for (JsonNode hit : reply.path("hits").path("hits")) {
            names.put(text(hit.path("_source"), "id"), text(hit.path("_source"), "name"));
        }
        return names;
    }

    private Map<String, Object> postClause(SearchQuery query, Principals caller, boolean fuzzy) {
        SearchQuery.Filters f = query.filters();
        List<Object> filters = new ArrayList<>();
        filters.add(term("type", SearchHit.POST));
        filters.add(visibleTo(caller));
        filters.add(live());
        addTerm(filters, "kind", f.kind());
        addTerm(filters, "hashtags", f.tag());
        addTerm(filters, "authorId", f.author());
        addTerm(filters, "groupId", f.group());
        addTerm(filters, "authorDepartment", f.department());
        addTerm(filters, "authorLocation", f.location());
        if (f.from() != null || f.to() != null) {
            Map<String, Object> range = new LinkedHashMap<>();
            if (f.from() != null) {
                range.put("gte", f.from().toString());
            }
            if (f.to() != null) {
                range.put("lte", f.to().toString());
            }
            filters.add(Map.of("range", Map.of("createdAt", range)));
        }
        Map<String, Object> matching = bool(textClauses(query.terms(), POST_FIELDS, List.of("text"),
                List.of("text", "comments.text"), filters, fuzzy));
        // newer posts first among equals: the score is multiplied by 1 + a decay of age (1 today, 0.5 after a month)
        String origin = Instant.now().truncatedTo(ChronoUnit.HOURS).toString();
        return Map.of("function_score", Map.of("query", matching,
                "functions", List.of(
                        Map.of("weight", 1),
                        Map.of("gauss", Map.of("createdAt", Map.of("origin", origin, "offset", "1d", "scale", "30d",
                                "decay", 0.5)))),
                "score_mode", "sum", "boost_mode", "multiply"));
    }

    /** People: active ones, and those who left ranked after them (marked as former in the hit). */
    private Map<String, Object> personClause(SearchQuery query, boolean fuzzy) {
        SearchQuery.Filters f = query.filters();
        List<Object> filters = new ArrayList<>();
        filters.add(term("type", SearchHit.PERSON));
        filters.add(Map.of("terms", Map.of("status", List.of("ACTIVE", "LEFT"))));
        addTerm(filters, "department", f.department());
        addTerm(filters, "location", f.location());
        Map<String, Object> matching = bool(textClauses(query.terms(), PERSON_FIELDS, PERSON_PREFIX_FIELDS,
                List.of("displayName", "title", "skills.text"), filters, fuzzy));
        return Map.of("function_score", Map.of("query", matching,
                "functions", List.of(Map.of("filter", term("status", "LEFT"), "weight", 0.3)),
                "boost_mode", "multiply"));
    }

    /**
     * Each word must match one of the fields, exactly or within the typo allowance; the unfinished last word may
     * also match as a prefix; each phrase must match as a phrase; excluded words must not match.
     */
    private static Map<String, Object> textClauses(UserText terms, List<String> fields, List<String> prefixFields,
            List<String> phraseFields, List<Object> filters, boolean fuzzy) {
        List<Object> must = new ArrayList<>();
        for (int i = 0; i < terms.words().size(); i++) {
            String word = terms.words().get(i);
            Map<String, Object> exact = Map.of("multi_match", fuzzy
                    ? Map.of("query", word, "fields", fields, "operator", "and", "fuzziness", FUZZINESS,
                            "prefix_length", 1, "max_expansions", 20)
                    : Map.of("query", word, "fields", fields, "operator", "and"));
            if (terms.prefix() && i == terms.words().size() - 1) {
                Map<String, Object> prefix = Map.of("multi_match", Map.of("query", word, "fields", prefixFields,
                        "type", "phrase_prefix", "max_expansions", 20));
                must.add(bool(Map.of("should", List.of(exact, prefix), "minimum_should_match", 1)));
            } else {
                must.add(exact);
            }
        }
        for (String phrase : terms.phrases()) {
            must.add(Map.of("multi_match", Map.of("query", phrase, "fields", phraseFields, "type", "phrase")));
        }
        Map<String, Object> clauses = new LinkedHashMap<>();
        clauses.put("filter", filters);
        clauses.put("must", must);
        if (!terms.excluded().isEmpty()) {
            clauses.put("must_not", List.of(Map.of("multi_match", Map.of("query", String.join(" ", terms.excluded()),
                    "fields", fields, "operator", "or"))));
        }
        return clauses;
    }

    private static void addTerm(List<Object> filters, String field, String value) {
        if (value != null) {
            filters.add(term(field, value));
        }
    }

    private static Map<String, Object> highlight() {
        Map<String, Object> fields = new LinkedHashMap<>();
        // the post's plain text is highlighted for terms the query matched in any field
        fields.put("text", Map.of("require_field_match", false, "fragment_size", 150, "number_of_fragments", 3));
        fields.put("comments.text", Map.of("fragment_size", 150, "number_of_fragments", 2));
        fields.put("authorName", Map.of("number_of_fragments", 0));
        fields.put("displayName", Map.of("number_of_fragments", 0));
        fields.put("title", Map.of("number_of_fragments", 0));
        fields.put("skills.text", Map.of("number_of_fragments", 0));
        // encoder html: the highlighter escapes the stored text and adds only these tags
        return Map.of("encoder", "html", "pre_tags", List.of("<em>"), "post_tags", List.of("</em>"),
                "fields", fields);
    }

    private SearchPage page(JsonNode reply, int limit, boolean fuzzy) {
        List<SearchHit> items = new ArrayList<>();
        SearchAfter next = null;
        JsonNode hits = reply.path("hits").path("hits");
        for (int i = 0; i < hits.size() && i < limit; i++) {
            items.add(hit(hits.get(i)));
        }
        if (hits.size() > limit) {
            JsonNode sort = hits.get(limit - 1).path("sort");
            next = new SearchAfter(sort.path(0).asDouble(), sort.path(1).asText(), fuzzy);
        }
        return new SearchPage(items, reply.path("hits").path("total").path("value").asLong(),
                Facets.read(reply.path("aggregations")), Map.of(), next, fuzzy);
    }

    private SearchHit hit(JsonNode hit) {
        JsonNode s = hit.path("_source");
        Map<String, List<String>> highlights = new LinkedHashMap<>();
        hit.path("highlight").properties().forEach(e -> {
            List<String> fragments = new ArrayList<>();
            e.getValue().forEach(v -> fragments.add(v.asText()));
            highlights.put(HIGHLIGHTED.getOrDefault(e.getKey(), e.getKey()), fragments);
        });
        double score = hit.path("_score").isNumber() ? hit.path("_score").asDouble() : hit.path("sort").path(0).asDouble();
        if (SearchHit.POST.equals(text(s, "type"))) {
            List<String> tags = new ArrayList<>();
            s.path("hashtags").forEach(t -> tags.add(t.asText()));
            List<String> recipients = new ArrayList<>();
            s.path("recipients").forEach(t -> recipients.add(t.asText()));
            return new SearchHit(SearchHit.POST, text(s, "id"), text(s, "authorName"),
                    PlainText.truncate(text(s, "text"), config.snippetLength()), highlights, score,
                    new SearchHit.Post(text(s, "authorId"), text(s, "kind"), text(s, "groupId"), tags,
                            instant(s, "createdAt"), s.path("mustRead").asBoolean(false), instant(s, "expiresAt"),
                            recipients, text(s, "value")),
                    null);
        }
        List<String> about = new ArrayList<>();
        for (String field : List.of("title", "department", "location")) {
            if (text(s, field) != null) {
                about.add(text(s, field));
            }
        }
        return new SearchHit(SearchHit.PERSON, text(s, "id"), text(s, "displayName"), String.join(" · ", about),
                highlights, score, null,
                new SearchHit.Person(text(s, "username"), text(s, "department"), text(s, "location"),
                        "LEFT".equals(text(s, "status"))));
    }

    private static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : Instant.parse(value);
    }
}
