package org.intranet.profile.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.intranet.kit.api.Caller;
import org.intranet.profile.domain.ProfileService;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/profiles")
@RolesAllowed(Caller.EMPLOYEE)
public class ProfileResource {
    private final ProfileService profiles;
    private final SecurityIdentity identity;

    ProfileResource(ProfileService profiles, SecurityIdentity identity) {
        this.profiles = profiles;
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
            description = "Title and skills; department, location and manager are set by HR or the HR system.")
    public ProfileView patchMe(@Valid @NotNull ProfilePatchRequest request) {
        Caller caller = Caller.of(identity);
        return ProfileView.of(profiles.change(caller, caller.id(), request.toChange()));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getProfile", summary = "One employee's profile")
    public ProfileView get(@PathParam("id") String id) {
        return ProfileView.of(profiles.get(id));
    }

    /** HR and admins correct anyone's profile; the domain policy says no to everyone else. */
    @PATCH
    @Path("/{id}")
    @Operation(operationId = "updateProfile", summary = "Change an employee's profile (hr, admin)")
    public ProfileView patch(@PathParam("id") String id, @Valid @NotNull ProfilePatchRequest request) {
        return ProfileView.of(profiles.change(Caller.of(identity), id, request.toChange()));
    }
}
