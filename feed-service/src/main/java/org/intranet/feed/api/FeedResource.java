package org.intranet.feed.api;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.intranet.feed.domain.FeedPage;
import org.intranet.feed.domain.FeedService;
import org.intranet.kit.api.Caller;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/feed")
@Authenticated
public class FeedResource {
    private final FeedService feeds;
    private final SecurityIdentity identity;

    FeedResource(FeedService feeds, SecurityIdentity identity) {
        this.feeds = feeds;
        this.identity = identity;
    }

    /** Company-wide posts the caller may see, newest first. */
    @GET
    @Path("/company")
    public PageView<PostView> company(@QueryParam("cursor") @Size(max = 200) String cursor,
            @QueryParam("limit") @DefaultValue("20")
            @Pattern(regexp = "\\d{1,3}", message = "must be a number from 1 to 100") String limit) {
        FeedPage page = feeds.company(Caller.of(identity), FeedCursor.decode(cursor), PageLimit.parse(limit));
        return new PageView<>(page.items().stream().map(PostView::of).toList(), FeedCursor.encode(page.next()));
    }
}
