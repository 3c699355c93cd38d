package org.intranet.search.domain;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.kit.api.Caller;
import org.intranet.search.store.EmployeeCopies;
import org.intranet.search.store.GroupMemberships;
import org.intranet.search.store.SearchQueries;

@ApplicationScoped
public class SearchService {
    private final SearchQueries queries;
    private final EmployeeCopies employees;
    private final GroupMemberships groups;

    SearchService(SearchQueries queries, EmployeeCopies employees, GroupMemberships groups) {
        this.queries = queries;
        this.employees = employees;
        this.groups = groups;
    }

    public SearchPage search(Caller caller, SearchQuery query) {
        return queries.search(query, principalsOf(caller));
    }

    public Suggestions suggest(Caller caller, String prefix) {
        return queries.suggest(prefix, principalsOf(caller));
    }

    /** Department and location from the read-copy when it knows them, else from the token's claims. */
    Principals principalsOf(Caller caller) {
        var copy = employees.find(caller.id());
        String department = copy.map(EmployeeCopies.Copy::department).orElse(null);
        String location = copy.map(EmployeeCopies.Copy::location).orElse(null);
        return Principals.of(caller.id(),
                department != null ? department : caller.claim("department"),
                location != null ? location : caller.claim("location"),
                groups.groupsOf(caller.id()));
    }
}
