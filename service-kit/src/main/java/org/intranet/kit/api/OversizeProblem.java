package org.intranet.kit.api;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Refuses a body larger than {@code quarkus.http.limits.max-body-size} with the same problem+json shape as every
 * other error. A declared {@code Content-Length} over the limit is refused before any of it is read; a chunked body
 * (no length declared) is read here up to the limit, and refused as soon as it passes it. (Quarkus' own checks,
 * which run after these, answer a bare 413.) A chunked body within the limit goes on to the resource as read.
 * <p>
 * A service that takes uploads (a CSV import) lists their paths in {@code intranet.http.upload-paths}: those accept
 * up to {@code quarkus.http.limits.max-body-size}, every other path up to {@code intranet.http.api-max-body-size}.
 */
@ApplicationScoped
public class OversizeProblem {
    private final Optional<MemorySize> limit;
    private final Optional<MemorySize> apiLimit;
    private final List<String> uploadPaths;

    OversizeProblem(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit,
            @ConfigProperty(name = "intranet.http.api-max-body-size") Optional<MemorySize> apiLimit,
            @ConfigProperty(name = "intranet.http.upload-paths") Optional<List<String>> uploadPaths) {
        this.limit = limit;
        this.apiLimit = apiLimit;
        this.uploadPaths = uploadPaths.orElse(List.of());
    }

    private boolean isUpload(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        for (String upload : uploadPaths) {
            if (path.startsWith(upload)) {
                return true;
            }
        }
        return false;
    }

    void install(@Observes Router router) {
        limit.ifPresent(max -> {
            // worked out once: these run before every request
            long uploads = max.asLongValue();
            long api = apiLimit.map(MemorySize::asLongValue).map(l -> Math.min(l, uploads)).orElse(uploads);
            BodyHandler uploadBodies = BodyHandler.create(false).setBodyLimit(uploads);
            BodyHandler apiBodies = BodyHandler.create(false).setBodyLimit(api);
            router.route().order(-3).handler(ctx -> refuseIfDeclaredTooLarge(ctx, isUpload(ctx) ? uploads : api));
            router.route().order(-2)
                    .handler(ctx -> {
                        if (isChunked(ctx)) {
                            (isUpload(ctx) ? uploadBodies : apiBodies).handle(ctx);
                        } else {
                            ctx.next();
                        }
                    })
                    .failureHandler(ctx -> {
                        if (ctx.statusCode() == 413) {
                            long bytes = isUpload(ctx) ? uploads : api;
                            refuse(ctx, "the request body has more than " + bytes + " bytes; this API accepts at most "
                                    + bytes);
                        } else {
                            ctx.next();
                        }
                    });
        });
    }

    private static boolean isChunked(RoutingContext ctx) {
        String encoding = ctx.request().getHeader(HttpHeaders.TRANSFER_ENCODING);
        return ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH) == null && encoding != null
                && encoding.toLowerCase(java.util.Locale.ROOT).contains("chunked");
    }

    private static void refuseIfDeclaredTooLarge(RoutingContext ctx, long max) {
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
        refuse(ctx, "the request body has " + length + " bytes; this API accepts at most " + max);
    }

    private static void refuse(RoutingContext ctx, String detail) {
        ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(new JsonObject()
                        .put("type", "/problems/payload-too-large")
                        .put("title", "Payload too large")
                        .put("status", 413)
                        .put("detail", detail)
                        .put("instance", ctx.normalizedPath())
                        .encode());
    }
}
