package org.intranet.kit.api;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a body declared larger than {@code quarkus.http.limits.max-body-size} with the same problem+json shape
 * as every other error, before any of it is read. (Quarkus' own check, which also covers chunked bodies, runs
 * right after this one and answers a bare 413.)
 */
@ApplicationScoped
public class OversizeProblem {
    private final Optional<MemorySize> limit;

    OversizeProblem(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit) {
        this.limit = limit;
    }

    void install(@Observes Router router) {
        limit.ifPresent(max -> router.route().order(-3).handler(ctx -> refuseIfTooLarge(ctx, max.asLongValue())));
    }

    private static void refuseIfTooLarge(RoutingContext ctx, long max) {
        String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long length;
        try {
            length = declared == null ? -1 : Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length <= max) {
            ctx.next();
            return;
        }
        ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(new JsonObject()
                        .put("type", "/problems/payload-too-large")
                        .put("title", "Payload too large")
                        .put("status", 413)
                        .put("detail", "the request body has " + length + " bytes; this API accepts at most " + max)
                        .put("instance", ctx.normalizedPath())
                        .encode());
    }
}
