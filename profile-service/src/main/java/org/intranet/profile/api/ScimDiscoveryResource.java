package org.intranet.profile.api;

import java.beans.IntrospectionException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.intranet.kit.api.Caller;
import org.intranet.profile.domain.ScimClient;
import org.intranet.profile.domain.ScimFault;
import org.intranet.profile.domain.ScimUserDocument;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.AuthenticationScheme;
import com.unboundid.scim2.common.types.BulkConfig;
import com.unboundid.scim2.common.types.ChangePasswordConfig;
import com.unboundid.scim2.common.types.ETagConfig;
import com.unboundid.scim2.common.types.EnterpriseUserExtension;
import com.unboundid.scim2.common.types.FilterConfig;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.PatchConfig;
import com.unboundid.scim2.common.types.ResourceTypeResource;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.common.types.ServiceProviderConfigResource;
import com.unboundid.scim2.common.types.SortConfig;
import com.unboundid.scim2.common.types.UserResource;
import com.unboundid.scim2.common.utils.JsonUtils;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * SCIM discovery (RFC 7644 §4): what this server supports, the schemas of what it stores and its resource types.
 * The schemas are the SDK's definitions of RFC 7643, cut to the attributes a profile keeps, so a client that
 * reads them maps only what is stored.
 */
@Path("/scim/v2")
@RolesAllowed(ScimClient.ROLE)
@Produces({ScimJson.MEDIA_TYPE, "application/json"})
@Tag(name = ScimJson.TAG, description = ScimJson.TAG_DESCRIPTION)
public class ScimDiscoveryResource {
    private static final Map<String, Set<String>> STORED = Map.of(
            ScimUserDocument.USER, Set.of("userName", "name", "displayName", "title", "emails", "phoneNumbers",
                    "addresses", "timezone", "active", "photos"),
            ScimUserDocument.ENTERPRISE, Set.of("employeeNumber", "department", "manager"),
            ScimGroupResource.GROUP, Set.of("displayName", "members"));

    private final SecurityIdentity identity;
    private final List<ObjectNode> schemas;
    private final List<ObjectNode> resourceTypes;
    private final String config;

    ScimDiscoveryResource(SecurityIdentity identity) throws IntrospectionException {
        this.identity = identity;
        this.schemas = List.of(stored(UserResource.class), stored(EnterpriseUserExtension.class),
                stored(GroupResource.class));
        this.resourceTypes = List.of(
                node(new ResourceTypeResource("User", "User", "People: the intranet's profiles",
                        URI.create("/Users"), URI.create(ScimUserDocument.USER),
                        List.of(new ResourceTypeResource.SchemaExtension(URI.create(ScimUserDocument.ENTERPRISE),
                                false)))),
                node(new ResourceTypeResource("Group", "Group", "Teams and lists the identity provider pushes",
                        URI.create("/Groups"), URI.create(ScimGroupResource.GROUP), List.of())));
        this.config = ScimJson.write(new ServiceProviderConfigResource(
                "https://datatracker.ietf.org/doc/html/rfc7644", new PatchConfig(true), new BulkConfig(false, 0, 0),
                new FilterConfig(true, ScimUserResource.MAX_RESULTS), new ChangePasswordConfig(false),
                new SortConfig(false), new ETagConfig(true),
                List.of(AuthenticationScheme.createOAuth2BearerToken(true))));
    }

    @GET
    @Path("/ServiceProviderConfig")
    @Operation(operationId = "scimServiceProviderConfig", summary = "What this SCIM server supports")
    public Response serviceProviderConfig() {
        ScimClient.require(Caller.of(identity));
        return ok(config);
    }

    @GET
    @Path("/Schemas")
    @Operation(operationId = "scimListSchemas", summary = "The User, enterprise User and Group schemas, as stored")
    public Response schemas() {
        ScimClient.require(Caller.of(identity));
        return ok(ScimJson.list(schemas.size(), 1, schemas));
    }

    @GET
    @Path("/Schemas/{id}")
    @Operation(operationId = "scimGetSchema", summary = "One schema by its URN")
    public Response schema(@PathParam("id") String id) {
        ScimClient.require(Caller.of(identity));
        return ok(ScimJson.write(find(schemas, "id", id, "Schema")));
    }

    @GET
    @Path("/ResourceTypes")
    @Operation(operationId = "scimListResourceTypes", summary = "User and Group")
    public Response resourceTypes() {
        ScimClient.require(Caller.of(identity));
        return ok(ScimJson.list(resourceTypes.size(), 1, resourceTypes));
    }

    @GET
    @Path("/ResourceTypes/{name}")
    @Operation(operationId = "scimGetResourceType", summary = "One resource type by name")
    public Response resourceType(@PathParam("name") String name) {
        ScimClient.require(Caller.of(identity));
        return ok(ScimJson.write(find(resourceTypes, "name", name, "ResourceType")));
    }

    private static ObjectNode find(List<ObjectNode> nodes, String key, String value, String what) {
        return nodes.stream().filter(n -> n.path(key).asText().equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> new ScimFault(new ResourceNotFoundException("no " + what + " " + value)));
    }

    private static ObjectNode stored(Class<?> type) throws IntrospectionException {
        SchemaResource full = com.unboundid.scim2.common.utils.SchemaUtils.getSchema(type);
        Set<String> kept = STORED.get(full.getId());
        List<AttributeDefinition> attributes = new ArrayList<>();
        for (AttributeDefinition attribute : full.getAttributes()) {
            if (kept.contains(attribute.getName())) {
                attributes.add(attribute);
            }
        }
        return node(new SchemaResource(full.getId(), full.getName(), full.getDescription(), attributes));
    }

    private static ObjectNode node(Object resource) {
        return JsonUtils.valueToNode(resource);
    }

    private static Response ok(String body) {
        return Response.ok(body).type(ScimJson.MEDIA_TYPE).build();
    }
}
