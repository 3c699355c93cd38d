package org.intranet.contracts;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of {@code intranet.profile.employee.created.v1} and {@code .updated.v1}: the employee's whole public state
 * (event-carried state transfer), so a consumer can upsert its read-copy from any single event and replays converge.
 *
 * @param id          the employee id, equal to the OIDC {@code sub}
 * @param username    the handle used in {@code @mentions}
 * @param version     increases with every change; consumers ignore a snapshot older than the one they hold
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EmployeeSnapshot(
        String id,
        String username,
        String displayName,
        String email,
        String title,
        String department,
        String location,
        String managerId,
        List<String> skills,
        String status,
        long version,
        Instant updatedAt) {
}
