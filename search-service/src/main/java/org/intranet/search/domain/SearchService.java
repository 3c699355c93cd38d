package org.intranet.search.domain;

import java.util.HashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.kit.api.Caller;
import org.intranet.kit.visibility.Principals;
import org.intranet.kit.visibility.Readers;
import org.intranet.search.store.SearchQueries;
import org.intranet.search.store.SuggestQueries;

/** Searches and suggestions, always through the caller's principals (the kit's one visibility rule). */
@ApplicationScoped
public class SearchService {
    private final SearchQueries queries;
    private final SuggestQueries suggestions;
    private final AuthorNames names;
    private final Readers readers;

    SearchService(SearchQueries queries, SuggestQueries suggestions, AuthorNames names, Readers readers) {
        this.queries = queries;
        this.suggestions = suggestions;
        this.names = names;
        this.readers = readers;
    }

    public SearchPage search(Caller caller, SearchQuery query) {
        Principals principals = readers.of(caller);
        return labelled(queries.search(query, principals), principals);
    }

    public Suggestions suggest(Caller caller, String prefix) {
        return suggestions.suggest(prefix, readers.of(caller));
    }

    /**
     * Names from where they are current: a post's author from the read-copy (a rename reaches the index's copy of
     * the name later, an erasure never leaves one), groups from the groups index (only those the caller may see).
     */
    private SearchPage labelled(SearchPage page, Principals caller) {
        Set<String> people = new HashSet<>(page.facets().getOrDefault("author", Map.of()).keySet());
        page.items().stream().filter(h -> h.post() != null).forEach(h -> people.add(h.post().authorId()));
        Map<String, String> names = this.names.of(people);
        List<SearchHit> items = page.items().stream()
                .map(h -> h.post() != null ? h.withTitle(names.getOrDefault(h.post().authorId(), "Post")) : h)
                .toList();
        Map<String, String> authors = new LinkedHashMap<>();
        page.facets().getOrDefault("author", Map.of()).keySet()
                .forEach(id -> authors.put(id, names.getOrDefault(id, id)));
        List<String> groupIds = List.copyOf(page.facets().getOrDefault("group", Map.of()).keySet());
        return page.with(items, Map.of("author", authors, "group", queries.groupNames(groupIds, caller)));
    }
}
