package org.intranet.feed.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.intranet.feed.domain.Follow;
import org.intranet.feed.domain.FollowService;
import org.intranet.kit.api.Caller;
import org.intranet.kit.paging.Page;
import org.intranet.kit.paging.PageCursors;
import org.intranet.kit.paging.PageLimit;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.identity.SecurityIdentity;

/** Following people and topics: the same PUT or DELETE twice has one effect. */
@Path("/api/follows")
@RolesAllowed(Caller.EMPLOYEE)
public class FollowResource {
    private final FollowService follows;
    private final PageCursors cursors;
    private final SecurityIdentity identity;

    FollowResource(FollowService follows, PageCursors cursors, SecurityIdentity identity) {
        this.follows = follows;
        this.cursors = cursors;
        this.identity = identity;
    }

    @PUT
    @Path("/people/{id}")
    @Operation(operationId = "followPerson", summary = "Follow a person",
            description = "Their posts come into the caller's home feed, recent ones included.")
    public RestResponse<Void> followPerson(@PathParam("id") String id) {
        follows.followPerson(Caller.of(identity), id);
        return RestResponse.noContent();
    }

    @DELETE
    @Path("/people/{id}")
    @Operation(operationId = "unfollowPerson", summary = "Stop following a person")
    public RestResponse<Void> unfollowPerson(@PathParam("id") String id) {
        follows.unfollowPerson(Caller.of(identity), id);
        return RestResponse.noContent();
    }

    @GET
    @Path("/people/{id}")
    @Operation(operationId = "getFollowCounts", summary = "A person's follower counts, and whether I follow them")
    public Follow.Counts counts(@PathParam("id") String id) {
        return follows.counts(Caller.of(identity), id);
    }

    @PUT
    @Path("/topics/{tag}")
    @Operation(operationId = "followTopic", summary = "Follow a hashtag",
            description = "The tag without '#', any case; posts carrying it come into the home feed.")
    public RestResponse<Void> followTopic(@PathParam("tag") String tag) {
        follows.followTopic(Caller.of(identity), tag);
        return RestResponse.noContent();
    }

    @DELETE
    @Path("/topics/{tag}")
    @Operation(operationId = "unfollowTopic", summary = "Stop following a hashtag")
    public RestResponse<Void> unfollowTopic(@PathParam("tag") String tag) {
        follows.unfollowTopic(Caller.of(identity), tag);
        return RestResponse.noContent();
    }

    @GET
    @Operation(operationId = "listFollows", summary = "What the caller follows, newest first")
    public Page<FollowView> list(@QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        Caller caller = Caller.of(identity);
        int size = PageLimit.parse(limit);
        List<Follow> rows = follows.of(caller, cursors.decode(caller.id(), cursor, 3), size);
        return cursors.page(caller.id(), rows, size,
                last -> List.of(last.followedAt().toString(), last.kind(), last.target())).map(FollowView::of);
    }

    /** Something followed: a person (id, name, handle) or a topic (id is the tag). */
    public record FollowView(String type, String id, String name, String handle, java.time.Instant followedAt) {
        static FollowView of(Follow f) {
            return new FollowView(f.kind(), f.target(), Follow.TOPIC.equals(f.kind()) ? "#" + f.target() : f.name(),
                    f.handle(), f.followedAt());
        }
    }
}
