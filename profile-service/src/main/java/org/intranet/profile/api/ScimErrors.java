package org.intranet.profile.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.intranet.kit.api.Problem;
import org.intranet.profile.domain.ScimFault;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.messages.ErrorResponse;

/**
 * Errors under {@code /scim/} are SCIM error bodies (RFC 7644 §3.12): {@code schemas}, {@code status} as a string,
 * {@code scimType} where the RFC defines one, and the same {@code detail} the rest of the API would give. SCIM
 * failures raised by the domain carry their own type; every other failure (no or a bad token, a missing role, a
 * value the profile rules refuse, a dependency down) is answered by the kit's problem mapper first and rewritten
 * here, so the status, the detail and headers such as {@code WWW-Authenticate} and {@code Retry-After} stay.
 */
public class ScimErrors {
    private static final MediaType SCIM = MediaType.valueOf(ScimJson.MEDIA_TYPE);

    @ServerExceptionMapper
    public Response scim(ScimFault fault) {
        ErrorResponse error = fault.scim().getScimError();
        return Response.status(error.getStatus()).type(SCIM).entity(ScimJson.write(error)).build();
    }

    @ServerResponseFilter
    public void problemsAsScimErrors(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof Problem problem) || !isScim(request)) {
            return;
        }
        ErrorResponse error = new ErrorResponse(problem.status());
        error.setDetail(problem.detail());
        if (problem.status() == 400) {
            error.setScimType(problem.type().endsWith("/malformed-body") ? BadRequestException.INVALID_SYNTAX
                    : BadRequestException.INVALID_VALUE);
        }
        response.setEntity(ScimJson.write(error), null, SCIM);
    }

    private static boolean isScim(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return path.startsWith("/scim/") || path.startsWith("scim/");
    }
}
