package org.intranet.feed.api;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.intranet.feed.domain.Comment;
import org.intranet.feed.domain.CommentService;
import org.intranet.kit.api.Caller;
import org.intranet.kit.domain.InvalidRequestException;
import org.intranet.kit.domain.NotFoundException;
import org.intranet.kit.paging.Page;
import org.intranet.kit.paging.PageCursors;
import org.intranet.kit.paging.PageLimit;
import org.jboss.resteasy.reactive.ResponseStatus;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/posts/{id}/comments")
@RolesAllowed(Caller.EMPLOYEE)
public class CommentResource {
    private final CommentService comments;
    private final PageCursors cursors;
    private final SecurityIdentity identity;

    CommentResource(CommentService comments, PageCursors cursors, SecurityIdentity identity) {
        this.comments = comments;
        this.cursors = cursors;
        this.identity = identity;
    }

    @GET
    @Operation(operationId = "listComments", summary = "A post's comments, or one comment's replies, oldest first",
            description = "Top-level comments of the post; with `parentId`, the replies of that top-level comment. "
                    + "Newest last, as a conversation reads; pass `next` back as `cursor` for the following page. A "
                    + "post the caller may not see answers 404.")
    public Page<CommentView> list(@PathParam("id") String id, @QueryParam("parentId") String parentId,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        Caller caller = Caller.of(identity);
        int size = PageLimit.parse(limit);
        CommentService.CommentPage page = comments.list(caller, PostIds.parse(id), parentParam(parentId),
                cursors.decodePosition(caller.id(), cursor), size);
        return new Page<>(page.items().stream().map(c -> CommentView.of(c, caller)).toList(),
                cursors.encode(caller.id(), page.next()));
    }

    @POST
    @Operation(operationId = "addComment", summary = "Comment on a post, or reply to a comment",
            description = "The body is sanitized HTML (at most 10,000 characters); @handles become mentions. A "
                    + "`parentId` must be a top-level comment of the same post (one level of replies).")
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "The stored comment",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommentView.class)))
    public CommentView add(@PathParam("id") String id, @Valid @NotNull CommentRequest request) {
        Caller caller = Caller.of(identity);
        Comment comment = comments.add(caller, PostIds.parse(id), request.body(), request.parentId());
        return CommentView.of(comment, caller);
    }

    @PATCH
    @Path("/{commentId}")
    @Operation(operationId = "editComment", summary = "Change the text of one's own comment",
            description = "Only the comment's author may edit it; its mentions are worked out again.")
    public CommentView edit(@PathParam("id") String id, @PathParam("commentId") String commentId,
            @Valid @NotNull CommentEditRequest request) {
        Caller caller = Caller.of(identity);
        return CommentView.of(comments.edit(caller, PostIds.parse(id), commentId(commentId), request.body()), caller);
    }

    @DELETE
    @Path("/{commentId}")
    @Operation(operationId = "deleteComment", summary = "Delete a comment (and its replies)",
            description = "The comment's author, the post's author or an admin may delete it; deleting a top-level "
                    + "comment deletes its replies too.")
    public void delete(@PathParam("id") String id, @PathParam("commentId") String commentId) {
        comments.delete(Caller.of(identity), PostIds.parse(id), commentId(commentId));
    }

    private static UUID commentId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("no comment " + id);
        }
    }

    private static UUID parentParam(String parentId) {
        if (parentId == null || parentId.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(parentId.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("parentId must be the id of a comment");
        }
    }
}
