package org.intranet.profile.api;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.intranet.kit.api.Caller;
import org.intranet.kit.domain.InvalidRequestException;
import org.intranet.kit.paging.Page;
import org.intranet.kit.paging.PageCursors;
import org.intranet.kit.paging.PageLimit;
import org.intranet.profile.domain.AuditEntry;
import org.intranet.profile.domain.ProfileService;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.identity.SecurityIdentity;

/** One profile: read it, change it (yourself or, for HR, anyone), and its audit (admins). */
@Path("/api/profiles")
@RolesAllowed(Caller.EMPLOYEE)
public class ProfileResource {
    private final ProfileService profiles;
    private final PageCursors cursors;
    private final SecurityIdentity identity;

    ProfileResource(ProfileService profiles, PageCursors cursors, SecurityIdentity identity) {
        this.profiles = profiles;
        this.cursors = cursors;
        this.identity = identity;
    }

    /** The caller's profile; the first call creates it from the token's claims. */
    @GET
    @Path("/me")
    @Operation(operationId = "getMyProfile", summary = "The caller's profile, created on the first call",
            description = "The first call of an employee creates the profile from the token's claims.")
    public ProfileView me() {
        return ProfileView.of(profiles.me(Caller.of(identity)));
    }

    @PATCH
    @Path("/me")
    @Operation(operationId = "updateMyProfile", summary = "Change the caller's own profile",
            description = "Only the self-editable fields (GET /api/profiles/fields says which) and self-editable "
                    + "custom fields; department, location, manager and status are set by HR or the HR system.")
    public ProfileView patchMe(@Valid @NotNull ProfilePatchRequest request) {
        Caller caller = Caller.of(identity);
        return ProfileView.of(profiles.change(caller, caller.id(), request.toChange()));
    }

    /** GDPR: everything profile-service holds about the caller. */
    public record ProfileExport(String service, Instant exportedAt, ProfileView profile, List<AuditEntry> audit) {
    }

    @GET
    @Path("/me/export")
    @Operation(operationId = "exportMyProfile", summary = "Everything profile-service holds about me (GDPR)",
            description = "The profile with its custom values and every audited change of it. The other services "
                    + "export their own data at their own paths (README: \"Your data\").")
    public ProfileExport export() {
        Caller caller = Caller.of(identity);
        return new ProfileExport("profile-service", Instant.now(), ProfileView.of(profiles.me(caller)),
                profiles.auditOf(caller.id()));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getProfile", summary = "One employee's profile")
    public ProfileView get(@PathParam("id") String id) {
        return ProfileView.of(profiles.get(id));
    }

    /** HR and admins change anyone's profile; the domain policy says no to everyone else. */
    @PATCH
    @Path("/{id}")
    @Operation(operationId = "updateProfile", summary = "Change an employee's profile (hr, admin)",
            description = "Any field; status LEFT deactivates the person (employee.deactivated is published).")
    public ProfileView patch(@PathParam("id") String id, @Valid @NotNull ProfilePatchRequest request) {
        return ProfileView.of(profiles.change(Caller.of(identity), id, request.toChange()));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "eraseProfile", summary = "Erase an employee (admin, GDPR)",
            description = "The profile and its audit are deleted and employee.erased is published: every service "
                    + "removes or anonymises what it holds of the person (README: \"Your data\"). Disable their "
                    + "account in the identity provider first.")
    public RestResponse<Void> erase(@PathParam("id") String id) {
        profiles.erase(Caller.of(identity), id);
        return RestResponse.noContent();
    }

    @GET
    @Path("/{id}/audit")
    @Operation(operationId = "getProfileAudit", summary = "Who changed which fields of a profile, newest first (admin)")
    public Page<AuditEntry> audit(@PathParam("id") String id, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        Caller caller = Caller.of(identity);
        int size = PageLimit.parse(limit);
        List<String> after = cursors.decode(caller.id(), cursor, 1);
        List<AuditEntry> rows = profiles.audit(caller, id, after == null ? null : seq(after.get(0)), size + 1);
        return cursors.page(caller.id(), rows, size, e -> List.of(Long.toString(e.seq())));
    }

    private static long seq(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("cursor is not one this service issued");
        }
    }
}
