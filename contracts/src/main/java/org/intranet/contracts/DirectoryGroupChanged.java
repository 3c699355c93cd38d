package org.intranet.contracts;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of {@code intranet.profile.directorygroup.changed.v1} (key: the group's id): a group the identity provider
 * provisions through SCIM (a team, a distribution list) as it now is: created, renamed, or deleted. Its members are
 * separate records ({@link DirectoryMemberChanged}), one per person, so that a compacted topic keeps every
 * membership; {@code version} orders the changes of one group.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DirectoryGroupChanged(String id, String displayName, boolean deleted, long version, Instant at) {
}
