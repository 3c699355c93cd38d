package org.intranet.contracts;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of {@code intranet.profile.department.changed.v1} (key: the employee's id): the person moved to another
 * department (null: none), which changes what is targeted at them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DepartmentChanged(String id, String previousDepartment, String department, Instant at) {
}
