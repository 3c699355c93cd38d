package org.intranet.kit.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 7807 problem body: {@code application/problem+json}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record Violation(String field, String message) {
    }

    public static Problem of(int status, String slug, String title, String detail, String instance) {
        return new Problem("/problems/" + slug, title, status, detail, instance, List.of());
    }
}
