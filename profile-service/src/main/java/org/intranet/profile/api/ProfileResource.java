package org.intranet.profile.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.intranet.kit.api.Caller;
import org.intranet.profile.domain.ProfileService;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/profiles")
@Authenticated
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
    public ProfileView me() {
        return ProfileView.of(profiles.me(Caller.of(identity)));
    }

    @PATCH
    @Path("/me")
    public ProfileView patchMe(@Valid @NotNull ProfilePatchRequest request) {
        Caller caller = Caller.of(identity);
        return ProfileView.of(profiles.change(caller, caller.id(), request.toChange()));
    }

    @GET
    @Path("/{id}")
    public ProfileView get(@PathParam("id") String id) {
        return ProfileView.of(profiles.get(id));
    }

    /** HR and admins correct anyone's profile; the domain policy says no to everyone else. */
    @PATCH
    @Path("/{id}")
    public ProfileView patch(@PathParam("id") String id, @Valid @NotNull ProfilePatchRequest request) {
        return ProfileView.of(profiles.change(Caller.of(identity), id, request.toChange()));
    }
}
