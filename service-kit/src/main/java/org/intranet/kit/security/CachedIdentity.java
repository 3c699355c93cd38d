package org.intranet.kit.security;

import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.vertx.ext.web.RoutingContext;

/**
 * Which identities Quarkus OIDC built may be served again for the same token, and how one is served to another
 * request. Pure functions over {@link SecurityIdentity}; {@link TokenCache} uses them.
 */
final class CachedIdentity {
    /** The tenant id OIDC puts on the routing context when it resolves the tenant, and on the identity it builds. */
    static final String TENANT_ID = "tenant-id";

    /**
     * Attributes that belong to one request: never served to another. Quarkus OIDC puts the request's routing
     * context and its AuthenticationRequestContext on every identity it builds; {@link #forRequest} puts the current
     * request's in their place.
     */
    static final Set<String> REQUEST_ATTRIBUTES = Set.of(
            RoutingContext.class.getName(),
            HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE,
            AuthenticationRequestContext.class.getName());

    /**
     * Attributes Quarkus OIDC (3.34) puts on an identity built from a locally verified JWT bearer token that are the
     * same for every request with that token: its expiry, the tenant id, the tenant's provider client and discovery
     * metadata. An identity with any other attribute (introspection or UserInfo results, code-flow tokens, whatever a
     * later Quarkus adds) is not cached: the next request verifies its token again, as without the cache. The
     * identity Quarkus OIDC builds has no other permission checker than the one for its possessed permissions.
     */
    static final Set<String> SHARED_ATTRIBUTES = Set.of(
            "quarkus.identity.expire-time",
            TENANT_ID,
            "io.quarkus.oidc.OidcProviderClient",
            "configuration-metadata");

    private CachedIdentity() {
    }

    /**
     * Why this identity, built by OIDC for this token and tenant, may not be cached; null when it may. It must be an
     * authenticated JWT principal carrying exactly this token as raw token and as its access-token credential, for
     * this tenant, with an {@code exp}, and with no attribute outside {@link #REQUEST_ATTRIBUTES} and
     * {@link #SHARED_ATTRIBUTES}.
     */
    static String notCacheable(SecurityIdentity identity, String token, String tenantId) {
        if (identity == null || identity.isAnonymous()) {
            return "anonymous";
        }
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return "principal is not a JWT";
        }
        if (!token.equals(jwt.getRawToken())) {
            return "principal carries another token";
        }
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential == null || !token.equals(credential.getToken())) {
            return "no access-token credential for this token";
        }
        if (!tenantId.equals(identity.getAttribute(TENANT_ID))) {
            return "verified for another tenant";
        }
        if (epochSeconds(jwt.getClaim("exp")) == null) {
            return "no exp";
        }
        for (String attribute : identity.getAttributes().keySet()) {
            if (!REQUEST_ATTRIBUTES.contains(attribute) && !SHARED_ATTRIBUTES.contains(attribute)) {
                return "attribute " + attribute;
            }
        }
        return null;
    }

    /**
     * What is kept of a verified identity: principal, roles, credentials, permissions and the shared attributes, not
     * the request's routing context (which would keep that request, body included, in memory as long as the entry).
     * Quarkus OIDC gives an identity no permission checker but the one for its possessed permissions (the token's
     * scopes), which {@code build()} recreates from {@link SecurityIdentity#getPermissions()}.
     */
    static SecurityIdentity strip(SecurityIdentity verified) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(verified.getPrincipal())
                .addRoles(verified.getRoles())
                .addCredentials(verified.getCredentials())
                .addPermissions(verified.getPermissions());
        verified.getAttributes().forEach((name, value) -> {
            if (SHARED_ATTRIBUTES.contains(name)) {
                builder.addAttribute(name, value);
            }
        });
        return builder.build();
    }

    /**
     * A kept identity for the current request: what {@link #strip} kept, plus this request's routing context and
     * AuthenticationRequestContext where Quarkus OIDC puts them on the identities it builds.
     */
    static SecurityIdentity forRequest(SecurityIdentity kept, RoutingContext routingContext,
            AuthenticationRequestContext requestContext) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(kept.getPrincipal())
                .addRoles(kept.getRoles())
                .addCredentials(kept.getCredentials())
                .addPermissions(kept.getPermissions())
                .addAttributes(kept.getAttributes());
        if (routingContext != null) {
            builder.addAttribute(RoutingContext.class.getName(), routingContext);
            if (requestContext != null) {
                builder.addAttribute(AuthenticationRequestContext.class.getName(), requestContext);
            }
        }
        return builder.build();
    }

    /** A numeric claim ({@code exp}, {@code iat}) as seconds since the epoch, or null. */
    static Long epochSeconds(Object claim) {
        if (claim instanceof Number number) {
            return number.longValue();
        }
        return null;
    }
}
