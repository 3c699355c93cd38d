package org.intranet.notification.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.intranet.kit.api.Caller;
import org.intranet.kit.domain.InvalidRequestException;
import org.intranet.notification.domain.Preferences;

import io.quarkus.security.identity.SecurityIdentity;

/** The caller's own notification preferences. */
@Path("/api/notification-preferences")
@RolesAllowed(Caller.EMPLOYEE)
@Produces(MediaType.APPLICATION_JSON)
public class PreferencesResource {
    private final Preferences preferences;
    private final SecurityIdentity identity;

    PreferencesResource(Preferences preferences, SecurityIdentity identity) {
        this.preferences = preferences;
        this.identity = identity;
    }

    @GET
    @Operation(operationId = "getNotificationPreferences", summary = "The caller's notification preferences",
            description = "Every type with its channels (the defaults where the caller chose nothing), muted posts "
                    + "and groups, subscribed groups, quiet hours, time zone and digest frequency.")
    public PreferencesBody get() {
        return PreferencesBody.of(preferences.of(Caller.of(identity).id()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceNotificationPreferences", summary = "Replace the caller's notification "
            + "preferences", description = "Replaces them all: a field left out takes its default, a type left out "
                    + "of `channels` too. Unknown types, unknown time zones and malformed times are 400 problems.")
    public PreferencesBody replace(@RequestBody(required = true) PreferencesBody body) {
        if (body == null) {
            throw new InvalidRequestException("a JSON body with the preferences is required");
        }
        return PreferencesBody.of(preferences.replace(Caller.of(identity).id(),
                body.toPreferences(preferences.defaults())));
    }
}
