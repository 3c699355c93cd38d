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
import org.intranet.profile.domain.ETags;
import org.intranet.profile.domain.Employee;
import org.intranet.profile.domain.ScimClient;
import org.intranet.profile.domain.ScimSearch;
import org.intranet.profile.domain.ScimUserDocument;
import org.intranet.profile.domain.ScimUsers;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.security.identity.SecurityIdentity;

/** SCIM 2.0 Users (RFC 7644) for Entra ID, Okta and any provisioning client: the profiles, as the IdP owns them. */
@Path("/scim/v2/Users")
@RolesAllowed(ScimClient.ROLE)
@Consumes({ScimJson.MEDIA_TYPE, "application/json"})
@Produces({ScimJson.MEDIA_TYPE, "application/json"})
@Tag(name = ScimJson.TAG, description = ScimJson.TAG_DESCRIPTION)
public class ScimUserResource {
    /** The most a page holds (ServiceProviderConfig's filter.maxResults). */
    static final int MAX_RESULTS = 200;

    private final ScimUsers users;
    private final SecurityIdentity identity;
    private final UriInfo uri;

    ScimUserResource(ScimUsers users, SecurityIdentity identity, UriInfo uri) {
        this.users = users;
        this.identity = identity;
        this.uri = uri;
    }

    @GET
    @Operation(operationId = "scimListUsers", summary = "Find Users by a SCIM filter, a page at a time",
            description = "filter (eq, ne, co, sw, ew, pr, gt, ge, lt, le, and, or, not, value filters) on userName, "
                    + "externalId, displayName, name.*, emails, active, title, the enterprise extension and meta; "
                    + "startIndex (1-based) and count (≤ 200); attributes / excludedAttributes.")
    public Response list(@QueryParam("filter") String filter, @QueryParam("startIndex") String startIndex,
            @QueryParam("count") String count, @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excluded) {
        ScimClient.require(Caller.of(identity));
        ScimAttributes returned = ScimAttributes.of(ScimUserDocument.USER, attributes, excluded);
        int start = ScimJson.startIndex(startIndex);
        ScimSearch.Page<Employee> found = users.search(filter, start, ScimJson.count(count, MAX_RESULTS));
        List<ObjectNode> resources = found.resources().stream().map(e -> returned.apply(view(e))).toList();
        return ok(ScimJson.list(found.total(), start, resources));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "scimGetUser", summary = "One User (deactivated ones too; deleted ones are 404)")
    public Response get(@PathParam("id") String id, @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excluded) {
        ScimClient.require(Caller.of(identity));
        Employee employee = users.get(id);
        return tagged(Response.ok(), employee, ScimAttributes.of(ScimUserDocument.USER, attributes, excluded));
    }

    @POST
    @Operation(operationId = "scimCreateUser", summary = "Create a User (201), or bring back one deleted earlier",
            description = "externalId becomes the profile's id (the subject of the person's tokens) when it is one; "
                    + "a userName taken by another User is a 409 uniqueness.")
    public Response create(String body) {
        String actor = ScimClient.require(Caller.of(identity));
        Employee employee = users.create(actor, ScimJson.read(body));
        return tagged(Response.created(location(employee.id)), employee, ScimAttributes.of(ScimUserDocument.USER,
                null, null));
    }

    @PUT
    @Path("/{id}")
    @Operation(operationId = "scimReplaceUser", summary = "Replace a User",
            description = "Omitted attributes the organisation owns are cleared; title, phone and time zone, which "
                    + "the employee may keep up, stay. If-Match with an old ETag is a 412.")
    public Response replace(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body) {
        String actor = ScimClient.require(Caller.of(identity));
        return tagged(Response.ok(), users.replace(actor, id, ifMatch, ScimJson.read(body)),
                ScimAttributes.of(ScimUserDocument.USER, null, null));
    }

    @PATCH
    @Path("/{id}")
    @Operation(operationId = "scimPatchUser", summary = "Change a User with PATCH operations",
            description = "add, replace, remove in any case; Entra ID's and Okta's forms (no path with dotted keys, "
                    + "\"False\" as text, a bare manager id). All operations apply, or none.")
    public Response patch(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body) {
        String actor = ScimClient.require(Caller.of(identity));
        return tagged(Response.ok(), users.patch(actor, id, ifMatch, ScimJson.read(body)),
                ScimAttributes.of(ScimUserDocument.USER, null, null));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "scimDeleteUser", summary = "Delete a User: the person leaves (204)",
            description = "They are deactivated (their posts stay, shown as a former employee) and leave their "
                    + "groups; SCIM answers 404 for them afterwards. Erasing their data is an admin's act.")
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        String actor = ScimClient.require(Caller.of(identity));
        users.delete(actor, id, ifMatch);
        return Response.noContent().build();
    }

    private Response tagged(Response.ResponseBuilder response, Employee employee, ScimAttributes returned) {
        return response.entity(ScimJson.write(returned.apply(view(employee)))).type(ScimJson.MEDIA_TYPE)
                .header("ETag", ETags.of(employee.version)).build();
    }

    private ObjectNode view(Employee employee) {
        ObjectNode user = ScimUserDocument.render(employee);
        ScimMeta.add(user, "User", employee.createdAt, employee.updatedAt, employee.version, location(employee.id));
        return user;
    }

    private URI location(String id) {
        return uri.getBaseUriBuilder().path("scim/v2/Users").path(id).build();
    }

    private static Response ok(String body) {
        return Response.ok(body).type(ScimJson.MEDIA_TYPE).build();
    }
}
