package org.intranet.contracts;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of {@code intranet.profile.directorygroup.changed.v1} (key: the group's id): a group the identity provider
 * provisions through SCIM (a team, a distribution list) was created, renamed, changed members or was deleted. A
 * delta, not the member list: such groups can hold a whole company. {@code version} orders the changes of one group.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DirectoryGroupChanged(String id, String displayName, List<String> addedMemberIds,
        List<String> removedMemberIds, boolean deleted, long version, Instant at) {
}
