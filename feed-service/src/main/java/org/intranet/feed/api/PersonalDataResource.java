package org.intranet.feed.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.intranet.feed.domain.PersonalData;
import org.intranet.feed.domain.PersonalDataExport;
import org.intranet.kit.api.Caller;

import io.quarkus.security.identity.SecurityIdentity;

/** GDPR: an employee downloads what feed-service holds of theirs. */
@Path("/api/feed/me/export")
@RolesAllowed(Caller.EMPLOYEE)
public class PersonalDataResource {
    private final PersonalDataExport data;
    private final SecurityIdentity identity;

    PersonalDataResource(PersonalDataExport data, SecurityIdentity identity) {
        this.data = data;
        this.identity = identity;
    }

    @GET
    @Operation(operationId = "exportMyFeedData", summary = "Everything feed-service holds of mine (GDPR)",
            description = "My posts (deleted ones too) and every text I wrote of them, my comments, reactions, "
                    + "follows, group memberships, recognitions given and received, announcement receipts.")
    public PersonalData export() {
        return data.of(Caller.of(identity));
    }
}
