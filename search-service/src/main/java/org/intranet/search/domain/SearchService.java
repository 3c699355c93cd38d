package org.intranet.search.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.kit.api.Caller;
import org.intranet.kit.readcopy.EmployeeCopies;
import org.intranet.kit.visibility.Readers;
import org.intranet.search.store.SearchQueries;

/** Searches and suggestions, always through the caller's principals (the kit's one visibility rule). */
@ApplicationScoped
public class SearchService {
    private final SearchQueries queries;
    private final EmployeeCopies employees;
    private final Readers readers;

    SearchService(SearchQueries queries, EmployeeCopies employees, Readers readers) {
        this.queries = queries;
        this.employees = employees;
        this.readers = readers;
    }

    public SearchPage search(Caller caller, SearchQuery query) {
        return withAuthorNames(queries.search(query, readers.of(caller)));
    }

    public Suggestions suggest(Caller caller, String prefix) {
        return queries.suggest(prefix, readers.of(caller));
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
        Map<String, String> names = employees.names(unnamed);
        List<SearchHit> items = page.items().stream()
                .map(h -> h.post() != null && h.title() == null
                        ? h.withTitle(names.getOrDefault(h.post().authorId(), "Post"))
                        : h)
                .toList();
        return new SearchPage(items, page.total(), page.facets(), page.next());
    }
}
