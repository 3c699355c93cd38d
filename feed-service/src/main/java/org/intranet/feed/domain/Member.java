package org.intranet.feed.domain;

import java.time.Instant;

/** A member of a group; {@code rank} and {@code sortName} are the list's sort keys (owners first, then by name). */
public record Member(String employeeId, String name, String handle, String role, Instant joinedAt, int rank,
        String sortName) {

    /** Someone's role in a group after a change; {@code changed} false when the request changed nothing. */
    public record Role(String employeeId, String role, boolean changed) {
    }
}
