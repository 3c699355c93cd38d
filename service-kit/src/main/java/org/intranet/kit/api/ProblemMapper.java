package org.intranet.kit.api;

import java.util.Comparator;
import java.util.List;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.intranet.kit.domain.AccessDeniedException;
import org.intranet.kit.domain.ConflictException;
import org.intranet.kit.domain.DependencyUnavailableException;
import org.intranet.kit.domain.InvalidRequestException;
import org.intranet.kit.domain.NotFoundException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Turns every failure into {@code application/problem+json} with a {@code detail} that says what to fix. No stack
 * trace, SQL or engine message reaches a client; unexpected failures are logged with an id the client can quote.
 */
public class ProblemMapper {
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        String detail = violations.stream().map(v -> v.field() + " " + v.message())
                .reduce((a, b) -> a + "; " + b).orElse("invalid request");
        return respond(new Problem("/problems/validation", "Invalid request", 400, detail, path(uri), violations));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String detail;
        if (e instanceof InvalidFormatException format && !format.getPath().isEmpty()) {
            detail = "field " + jsonPath(format) + " has an invalid value";
        } else if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            detail = "field " + jsonPath(mismatch) + " has the wrong type";
        } else {
            detail = "the request body is not valid JSON";
        }
        return respond(Problem.of(400, "malformed-body", "Malformed request body", detail, path(uri)));
    }

    /** More specific than Quarkus' built-in mapper for this type, so clients get the same problem shape. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return respond(Problem.of(404, "not-found", "Not found", e.getMessage(), path(uri)));
    }

    @ServerExceptionMapper
    public Response denied(AccessDeniedException e, UriInfo uri) {
        return respond(Problem.of(403, "forbidden", "Forbidden", e.getMessage(), path(uri)));
    }

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e, UriInfo uri) {
        return respond(Problem.of(400, "invalid-request", "Invalid request", e.getMessage(), path(uri)));
    }

    @ServerExceptionMapper
    public Response stateConflict(ConflictException e, UriInfo uri) {
        return respond(Problem.of(409, "conflict", "Conflict", e.getMessage(), path(uri)));
    }

    /** Two writers changed the same thing at once; the loser retries with fresh data. */
    @ServerExceptionMapper
    public Response conflict(OptimisticLockException e, UriInfo uri) {
        return respond(Problem.of(409, "conflict", "Conflict",
                "someone else changed this at the same time; reload and try again", path(uri)));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of(403, "forbidden", "Forbidden",
                "your token does not carry a role this operation needs (employee APIs need the employee role; "
                        + "some operations need hr or admin)", path(uri)));
    }

    /** No token at all. Authentication is lazy (not proactive), so it fails here, where this mapper applies. */
    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return challenge("a bearer token is required: send Authorization: Bearer <access token>", uri);
    }

    /**
     * A token that does not verify (signature, issuer, audience, expiry), or an identity provider that cannot be
     * reached to verify it (then 503: the token may be fine).
     */
    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        var away = Unavailable.dependencyOf(e);
        if (away.isPresent()) {
            return unavailable("the identity provider", uri);
        }
        return challenge("the bearer token is not valid here: it is expired, malformed, not signed by the "
                + "identity provider, or not issued for this API; get a new one", uri);
    }

    @ServerExceptionMapper
    public Response oidcUnavailable(OIDCException e, UriInfo uri) {
        LOG.warnf("identity provider unavailable on %s: %s", path(uri), e.getMessage());
        return unavailable("the identity provider", uri);
    }

    @ServerExceptionMapper
    public Response dependencyUnavailable(DependencyUnavailableException e, UriInfo uri) {
        LOG.warnf("%s unavailable on %s: %s", e.dependency(), path(uri), e.getMessage());
        return unavailable(e.dependency(), uri);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        String title = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        String detail = status == 404 ? "no resource at this path" : title.toLowerCase();
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        return respond(Problem.of(status, title.toLowerCase().replace(' ', '-'), title, detail, path(uri)));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        var away = Unavailable.dependencyOf(e);
        if (away.isPresent()) {
            LOG.warnf("%s unavailable on %s: %s", away.get(), path(uri), e.getMessage());
            return unavailable(away.get(), uri);
        }
        String incident = java.util.UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected failure %s on %s", incident, path(uri));
        return respond(Problem.of(500, "internal", "Internal error",
                "something went wrong on our side; quote incident " + incident, path(uri)));
    }

    /** Seconds a client should wait before trying again when a dependency is away. */
    static final int RETRY_AFTER_SECONDS = 5;

    private static Response unavailable(String dependency, UriInfo uri) {
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", RETRY_AFTER_SECONDS)
                .entity(Problem.of(503, "unavailable", "Service unavailable", dependency
                        + " is not answering right now; try again in " + RETRY_AFTER_SECONDS
                        + " seconds", path(uri)))
                .build();
    }

    /** 401 with the RFC 6750 challenge, so a client knows to (re)authenticate with a bearer token. */
    private static Response challenge(String detail, UriInfo uri) {
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Bearer")
                .entity(Problem.of(401, "unauthorized", "Unauthorized", detail, path(uri))).build();
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    /** The field as a client names it: {@code title}, {@code skills[2]}, {@code custom[bad key]}. */
    private static String field(ConstraintViolation<?> violation) {
        String last = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT && last != null) {
                // an element of a list or map: "<list element>" tells a client nothing, the container does
                Object at = node.getIndex() != null ? node.getIndex() : node.getKey();
                last = last + "[" + (at == null ? "" : at) + "]";
            } else {
                last = node.getName();
            }
        }
        return last == null ? "request" : last;
    }

    private static String jsonPath(MismatchedInputException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .reduce((a, b) -> a + "." + b).orElse("?");
    }
}
