package org.intranet.feed.api;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.intranet.feed.domain.FeedService;
import org.intranet.feed.domain.Post;
import org.intranet.feed.domain.PostService;
import org.intranet.feed.domain.Revision;
import org.intranet.kit.api.Caller;
import org.intranet.kit.paging.Page;
import org.intranet.kit.paging.PageCursors;
import org.intranet.kit.paging.PageLimit;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/posts")
@RolesAllowed(Caller.EMPLOYEE)
public class PostResource {
    private final PostService posts;
    private final FeedService feeds;
    private final PageCursors cursors;
    private final SecurityIdentity identity;

    PostResource(PostService posts, FeedService feeds, PageCursors cursors, SecurityIdentity identity) {
        this.posts = posts;
        this.feeds = feeds;
        this.cursors = cursors;
        this.identity = identity;
    }

    @POST
    @Operation(operationId = "publishPost", summary = "Publish a post",
            description = "The body is sanitized HTML; @handles become mentions and #tags hashtags; up to "
                    + PostRequest.MAX_LINKS + " http(s) links. A post in a group needs the author to be a member.")
    public RestResponse<PostView> publish(@Valid @NotNull PostRequest request) {
        Caller caller = Caller.of(identity);
        Post post = posts.publish(caller, request.toDraft());
        return RestResponse.status(RestResponse.Status.CREATED, PostView.of(feeds.post(caller, post.id)));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getPost", summary = "One post, when the caller may see it",
            description = "A post the caller may not see answers 404, exactly like one that does not exist.")
    public PostView get(@PathParam("id") String id) {
        return PostView.of(feeds.open(Caller.of(identity), PostIds.parse(id)));
    }

    @PATCH
    @Path("/{id}")
    @Operation(operationId = "editPost", summary = "Edit one's own post",
            description = "Only the author edits. The previous text stays in the history; mentions and hashtags "
                    + "are recomputed from the new text, and the post shows as edited.")
    public PostView edit(@PathParam("id") String id, @Valid @NotNull PostEditRequest request) {
        Caller caller = Caller.of(identity);
        UUID postId = PostIds.parse(id);
        posts.edit(caller, postId, request.toEdit());
        return PostView.of(feeds.post(caller, postId));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deletePost", summary = "Delete a post",
            description = "The author, an owner of the post's group, or an admin deletes; it disappears from every "
                    + "feed and its direct link answers 404.")
    public RestResponse<Void> delete(@PathParam("id") String id) {
        posts.delete(Caller.of(identity), PostIds.parse(id));
        return RestResponse.noContent();
    }

    @GET
    @Path("/{id}/history")
    @Operation(operationId = "getPostHistory", summary = "Every text the post has had, newest first",
            description = "Visible to whoever may see the post.")
    public Page<RevisionView> history(@PathParam("id") String id, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        Caller caller = Caller.of(identity);
        int size = PageLimit.parse(limit);
        List<String> after = cursors.decode(caller.id(), cursor, 1); // signed: its key is the number we wrote
        int before = after == null ? Integer.MAX_VALUE : Integer.parseInt(after.get(0));
        List<Revision> rows = posts.history(caller, PostIds.parse(id), before, size);
        return cursors.page(caller.id(), rows, size, last -> List.of(String.valueOf(last.revision())))
                .map(RevisionView::of);
    }
}
