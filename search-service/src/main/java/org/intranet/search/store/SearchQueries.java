package org.intranet.search.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.search.config.SearchConfig;
import org.intranet.kit.text.PlainText;
import org.intranet.kit.visibility.Principals;
import org.intranet.search.domain.SearchAfter;
import org.intranet.search.domain.SearchHit;
import org.intranet.search.domain.SearchPage;
import org.intranet.search.domain.SearchQuery;
import org.intranet.search.domain.SearchUnavailableException;
import org.intranet.search.domain.Suggestions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The search and suggest requests. Every post clause carries the caller's visibility filter, every person clause
 * the ACTIVE filter; both are filters (cached, unscored) that no query text can widen. User text only ever goes
 * into {@code simple_query_string}, which never fails on syntax.
 */
@ApplicationScoped
public class SearchQueries {
    /** Operators users may type: "phrases", -exclusions, a|b, prefix*, (groups). No fuzzy or slop. */
    private static final String USER_SYNTAX = "AND|OR|NOT|PHRASE|PREFIX|PRECEDENCE|ESCAPE|WHITESPACE";
    private static final List<String> POST_FIELDS = List.of("body", "authorName^2", "hashtags^2");
    private static final List<String> PERSON_FIELDS = List.of("displayName^3", "displayName.prefix", "username^2",
            "title", "skills^2", "skills.text");
    private static final List<String> SOURCE = List.of("type", "id", "authorId", "authorName", "kind", "text",
            "groupId", "hashtags", "createdAt", "username", "displayName", "title", "department", "location");
    /** Index field → the name clients see under {@code highlights}. */
    private static final Map<String, String> HIGHLIGHTED = Map.of("text", "body", "authorName", "authorName",
            "displayName", "displayName", "title", "title", "skills.text", "skills");

    private final OpenSearch openSearch;
    private final SearchConfig config;

    SearchQueries(OpenSearch openSearch, SearchConfig config) {
        this.openSearch = openSearch;
        this.config = config;
    }

