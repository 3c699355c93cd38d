package org.intranet.feed.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.intranet.feed.domain.ReactionService;
import org.intranet.feed.domain.ReactionType;
import org.intranet.kit.api.Caller;
import org.intranet.kit.domain.InvalidRequestException;
import org.intranet.kit.domain.NotFoundException;
import org.intranet.kit.paging.Page;
import org.intranet.kit.paging.PageCursors;
import org.intranet.kit.paging.PageLimit;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/posts/{id}")
@RolesAllowed(Caller.EMPLOYEE)
public class ReactionResource {
    private final ReactionService reactions;
    private final PageCursors cursors;
    private final SecurityIdentity identity;

    ReactionResource(ReactionService reactions, PageCursors cursors, SecurityIdentity identity) {
        this.reactions = reactions;
        this.cursors = cursors;
        this.identity = identity;
    }

    @PUT
    @Path("/reactions/{type}")
    @Operation(operationId = "reactToPost", summary = "Set or switch one's reaction on a post",
            description = "One reaction per person per post: LIKE, CELEBRATE, SUPPORT, INSIGHTFUL or FUNNY. Setting "
                    + "the reaction one already has changes nothing. Answers the post's counts and one's reaction.")
    public ReactionsView reactToPost(@PathParam("id") String id, @PathParam("type") String type) {
        return ReactionsView.of(reactions.setOnPost(Caller.of(identity), PostIds.parse(id),
                ReactionType.parse(type)));
    }

    @DELETE
    @Path("/reactions/{type}")
    @Operation(operationId = "unreactToPost", summary = "Remove one's reaction of this type from a post",
            description = "Removes it when one's reaction is of this type; otherwise changes nothing. Answers the "
                    + "post's counts and one's reaction.")
    public ReactionsView unreactToPost(@PathParam("id") String id, @PathParam("type") String type) {
        return ReactionsView.of(reactions.removeFromPost(Caller.of(identity), PostIds.parse(id),
                ReactionType.parse(type)));
    }

    @GET
    @Path("/reactions")
    @Operation(operationId = "listPostReactions", summary = "Who reacted to a post, newest first",
            description = "Optionally only one `type`; pass `next` back as `cursor` for the following page.")
    public Page<ReactorView> reactors(@PathParam("id") String id, @QueryParam("type") String type,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        Caller caller = Caller.of(identity);
        int size = PageLimit.parse(limit);
        ReactionType only = type == null || type.isBlank() ? null : ReactionType.parse(type);
        ReactionService.ReactorPage page = reactions.reactors(caller, PostIds.parse(id), only, after(caller, cursor),
                size);
        return new Page<>(page.items().stream().map(ReactorView::of).toList(), page.next() == null ? null
                : cursors.encode(caller.id(), List.of(page.next().reactedAt().toString(), page.next().employeeId())));
    }

    @PUT
    @Path("/comments/{commentId}/reactions/{type}")
    @Operation(operationId = "reactToComment", summary = "Set or switch one's reaction on a comment",
            description = "One reaction per person per comment; answers the comment's counts and one's reaction.")
    public ReactionsView reactToComment(@PathParam("id") String id, @PathParam("commentId") String commentId,
            @PathParam("type") String type) {
        return ReactionsView.of(reactions.setOnComment(Caller.of(identity), PostIds.parse(id), commentId(commentId),
                ReactionType.parse(type)));
    }

    @DELETE
    @Path("/comments/{commentId}/reactions/{type}")
    @Operation(operationId = "unreactToComment", summary = "Remove one's reaction of this type from a comment",
            description = "Removes it when one's reaction is of this type; otherwise changes nothing.")
    public ReactionsView unreactToComment(@PathParam("id") String id, @PathParam("commentId") String commentId,
            @PathParam("type") String type) {
        return ReactionsView.of(reactions.removeFromComment(Caller.of(identity), PostIds.parse(id),
                commentId(commentId), ReactionType.parse(type)));
    }

    /** The cursor's keys are the last reactor's (reacted_at, employee id). */
    private ReactionService.After after(Caller caller, String cursor) {
        List<String> keys = cursors.decode(caller.id(), cursor, 2);
        if (keys == null) {
            return null;
        }
        try {
            return new ReactionService.After(Instant.parse(keys.get(0)), keys.get(1));
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(
                    "cursor is not valid: pass the 'next' value of a previous page unchanged");
        }
    }

    private static UUID commentId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("no comment " + id);
        }
    }
}
