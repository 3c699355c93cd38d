package org.intranet.contracts;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of {@code intranet.profile.employee.erased.v1} (GDPR erasure by an admin): profile-service holds nothing
 * of the person any more, and every consumer removes or anonymises what it holds of them (each service's README
 * says how). An erased id stays erased in read-copies: a later snapshot of it is ignored.
 *
 * @param by the admin who erased them
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EmployeeErased(String id, Instant erasedAt, String by) {
}