    public SearchPage search(SearchQuery query, Principals caller) {
        List<Object> clauses = new ArrayList<>();
        List<String> indices = new ArrayList<>();
        if (query.searchesPosts()) {
            clauses.add(postClause(query, caller));
            indices.add(SearchIndex.POSTS.alias());
        }
        if (query.searchesPeople()) {
            clauses.add(personClause(query));
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
        body.put("aggs", Map.of(
                "kind", terms("kind", config.facetSize()),
                "department", terms("department", config.facetSize()),
                "tags", terms("hashtags", config.facetSize())));
        JsonNode reply = openSearch.send("POST", "/" + String.join(",", indices) + "/_search", tree(body)).body();
        return page(reply, query.limit());
    }

    public Suggestions suggest(String prefix, Principals caller) {
        String text = prefix.strip();
        String tagPrefix = text.replaceFirst("^#", "").toLowerCase(Locale.ROOT);
        Map<String, Object> people = Map.of(
                "size", config.suggestSize(),
                "query", bool(Map.of(
                        "filter", List.of(term("type", SearchHit.PERSON), term("status", "ACTIVE")),
                        "must", List.of(Map.of("multi_match", Map.of("query", text, "operator", "and",
                                "fields", List.of("displayName.prefix", "username.prefix")))))),
                "sort", List.of(Map.of("_score", "desc"), Map.of("displayName.keyword", "asc")),
                "_source", List.of("id", "displayName", "username", "title", "department"));
        Map<String, Object> topics = Map.of(
                "size", 0,
                "query", bool(Map.of("filter", List.of(term("type", SearchHit.POST), visibleTo(caller),
                        Map.of("prefix", Map.of("hashtags", tagPrefix))))),
                "aggs", Map.of("topics", Map.of("terms", Map.of("field", "hashtags", "size", config.suggestSize(),
                        "include", regexEscape(tagPrefix) + ".*"))));
        JsonNode reply = openSearch.sendLines("POST", "/_msearch", List.of(
                tree(Map.of("index", SearchIndex.PEOPLE.alias())), tree(people),
                tree(Map.of("index", SearchIndex.POSTS.alias())), tree(topics))).body();
        JsonNode responses = reply.path("responses");
        for (JsonNode response : responses) {
            if (response.has("error")) {
                throw new SearchUnavailableException("suggest failed: " + response.path("error").path("type").asText()
                        + " " + response.path("error").path("reason").asText());
            }
        }
        List<Suggestions.Person> persons = new ArrayList<>();
        for (JsonNode hit : responses.path(0).path("hits").path("hits")) {
            JsonNode s = hit.path("_source");
            persons.add(new Suggestions.Person(text(s, "id"), text(s, "displayName"), text(s, "username"),
                    text(s, "title"), text(s, "department")));
        }
        List<Suggestions.Topic> tags = new ArrayList<>();
        for (JsonNode bucket : responses.path(1).path("aggregations").path("topics").path("buckets")) {
            tags.add(new Suggestions.Topic(bucket.path("key").asText(), bucket.path("doc_count").asLong()));
        }
        return new Suggestions(persons, tags);
    }

    private Map<String, Object> postClause(SearchQuery query, Principals caller) {
        SearchQuery.Filters f = query.filters();
        List<Object> filters = new ArrayList<>();
        filters.add(term("type", SearchHit.POST));
        filters.add(visibleTo(caller));
        if (f.kind() != null) {
            filters.add(term("kind", f.kind()));
        }
        if (f.tag() != null) {
            filters.add(term("hashtags", f.tag()));
        }
        if (f.author() != null) {
            filters.add(term("authorId", f.author()));
        }
        if (f.group() != null) {
            filters.add(term("groupId", f.group()));
        }
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
        return bool(Map.of("filter", filters, "must", List.of(userText(query.text(), POST_FIELDS))));
    }

    private Map<String, Object> personClause(SearchQuery query) {
        SearchQuery.Filters f = query.filters();
        List<Object> filters = new ArrayList<>();
        filters.add(term("type", SearchHit.PERSON));
        filters.add(term("status", "ACTIVE"));
        if (f.department() != null) {
            filters.add(term("department", f.department()));
        }
        if (f.location() != null) {
            filters.add(term("location", f.location()));
        }
        return bool(Map.of("filter", filters, "must", List.of(userText(query.text(), PERSON_FIELDS))));
    }

    /** The kit's one visibility rule, evaluated by OpenSearch. */
    private static Map<String, Object> visibleTo(Principals caller) {
        return caller.openSearchFilter("audience", "authorId");
    }

    private static Map<String, Object> userText(String text, List<String> fields) {
        return Map.of("simple_query_string", Map.of("query", text, "fields", fields, "default_operator", "and",
                "flags", USER_SYNTAX, "lenient", true));
    }

    private static Map<String, Object> highlight() {
        Map<String, Object> fields = new LinkedHashMap<>();
        // the post's plain text is highlighted for terms the query matched in the HTML body
        fields.put("text", Map.of("require_field_match", false, "fragment_size", 150, "number_of_fragments", 3));
        fields.put("authorName", Map.of("number_of_fragments", 0));
        fields.put("displayName", Map.of("number_of_fragments", 0));
        fields.put("title", Map.of("number_of_fragments", 0));
        fields.put("skills.text", Map.of("number_of_fragments", 0));
        // encoder html: the highlighter escapes the stored text and adds only these tags
        return Map.of("encoder", "html", "pre_tags", List.of("<em>"), "post_tags", List.of("</em>"),
                "fields", fields);
    }

    private SearchPage page(JsonNode reply, int limit) {
        List<SearchHit> items = new ArrayList<>();
        SearchAfter next = null;
        JsonNode hits = reply.path("hits").path("hits");
        for (int i = 0; i < hits.size() && i < limit; i++) {
            items.add(hit(hits.get(i)));
        }
        if (hits.size() > limit) {
            JsonNode sort = hits.get(limit - 1).path("sort");
            next = new SearchAfter(sort.path(0).asDouble(), sort.path(1).asText());
        }
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        for (String facet : List.of("kind", "department", "tags")) {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (JsonNode bucket : reply.path("aggregations").path(facet).path("buckets")) {
                counts.put(bucket.path("key").asText(), bucket.path("doc_count").asLong());
            }
            facets.put(facet, counts);
        }
        return new SearchPage(items, reply.path("hits").path("total").path("value").asLong(), facets, next);
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
            String author = text(s, "authorName");
            List<String> tags = new ArrayList<>();
            s.path("hashtags").forEach(t -> tags.add(t.asText()));
            String created = text(s, "createdAt");
            return new SearchHit(SearchHit.POST, text(s, "id"), author,
                    PlainText.truncate(text(s, "text"), config.snippetLength()), highlights, score,
                    new SearchHit.Post(text(s, "authorId"), text(s, "kind"), text(s, "groupId"), tags,
                            created == null ? null : Instant.parse(created)),
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
                new SearchHit.Person(text(s, "username"), text(s, "department"), text(s, "location")));
    }

    private static Map<String, Object> bool(Map<String, Object> clauses) {
        return Map.of("bool", clauses);
    }

    private static Map<String, Object> term(String field, String value) {
        return Map.of("term", Map.of(field, value));
    }

    private static Map<String, Object> terms(String field, int size) {
        return Map.of("terms", Map.of("field", field, "size", size));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    /** Lucene regular expressions treat most punctuation as operators: escape everything but letters and digits. */
    static String regexEscape(String literal) {
        StringBuilder out = new StringBuilder();
        literal.codePoints().forEach(c -> {
            if (!Character.isLetterOrDigit(c)) {
                out.append('\\');
            }
            out.appendCodePoint(c);
        });
        return out.toString();
    }

    private JsonNode tree(Object value) {
        ObjectMapper json = openSearch.json();
        return json.valueToTree(value);
    }
}
