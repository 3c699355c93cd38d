package org.intranet.search.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.intranet.kit.api.Caller;
import org.intranet.search.domain.ReindexReport;
import org.intranet.search.domain.Reindexer;

@Path("/api/admin/search")
@RolesAllowed(Caller.ADMIN)
public class AdminSearchResource {
    private final Reindexer reindexer;

    AdminSearchResource(Reindexer reindexer) {
        this.reindexer = reindexer;
    }

    /** Answers when done (progress goes to the log meanwhile) with per-index counts, time and rate. */
    @POST
    @Path("/reindex")
    @Operation(operationId = "reindex", summary = "Rebuild people and posts into new versioned indices and swap the aliases")
    public ReindexReport reindex() {
        return reindexer.reindexAll();
    }
}
