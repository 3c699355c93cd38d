package org.intranet.contracts;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of {@code intranet.profile.employee.deactivated.v1}: the person left (HR, SCIM {@code active=false}, or an
 * import). Their content stays; services stop suggesting and notifying them. The {@code updated} snapshot that
 * comes with it carries {@code status: LEFT} for read-copies.
 *
 * @param by who deactivated them (an employee id, or the provisioning client's id)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EmployeeDeactivated(String id, String username, Instant leftAt, String by) {
}
