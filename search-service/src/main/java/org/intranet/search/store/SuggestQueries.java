package org.intranet.search.store;

import static org.intranet.search.store.QueryParts.FUZZINESS;
import static org.intranet.search.store.QueryParts.bool;
import static org.intranet.search.store.QueryParts.live;
import static org.intranet.search.store.QueryParts.regexEscape;
import static org.intranet.search.store.QueryParts.term;
import static org.intranet.search.store.QueryParts.text;
import static org.intranet.search.store.QueryParts.visibleTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.kit.visibility.Principals;
import org.intranet.search.config.SearchConfig;
import org.intranet.search.domain.SearchHit;
import org.intranet.search.domain.SearchUnavailableException;
import org.intranet.search.domain.Suggestions;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * As-you-type suggestions in one {@code _msearch}: active people (name or handle prefix, or a near match), topics
 * (hashtags of posts the caller may see, by prefix) and groups the caller may see, each filtered like search.
 */
@ApplicationScoped
public class SuggestQueries {
    private final OpenSearch openSearch;
    private final SearchConfig config;

    SuggestQueries(OpenSearch openSearch, SearchConfig config) {
        this.openSearch = openSearch;
        this.config = config;
    }

    public Suggestions suggest(String prefix, Principals caller) {
        String text = prefix.strip();
        String tagPrefix = text.replaceFirst("^#", "").toLowerCase(Locale.ROOT);
        Map<String, Object> people = Map.of(
                "size", config.suggestPeople(),
                "query", bool(Map.of(
                        "filter", List.of(term("type", SearchHit.PERSON), term("status", "ACTIVE")),
                        "should", List.of(
                                Map.of("multi_match", Map.of("query", text, "operator", "and", "boost", 2,
                                        "fields", List.of("displayName.prefix", "username.prefix"))),
                                Map.of("match", Map.of("displayName", Map.of("query", text, "operator", "and",
                                        "fuzziness", FUZZINESS, "prefix_length", 1)))),
                        "minimum_should_match", 1)),
                "sort", List.of(Map.of("_score", "desc"), Map.of("displayName.keyword", "asc")),
                "_source", List.of("id", "displayName", "username", "title", "department"));
        Map<String, Object> topics = Map.of(
                "size", 0,
                "query", bool(Map.of("filter", List.of(term("type", SearchHit.POST), visibleTo(caller), live(),
                        Map.of("prefix", Map.of("hashtags", tagPrefix))))),
                "aggs", Map.of("topics", Map.of("terms", Map.of("field", "hashtags", "size", config.suggestTopics(),
                        "include", regexEscape(tagPrefix) + ".*"))));
        Map<String, Object> groups = Map.of(
                "size", config.suggestGroups(),
                "query", bool(Map.of(
                        "filter", List.of(term("type", "group"), visibleTo(caller)),
                        "should", List.of(
                                Map.of("match", Map.of("name.prefix", Map.of("query", text, "operator", "and",
                                        "boost", 2))),
                                Map.of("match", Map.of("name", Map.of("query", text, "operator", "and",
                                        "fuzziness", FUZZINESS, "prefix_length", 1)))),
                        "minimum_should_match", 1)),
                "sort", List.of(Map.of("_score", "desc"), Map.of("name.keyword", "asc")),
                "_source", List.of("id", "name", "visibility", "memberCount"));
        JsonNode reply = openSearch.sendLines("POST", "/_msearch", List.of(
                openSearch.tree(Map.of("index", SearchIndex.PEOPLE.alias())), openSearch.tree(people),
                openSearch.tree(Map.of("index", SearchIndex.POSTS.alias())), openSearch.tree(topics),
                openSearch.tree(Map.of("index", SearchIndex.GROUPS.alias())), openSearch.tree(groups))).body();
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
        List<Suggestions.Group> found = new ArrayList<>();
        for (JsonNode hit : responses.path(2).path("hits").path("hits")) {
            JsonNode s = hit.path("_source");
            found.add(new Suggestions.Group(text(s, "id"), text(s, "name"), text(s, "visibility"),
                    s.path("memberCount").asInt()));
        }
        return new Suggestions(persons, tags, found);
    }
}
