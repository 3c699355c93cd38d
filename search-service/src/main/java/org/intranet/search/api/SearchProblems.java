package org.intranet.search.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.intranet.kit.api.Problem;
import org.intranet.search.domain.ReindexConflictException;
import org.intranet.search.domain.SearchUnavailableException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The search-specific problems; everything else is the kit's {@code ProblemMapper}. */
public class SearchProblems {
    private static final Logger LOG = Logger.getLogger(SearchProblems.class);

    /** The engine's text goes to the log only. */
    @ServerExceptionMapper
    public Response unavailable(SearchUnavailableException e, UriInfo uri) {
        LOG.warnf("search unavailable on %s: %s", uri.getPath(), e.getMessage());
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "5")
                .entity(Problem.of(503, "search-unavailable", "Search unavailable",
                        "search is temporarily unavailable; try again in a few seconds", uri.getPath()))
                .build();
    }

    @ServerExceptionMapper
    public Response conflict(ReindexConflictException e, UriInfo uri) {
        return Response.status(409).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(409, "reindex-running", "Reindex already running", e.getMessage(), uri.getPath()))
                .build();
    }
}
