package org.intranet.feed.api;

import java.time.Instant;

import org.intranet.feed.domain.Member;

/** A group member with what a client shows: name, handle, role. */
public record MemberView(String employeeId, String name, String handle, String role, Instant joinedAt) {

    public static MemberView of(Member m) {
        return new MemberView(m.employeeId(), m.name(), m.handle(), m.role(), m.joinedAt());
    }
}
