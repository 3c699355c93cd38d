package org.intranet.search.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.intranet.kit.api.Caller;
import org.intranet.search.domain.SearchService;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/search")
@Authenticated
public class SearchResource {
    private final SearchService search;
    private final SecurityIdentity identity;

    SearchResource(SearchService search, SecurityIdentity identity) {
        this.search = search;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Search posts and people",
            description = "Posts are filtered by the caller's audience principals; people are ACTIVE employees only. "
                    + "Highlights are HTML-escaped with <em> around matches.")
    public SearchView search(@Valid @BeanParam SearchParams params) {
        return SearchView.of(search.search(Caller.of(identity), params.toQuery()));
    }

    @GET
    @Path("/suggest")
    @Operation(summary = "People and topics as you type")
    public SuggestView suggest(@QueryParam("q") @NotBlank @Size(max = 100) String q) {
        return SuggestView.of(search.suggest(Caller.of(identity), q));
    }
}
