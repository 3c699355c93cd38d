package org.intranet.feed.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/groups}: {@code {"name":"…","description":"…","visibility":"PUBLIC"|"PRIVATE"}}. */
public record GroupRequest(
        @NotBlank @Size(max = 120) String name,
        @Size(max = 2000) String description,
        @NotNull @Pattern(regexp = "PUBLIC|PRIVATE", message = "must be PUBLIC or PRIVATE") String visibility) {
}
