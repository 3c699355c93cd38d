package org.intranet.contracts;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of {@code intranet.feed.announcement.acknowledged.v1}: one employee acknowledged an announcement (once;
 * an acknowledgement is never withdrawn). Keyed by post id.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AnnouncementAcknowledged(
        String postId,
        String employeeId,
        Instant acknowledgedAt) {
}
