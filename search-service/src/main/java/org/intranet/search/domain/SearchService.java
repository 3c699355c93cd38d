package org.intranet.search.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.kit.api.Caller;
import org.intranet.search.config.SearchConfig;
import org.intranet.search.store.EmployeeCopies;
import org.intranet.search.store.GroupMemberships;
import org.intranet.search.store.SearchQueries;

@ApplicationScoped
public class SearchService {
    private final SearchQueries queries;
    private final EmployeeCopies employees;
    private final GroupMemberships groups;
    private final SearchConfig.Claims claims;

    SearchService(SearchQueries queries, EmployeeCopies employees, GroupMemberships groups, SearchConfig config) {
        this.queries = queries;
        this.employees = employees;
        this.groups = groups;
        this.claims = config.claims();
    }

    public SearchPage search(Caller caller, SearchQuery query) {
        return withAuthorNames(queries.search(query, principalsOf(caller)));
    }

    public Suggestions suggest(Caller caller, String prefix) {
        return queries.suggest(prefix, principalsOf(caller));
    }

    /**
     * A post indexed before its author's first profile event has no author name in the index (the rename that
     * follows only reaches posts already refreshed); its title comes from the read-copy instead.
     */
    private SearchPage withAuthorNames(SearchPage page) {
        Set<String> unnamed = page.items().stream()
                .filter(h -> h.post() != null && h.title() == null)
                .map(h -> h.post().authorId())
                .collect(Collectors.toSet());
        if (unnamed.isEmpty()) {
            return page;
        }
        Map<String, String> names = employees.displayNames(unnamed);
        List<SearchHit> items = page.items().stream()
                .map(h -> h.post() != null && h.title() == null
                        ? h.withTitle(names.getOrDefault(h.post().authorId(), "Post"))
                        : h)
                .toList();
        return new SearchPage(items, page.total(), page.facets(), page.next());
    }

    /**
     * The read-copy once it exists (the profile is the source of truth, and a profile without a department means
     * none); until the first profile event arrives, the token's claims stand in. Feed and notifications decide
     * the same way, so a post is visible in all three or in none.
     */
    Principals principalsOf(Caller caller) {
        var copy = employees.find(caller.id());
        String department = copy.isPresent() ? copy.get().department() : caller.claim(claims.department());
        String location = copy.isPresent() ? copy.get().location() : caller.claim(claims.location());
        return Principals.of(caller.id(), department, location, groups.groupsOf(caller.id()));
    }
}
