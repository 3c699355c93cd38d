package org.intranet.search.api;

import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.intranet.kit.api.Caller;
import org.intranet.kit.paging.PageCursors;
import org.intranet.search.domain.SearchAfter;
import org.intranet.search.domain.SearchPage;
import org.intranet.search.domain.SearchService;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/search")
@RolesAllowed(Caller.EMPLOYEE)
public class SearchResource {
    private final SearchService search;
    private final PageCursors cursors;
    private final SecurityIdentity identity;

    SearchResource(SearchService search, PageCursors cursors, SecurityIdentity identity) {
        this.search = search;
        this.cursors = cursors;
        this.identity = identity;
    }

    @GET
    @Operation(operationId = "search", summary = "Search posts and people",
            description = "Each word must match (typos forgiven on words of 4+ letters), the last word may be "
                    + "unfinished, \"quoted words\" match as a phrase, -word excludes; nothing else is syntax. "
                    + "Posts (found by their text, author, tags or comments) are filtered by the caller's audience "
                    + "principals, newer first among equals; expired announcements are left out. People who left are "
                    + "found after active ones, marked `former`. Department and location filter posts by their "
                    + "author's. Facets count only what the caller may see. Highlights are HTML-escaped with <em> "
                    + "around matches. Pass `next` back as `cursor`. An unknown parameter is a 400.")
    public SearchView search(@Valid @BeanParam SearchParams params, @Context UriInfo uri) {
        SearchParams.requireKnown(uri.getQueryParameters().keySet(), SearchParams.KNOWN);
        Caller caller = Caller.of(identity);
        SearchAfter after = SearchAfter.of(cursors.decode(caller.id(), params.cursor, 3));
        SearchPage page = search.search(caller, params.toQuery(after));
        return SearchView.of(page, page.next() == null ? null : cursors.encode(caller.id(), page.next().keys()));
    }

    @GET
    @Path("/suggest")
    @Operation(operationId = "suggest", summary = "People and topics as you type",
            description = "Up to 10: active people by name or handle prefix (or a near match), topics (hashtags of "
                    + "posts the caller may see) by prefix, groups the caller may see by name.")
    public SuggestView suggest(@QueryParam("q") @NotBlank @Size(max = 100) String q, @Context UriInfo uri) {
        SearchParams.requireKnown(uri.getQueryParameters().keySet(), Set.of("q"));
        return SuggestView.of(search.suggest(Caller.of(identity), q));
    }
}
