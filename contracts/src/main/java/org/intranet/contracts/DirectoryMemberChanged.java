package org.intranet.contracts;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of {@code intranet.profile.directorymember.changed.v1} (key: {@code <groupId>/<employeeId>}): the person is
 * now a member of the provisioned group, or no longer. Keyed per membership, so that compaction of
 * {@code intranet.profile} keeps exactly the current memberships.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DirectoryMemberChanged(String groupId, String employeeId, boolean member, Instant at) {
    /** The record key of a membership. */
    public static String key(String groupId, String employeeId) {
        return groupId + "/" + employeeId;
    }
}
