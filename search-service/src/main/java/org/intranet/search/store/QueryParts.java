package org.intranet.search.store;

import java.util.List;
import java.util.Map;

import org.intranet.kit.visibility.Principals;

import com.fasterxml.jackson.databind.JsonNode;

/** Pieces of the query DSL that search and suggest both build from. */
final class QueryParts {
    /** No typo allowed under 4 letters, one from 4, two from 8; the first letter must be right. */
    static final String FUZZINESS = "AUTO:4,8";

    private QueryParts() {
    }

    /** The kit's one visibility rule, evaluated by OpenSearch. */
    static Map<String, Object> visibleTo(Principals caller) {
        return caller.openSearchFilter("audience", "authorId");
    }

    /** An expired announcement leaves search as it leaves the feeds. */
    static Map<String, Object> live() {
        return bool(Map.of("must_not", List.of(Map.of("range", Map.of("expiresAt", Map.of("lte", "now"))))));
    }

    static Map<String, Object> bool(Map<String, Object> clauses) {
        return Map.of("bool", clauses);
    }

    static Map<String, Object> term(String field, String value) {
        return Map.of("term", Map.of(field, value));
    }

    static String text(JsonNode node, String field) {
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

}
