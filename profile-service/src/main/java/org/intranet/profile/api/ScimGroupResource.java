package org.intranet.profile.api;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.intranet.kit.api.Caller;
import org.intranet.profile.domain.DirectoryGroup;
import org.intranet.profile.domain.ETags;
import org.intranet.profile.domain.ScimClient;
import org.intranet.profile.domain.ScimGroups;
import org.intranet.profile.domain.ScimSearch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.utils.JsonUtils;

import io.quarkus.security.identity.SecurityIdentity;

/** SCIM 2.0 Groups: the teams and lists an identity provider pushes, with their members. */
@Path("/scim/v2/Groups")
@RolesAllowed(ScimClient.ROLE)
@Consumes({ScimJson.MEDIA_TYPE, "application/json"})
@Produces({ScimJson.MEDIA_TYPE, "application/json"})
@Tag(name = ScimJson.TAG, description = ScimJson.TAG_DESCRIPTION)
public class ScimGroupResource {
    static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";

    private final ScimGroups groups;
    private final SecurityIdentity identity;
    private final UriInfo uri;

    ScimGroupResource(ScimGroups groups, SecurityIdentity identity, UriInfo uri) {
        this.groups = groups;
        this.identity = identity;
        this.uri = uri;
    }

    @GET
    @Operation(operationId = "scimListGroups", summary = "Find Groups by a SCIM filter, a page at a time",
            description = "filter on displayName, externalId, id, members.value, meta; excludedAttributes=members "
                    + "returns a group without reading its members.")
    public Response list(@QueryParam("filter") String filter, @QueryParam("startIndex") String startIndex,
            @QueryParam("count") String count, @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excluded) {
        ScimClient.require(Caller.of(identity));
        ScimAttributes returned = ScimAttributes.of(GROUP, attributes, excluded);
        int start = ScimJson.startIndex(startIndex);
        ScimSearch.Page<DirectoryGroup> found = groups.search(filter, start, ScimJson.count(count, ScimUserResource.MAX_RESULTS));
        List<ObjectNode> resources = found.resources().stream().map(g -> returned.apply(view(g, returned))).toList();
        return Response.ok(ScimJson.list(found.total(), start, resources)).type(ScimJson.MEDIA_TYPE).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "scimGetGroup", summary = "One Group with its members")
    public Response get(@PathParam("id") String id, @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excluded) {
        ScimClient.require(Caller.of(identity));
        return tagged(Response.ok(), groups.get(id), ScimAttributes.of(GROUP, attributes, excluded));
    }

    @POST
    @Operation(operationId = "scimCreateGroup", summary = "Create a Group (201); a taken displayName is a 409")
    public Response create(String body) {
        ScimClient.require(Caller.of(identity));
        DirectoryGroup group = groups.create(ScimJson.read(body));
        return tagged(Response.created(location(group.id)), group, ScimAttributes.of(GROUP, null, null));
    }

    @PUT
    @Path("/{id}")
    @Operation(operationId = "scimReplaceGroup", summary = "Replace a Group: its name and its whole member list")
    public Response replace(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body) {
        ScimClient.require(Caller.of(identity));
        return tagged(Response.ok(), groups.replace(id, ifMatch, ScimJson.read(body)),
                ScimAttributes.of(GROUP, null, null));
    }

    @PATCH
    @Path("/{id}")
    @Operation(operationId = "scimPatchGroup", summary = "Rename a Group or add and remove members",
            description = "Members leave by members[value eq \"id\"] or by a value list (Entra ID). 204: the "
                    + "members are not sent back.")
    public Response patch(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body) {
        ScimClient.require(Caller.of(identity));
        DirectoryGroup group = groups.patch(id, ifMatch, ScimJson.read(body));
        return Response.noContent().header("ETag", ETags.of(group.version)).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "scimDeleteGroup", summary = "Delete a Group (204); its members stay")
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        ScimClient.require(Caller.of(identity));
        groups.delete(id, ifMatch);
        return Response.noContent().build();
    }

    private Response tagged(Response.ResponseBuilder response, DirectoryGroup group, ScimAttributes returned) {
        return response.entity(ScimJson.write(returned.apply(view(group, returned)))).type(ScimJson.MEDIA_TYPE)
                .header("ETag", ETags.of(group.version)).build();
    }

    private ObjectNode view(DirectoryGroup group, ScimAttributes returned) {
        ObjectNode node = JsonUtils.getJsonNodeFactory().objectNode();
        node.putArray("schemas").add(GROUP);
        node.put("id", group.id);
        if (group.externalId != null) {
            node.put("externalId", group.externalId);
        }
        node.put("displayName", group.displayName);
        if (returned.returns("members")) {
            ArrayNode members = node.putArray("members");
            groups.members(group.id).forEach(m -> members.addObject().put("value", m.id()).put("display",
                    m.displayName()).put("type", "User").put("$ref", uri.getBaseUriBuilder().path("scim/v2/Users")
                            .path(m.id()).build().toString()));
        }
        ScimMeta.add(node, "Group", group.createdAt, group.updatedAt, group.version, location(group.id));
        return node;
    }

    private URI location(String id) {
        return uri.getBaseUriBuilder().path("scim/v2/Groups").path(id).build();
    }
}
