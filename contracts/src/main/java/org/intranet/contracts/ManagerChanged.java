package org.intranet.contracts;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of {@code intranet.profile.manager.changed.v1} (key: the employee's id): the person now reports to
 * {@code managerId} (null: to no one).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ManagerChanged(String id, String previousManagerId, String managerId, Instant at) {
}
