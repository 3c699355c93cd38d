package org.intranet.profile.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.intranet.kit.api.Caller;
import org.intranet.profile.domain.CustomField;
import org.intranet.profile.domain.CustomFieldService;
import org.intranet.profile.domain.ProfilePolicy;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.identity.SecurityIdentity;

/** Which fields a profile has and which the person may edit; admins define the custom ones. */
@Path("/api/profiles/fields")
@RolesAllowed(Caller.EMPLOYEE)
public class ProfileFieldResource {
    private static final String KEY = "[a-z][A-Za-z0-9_]{0,39}";
    private final CustomFieldService fields;
    private final ProfilePolicy policy;
    private final SecurityIdentity identity;

    ProfileFieldResource(CustomFieldService fields, ProfilePolicy policy, SecurityIdentity identity) {
        this.fields = fields;
        this.policy = policy;
        this.identity = identity;
    }

    /** @param selfEditable built-in fields an employee may change on their own profile */
    public record FieldsView(List<String> selfEditable, List<CustomField> custom) {
    }

    @GET
    @Operation(operationId = "listProfileFields", summary = "Self-editable built-in fields and the custom fields")
    public FieldsView list() {
        return new FieldsView(policy.selfEditable().stream().map(f -> f.json).toList(), fields.all());
    }

    @PUT
    @Path("/{key}")
    @Operation(operationId = "putCustomField", summary = "Define or change a custom profile field (admin)",
            description = "201 when new, 200 when changed. Types: TEXT, NUMBER, DATE, CHOICE (with its choices).")
    public RestResponse<CustomField> put(
            @PathParam("key") @Pattern(regexp = KEY, message = "must be a key such as costCentre") String key,
            @Valid @NotNull CustomFieldRequest request) {
        CustomField field = request.toField(key);
        boolean created = fields.put(Caller.of(identity), field);
        return created ? RestResponse.status(RestResponse.Status.CREATED, field) : RestResponse.ok(field);
    }

    @DELETE
    @Path("/{key}")
    @Operation(operationId = "deleteCustomField", summary = "Remove a custom field and its values (admin)")
    public RestResponse<Void> delete(@PathParam("key") String key) {
        fields.remove(Caller.of(identity), key);
        return RestResponse.noContent();
    }
}
