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
 * @param changed     on {@code updated}: the profile fields this change touched (JSON names, custom fields as
 *                    {@code custom.<key>}); empty on {@code created}
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
        Instant updatedAt,
        String timeZone,
        String pronouns,
        String avatarUrl,
        List<String> languages,
        List<String> changed) {

    /** The snapshot before the directory fields were added (still read from older events). */
    public EmployeeSnapshot(String id, String username, String displayName, String email, String title,
            String department, String location, String managerId, List<String> skills, String status, long version,
            Instant updatedAt) {
        this(id, username, displayName, email, title, department, location, managerId, skills, status, version,
                updatedAt, null, null, null, null, null);
    }
}
