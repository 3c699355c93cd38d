package org.intranet.web.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What the web module needs to know: where the identity provider is, and (locally) where each service is. */
@ConfigMapping(prefix = "intranet.web")
public interface WebConfig {

    Oidc oidc();

    Proxy proxy();

    interface Oidc {
        /** The realm's issuer, as the browser reaches it (it differs per environment; the app's build does not). */
        URI authority();

        @WithDefault("intranet-web")
        String clientId();

        /** How long before its access token expires the app renews it with the refresh token. */
        @WithDefault("60s")
        Duration renewBeforeExpiry();
    }

    /**
     * The local stack's stand-in for the Ingress: each upstream serves the path prefixes listed for it. Off in
     * Kubernetes, where the Ingress routes /api itself and this module only serves the app.
     */
    interface Proxy {
        @WithDefault("false")
        boolean enabled();

        /** Upstream name → its base URL, e.g. {@code feed-service → http://127.0.0.1:8082}. */
        Map<String, URI> upstream();

        /** Upstream name → the path prefixes it serves (whole path segments, as Ingress {@code Prefix} matches). */
        Map<String, List<String>> prefixes();

        /** Connections per upstream: every open notification stream holds one for as long as the page is open. */
        @WithDefault("1000")
        int maxConnections();
    }
}
