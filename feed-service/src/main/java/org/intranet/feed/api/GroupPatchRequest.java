package org.intranet.feed.api;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.intranet.feed.domain.GroupService;

/** {@code PATCH /api/groups/{id}}: any of name, description, visibility; absent fields stay as they are. */
public record GroupPatchRequest(
        @Size(min = 1, max = 120) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name,
        @Size(max = 2000) String description,
        @Pattern(regexp = "PUBLIC|PRIVATE", message = "must be PUBLIC or PRIVATE") String visibility) {

    public GroupService.Changes toChanges() {
        return new GroupService.Changes(name, description, visibility);
    }
}
