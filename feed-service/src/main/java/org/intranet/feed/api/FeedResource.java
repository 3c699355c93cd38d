package org.intranet.feed.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.intranet.feed.domain.FeedService;
import org.intranet.kit.api.Caller;
import org.intranet.kit.paging.Page;

/** The feeds, newest first; pass a page's {@code next} back as {@code cursor} for the following page. */
@Path("/api/feed")
@RolesAllowed(Caller.EMPLOYEE)
public class FeedResource {
    private final FeedService feeds;
    private final FeedPages pages;

    FeedResource(FeedService feeds, FeedPages pages) {
        this.feeds = feeds;
        this.pages = pages;
    }

    @GET
    @Path("/home")
    @Operation(operationId = "getHomeFeed", summary = "The caller's home feed",
            description = "Posts of the people and topics the caller follows, of their groups, and their own, "
                    + "from their materialised timeline, with the posts of their very large groups merged in.")
    public Page<PostView> home(@QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        return pages.page(cursor, limit, feeds::home);
    }

    @GET
    @Path("/company")
    @Operation(operationId = "getCompanyFeed", summary = "Company-wide posts the caller may see",
            description = "Posts outside groups whose audience includes the caller (or that the caller wrote).")
    public Page<PostView> company(@QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        return pages.page(cursor, limit, feeds::company);
    }

    @GET
    @Path("/people/{id}")
    @Operation(operationId = "getPersonFeed", summary = "What one person posted, where the caller may see it")
    public Page<PostView> person(@PathParam("id") String id, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        return pages.page(cursor, limit, (caller, after, size) -> feeds.person(caller, id, after, size));
    }

    @GET
    @Path("/topics/{tag}")
    @Operation(operationId = "getTopicFeed", summary = "Posts carrying a hashtag",
            description = "The tag without '#', any case.")
    public Page<PostView> topic(@PathParam("tag") String tag, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        return pages.page(cursor, limit, (caller, after, size) -> feeds.topic(caller, tag, after, size));
    }
}
