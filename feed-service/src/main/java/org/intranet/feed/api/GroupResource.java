package org.intranet.feed.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.intranet.feed.domain.FeedService;
import org.intranet.feed.domain.Group;
import org.intranet.feed.domain.GroupService;
import org.intranet.feed.domain.Member;
import org.intranet.kit.api.Caller;
import org.intranet.kit.paging.Page;
import org.intranet.kit.paging.PageCursors;
import org.intranet.kit.paging.PageLimit;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/groups")
@RolesAllowed(Caller.EMPLOYEE)
public class GroupResource {
    private final GroupService groups;
    private final FeedService feeds;
    private final FeedPages pages;
    private final PageCursors cursors;
    private final SecurityIdentity identity;

    GroupResource(GroupService groups, FeedService feeds, FeedPages pages, PageCursors cursors,
            SecurityIdentity identity) {
        this.groups = groups;
        this.feeds = feeds;
        this.pages = pages;
        this.cursors = cursors;
        this.identity = identity;
    }

    @POST
    @Operation(operationId = "createGroup", summary = "Create a group; the creator is its first owner")
    public RestResponse<GroupView> create(@Valid @NotNull GroupRequest request) {
        Group group = groups.create(Caller.of(identity), request.name(), request.description(), request.visibility());
        return RestResponse.status(RestResponse.Status.CREATED, GroupView.of(group));
    }

    @GET
    @Operation(operationId = "listGroups", summary = "Groups by name: mine, public ones to discover, or both",
            description = "`membership=mine` lists the caller's groups, `discover` the public groups they are not "
                    + "in, `all` (default) both. Each with its member count and the caller's role.")
    public Page<GroupView> list(
            @QueryParam("membership") @Pattern(regexp = "mine|discover|all",
                    message = "must be mine, discover or all") String membership,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        Caller caller = Caller.of(identity);
        int size = PageLimit.parse(limit);
        List<Group> rows = groups.list(caller, membership == null ? "all" : membership,
                cursors.decode(caller.id(), cursor, 2), size);
        return cursors.page(caller.id(), rows, size,
                last -> List.of(last.name().toLowerCase(java.util.Locale.ROOT), last.id())).map(GroupView::of);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getGroup", summary = "One group",
            description = "A private group answers 404 to anyone but its members and admins.")
    public GroupView get(@PathParam("id") String id) {
        return GroupView.of(groups.get(Caller.of(identity), id));
    }

    @PATCH
    @Path("/{id}")
    @Operation(operationId = "updateGroup", summary = "Rename, describe or open a group (owners, admin)",
            description = "A private group may become public (its posts become visible to everyone); a public "
                    + "group cannot become private (409).")
    public GroupView update(@PathParam("id") String id, @Valid @NotNull GroupPatchRequest request) {
        return GroupView.of(groups.update(Caller.of(identity), id, request.toChanges()));
    }

    @GET
    @Path("/{id}/members")
    @Operation(operationId = "listGroupMembers", summary = "Members of a group, owners first, then by name")
    public Page<MemberView> members(@PathParam("id") String id, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        Caller caller = Caller.of(identity);
        int size = PageLimit.parse(limit);
        List<Member> rows = groups.members(caller, id, cursors.decode(caller.id(), cursor, 3), size);
        return cursors.page(caller.id(), rows, size,
                last -> List.of(String.valueOf(last.rank()), last.sortName(), last.employeeId())).map(MemberView::of);
    }

    @PUT
    @Path("/{id}/members/{employeeId}")
    @Operation(operationId = "putGroupMember", summary = "Join a public group, or add someone (owners, admin)",
            description = "Anyone joins a public group themselves; owners or an admin add anyone, to any group, "
                    + "and make owners with `?role=OWNER` (or members again with `?role=MEMBER`). The same "
                    + "request twice has one effect.")
    public MemberRoleView putMember(@PathParam("id") String id, @PathParam("employeeId") String employeeId,
            @QueryParam("role") @Pattern(regexp = "OWNER|MEMBER", message = "must be OWNER or MEMBER") String role) {
        Member.Role changed = groups.putMember(Caller.of(identity), id, employeeId, role);
        return new MemberRoleView(id, changed.employeeId(), changed.role());
    }

    @DELETE
    @Path("/{id}/members/{employeeId}")
    @Operation(operationId = "removeGroupMember", summary = "Leave a group, or remove someone (owners, admin)",
            description = "The last owner cannot leave (409) until another member is made an owner.")
    public RestResponse<Void> removeMember(@PathParam("id") String id, @PathParam("employeeId") String employeeId) {
        groups.removeMember(Caller.of(identity), id, employeeId);
        return RestResponse.noContent();
    }

    @GET
    @Path("/{id}/feed")
    @Operation(operationId = "getGroupFeed", summary = "A group's posts, newest first",
            description = "A private group answers 404 to a non-member.")
    public Page<PostView> feed(@PathParam("id") String id, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        return pages.page(cursor, limit, (caller, after, size) -> feeds.group(caller, id, after, size));
    }

    /** Someone's role in a group after a PUT. */
    public record MemberRoleView(String groupId, String employeeId, String role) {
    }
}
