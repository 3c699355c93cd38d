package org.intranet.profile.domain;

import java.time.Instant;
import java.util.List;

/** One change of a profile: who (an employee or a provisioning client), through what, which fields, when. */
public record AuditEntry(long seq, String employeeId, String actorId, String source, List<String> fields,
        Instant at) {
}
