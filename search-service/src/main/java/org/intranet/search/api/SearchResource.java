package org.intranet.search.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

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
            description = "Posts are filtered by the caller's audience principals; people are ACTIVE employees only. "
                    + "Highlights are HTML-escaped with <em> around matches. Pass `next` back as `cursor`.")
    public SearchView search(@Valid @BeanParam SearchParams params) {
        Caller caller = Caller.of(identity);
        SearchAfter after = SearchAfter.of(cursors.decode(caller.id(), params.cursor, 2));
        SearchPage page = search.search(caller, params.toQuery(after));
        return SearchView.of(page, page.next() == null ? null : cursors.encode(caller.id(), page.next().keys()));
    }

    @GET
    @Path("/suggest")
    @Operation(operationId = "suggest", summary = "People and topics as you type",
            description = "People by name or handle prefix; topics are hashtags of posts the caller may see.")
    public SuggestView suggest(@QueryParam("q") @NotBlank @Size(max = 100) String q) {
        return SuggestView.of(search.suggest(Caller.of(identity), q));
    }
}
