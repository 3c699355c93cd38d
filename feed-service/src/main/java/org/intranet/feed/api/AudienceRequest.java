package org.intranet.feed.api;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * An announcement's audience: {@code {"everyone":false,"departments":["Sales"],"locations":["Paris"],"groups":["<id>"]}},
 * the union of the parts (anyone in any listed department, location or group), or the whole company.
 */
public record AudienceRequest(
        Boolean everyone,
        @Size(max = 100) List<@NotBlank @Size(max = 100) String> departments,
        @Size(max = 100) List<@NotBlank @Size(max = 100) String> locations,
        @Size(max = 100) List<@NotBlank @Size(max = 64) String> groups) {

    static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::strip).distinct().toList();
    }
}
