package org.intranet.contracts;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of {@code intranet.feed.group.created.v1} and {@code .updated.v1}: the group's whole state.
 *
 * @param visibility {@code PUBLIC} (anyone sees its posts and may join) or {@code PRIVATE} (members only)
 * @param version    increases with every change; a consumer keeps the highest it has seen
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GroupChanged(
        String groupId,
        String name,
        String description,
        String visibility,
        int memberCount,
        String changedBy,
        long version,
        Instant at) {
}
