package org.intranet.feed.api;

import java.time.Instant;

import org.intranet.feed.domain.ReactionService;

/** Someone who reacted to a post: name and handle are null until the employee read-copy knows them. */
public record ReactorView(String employeeId, String name, String handle, String type, Instant reactedAt) {

    public static ReactorView of(ReactionService.Reactor r) {
        return new ReactorView(r.employeeId(), r.name(), r.handle(), r.type().name(), r.reactedAt());
    }
}
