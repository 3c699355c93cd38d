package org.intranet.web.api;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.intranet.web.config.WebConfig;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The app's own routes around the static files Quarkus serves from META-INF/resources: {@code /config.json}, the
 * single-page app's fallback (a deep link such as /groups/42 gets index.html, the app's router takes it from
 * there), and the security headers on every page of the app.
 */
@ApplicationScoped
public class AppRoutes {

    private final WebConfig config;

    public AppRoutes(WebConfig config) {
        this.config = config;
    }

    void route(@Observes Router router) {
        String csp = contentSecurityPolicy(config.oidc().authority());
        String body = new JsonObject()
                .put("authority", config.oidc().authority().toString())
                .put("clientId", config.oidc().clientId())
                .put("renewSecondsBeforeExpiry", config.oidc().renewBeforeExpiry().toSeconds())
                .encode();
        router.get("/config.json").order(-2).handler(ctx -> ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(body));
        router.route().order(-3).handler(ctx -> {
            if (isAppPage(ctx)) {
                ctx.response()
                        .putHeader("Content-Security-Policy", csp)
                        .putHeader("X-Content-Type-Options", "nosniff")
                        .putHeader("Referrer-Policy", "same-origin");
                String path = ctx.normalizedPath();
                if (!path.startsWith("/assets/")) {
                    // index.html (and theme.js, the icon) must be asked for again on each visit: the page names the
                    // hashed bundles of this release, which the assets filter lets browsers keep for good
                    ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
                }
                if (isDeepLink(path)) {
                    ctx.reroute("/index.html");
                    return;
                }
            }
            ctx.next();
        });
    }

    /** A page of the app (not the API, health or metrics): GET or HEAD outside /api, /scim and /q. */
    private static boolean isAppPage(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        String path = ctx.normalizedPath();
        return (method == HttpMethod.GET || method == HttpMethod.HEAD)
                && !path.startsWith("/api/") && !path.equals("/api") && !path.startsWith("/scim")
                && !path.startsWith("/q/") && !path.equals("/q");
    }

    /** A route of the app rather than a file: no dot in its last segment ("/" included). */
    static boolean isDeepLink(String path) {
        return !path.substring(path.lastIndexOf('/') + 1).contains(".");
    }

    /**
     * Scripts, styles and connections from this origin only; the identity provider is the one other origin the app
     * talks to (token and refresh calls) or frames (oidc-client-ts's silent sign-in fallback).
     */
    static String contentSecurityPolicy(URI authority) {
        String idp = authority.getScheme() + "://" + authority.getRawAuthority();
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self' " + idp + "; frame-src " + idp + "; form-action 'self' " + idp + "; "
                + "base-uri 'none'; object-src 'none'; frame-ancestors 'none'";
    }
}
