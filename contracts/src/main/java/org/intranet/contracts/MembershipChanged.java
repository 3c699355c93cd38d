package org.intranet.contracts;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of {@code intranet.feed.member.added.v1} and {@code .removed.v1}, keyed by group id so one group's
 * membership changes stay in order. Consumers keep a {@code group_members} read-copy from them: the
 * {@code group:<id>} principal that lets members, and only members, see a private group's posts.
 *
 * @param role   {@code OWNER} or {@code MEMBER} (on {@code added}; a role change is another {@code added})
 * @param by     who made the change: the member themselves, an owner or an admin
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MembershipChanged(
        String groupId,
        String employeeId,
        String role,
        String visibility,
        String by,
        Instant at) {
}
