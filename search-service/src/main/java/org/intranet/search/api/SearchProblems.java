package org.intranet.search.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.intranet.kit.api.Problem;
import org.intranet.search.domain.ReindexConflictException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The search-specific problems; everything else (503 for OpenSearch away included) is the kit's ProblemMapper. */
public class SearchProblems {

    @ServerExceptionMapper
    public Response conflict(ReindexConflictException e, UriInfo uri) {
        return Response.status(409).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(409, "reindex-running", "Reindex already running", e.getMessage(), uri.getPath()))
                .build();
    }
}
