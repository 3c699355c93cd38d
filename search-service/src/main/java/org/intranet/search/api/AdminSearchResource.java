package org.intranet.search.api;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.intranet.kit.api.Caller;
import org.intranet.search.domain.ReindexJob;
import org.intranet.search.domain.Reindexing;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/admin/search")
@RolesAllowed(Caller.ADMIN)
public class AdminSearchResource {
    private final Reindexing reindexing;
    private final SecurityIdentity identity;

    AdminSearchResource(Reindexing reindexing, SecurityIdentity identity) {
        this.reindexing = reindexing;
        this.identity = identity;
    }

    @POST
    @Path("/reindex")
    @Operation(operationId = "reindex", summary = "Rebuild every index from the topics and swap the aliases",
            description = "Answers 202 with the job at once; follow it at the Location. The indices are rebuilt from "
                    + "the events (intranet.profile, intranet.feed) into new versioned indices, the aliases move in "
                    + "one step, and searches answer throughout. 409 while another reindex runs.")
    @APIResponse(responseCode = "202", description = "The rebuild started",
            content = @Content(schema = @Schema(implementation = ReindexJob.class)))
    public Response reindex() {
        ReindexJob job = reindexing.start(Caller.of(identity));
        return Response.accepted(job).location(URI.create("/api/admin/search/reindex/" + job.id())).build();
    }

    @GET
    @Path("/reindex/{job}")
    @Operation(operationId = "reindexJob", summary = "A rebuild's state and progress",
            description = "state RUNNING, DONE or FAILED; events replayed of totalEvents, documents written, "
                    + "docsPerSecond, and which concrete indices each alias moved from and to.")
    public ReindexJob job(@PathParam("job") String job) {
        return reindexing.job(job);
    }
}
