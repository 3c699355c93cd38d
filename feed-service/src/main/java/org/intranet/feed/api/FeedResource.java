package org.intranet.feed.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.intranet.feed.domain.FeedPage;
import org.intranet.feed.domain.FeedService;
import org.intranet.kit.api.Caller;
import org.intranet.kit.paging.Page;
import org.intranet.kit.paging.PageCursors;
import org.intranet.kit.paging.PageLimit;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/feed")
@RolesAllowed(Caller.EMPLOYEE)
public class FeedResource {
    private final FeedService feeds;
    private final PageCursors cursors;
    private final SecurityIdentity identity;

    FeedResource(FeedService feeds, PageCursors cursors, SecurityIdentity identity) {
        this.feeds = feeds;
        this.cursors = cursors;
        this.identity = identity;
    }

    @GET
    @Path("/company")
    @Operation(operationId = "getCompanyFeed", summary = "Company-wide posts the caller may see, newest first",
            description = "Posts outside groups whose audience includes the caller (or that the caller wrote). "
                    + "Pass `next` back as `cursor` for the following page.")
    public Page<PostView> company(@QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        Caller caller = Caller.of(identity);
        FeedPage page = feeds.company(caller, cursors.decodePosition(caller.id(), cursor), PageLimit.parse(limit));
        return new Page<>(page.items().stream().map(PostView::of).toList(), cursors.encode(caller.id(), page.next()));
    }
}
