package org.intranet.feed.domain;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.feed.config.FeedConfig;
import org.intranet.feed.store.EmployeeStore;
import org.intranet.feed.store.GroupStore;
import org.intranet.kit.api.Caller;

/**
 * Works out a caller's principals. Department and location come from the employee read-copy (kept current by
 * profile events); until the first event arrives the token's claims stand in.
 */
@ApplicationScoped
public class Readers {
    private final EmployeeStore employees;
    private final GroupStore groups;
    private final FeedConfig.Claims claims;

    Readers(EmployeeStore employees, GroupStore groups, FeedConfig config) {
        this.employees = employees;
        this.groups = groups;
        this.claims = config.claims();
    }

    public Reader of(Caller caller) {
        EmployeeStore.Basics basics = employees.basics(caller.id());
        String department = basics != null ? basics.department() : caller.claim(claims.department());
        String location = basics != null ? basics.location() : caller.claim(claims.location());
        return new Reader(caller.id(),
                Audience.principalsOf(caller.id(), department, location, groups.groupIdsOf(caller.id())));
    }
}
