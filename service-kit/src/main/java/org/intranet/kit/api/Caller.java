package org.intranet.kit.api;

import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling, from the verified token: the employee id is the token's principal claim
 * ({@code quarkus.oidc.token.principal-claim}: {@code sub} by default; {@code oid} for Entra ID's own tokens, or a
 * claim a broker adds, so that it is the id a SCIM provisioner names: docs/provisioning.md); roles come from the
 * configured role claim ({@code realm_access.roles} on Keycloak).
 */
public record Caller(String id, String username, Set<String> roles, JsonWebToken token) {
    public static final String EMPLOYEE = "employee";
    public static final String HR = "hr";
    public static final String ADMIN = "admin";

    public static Caller of(SecurityIdentity identity) {
        return of(identity, IdClaim.NAME);
    }

    static Caller of(SecurityIdentity identity, String idClaim) {
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            throw new IllegalStateException("caller is not authenticated with a bearer token");
        }
        Object claimed = jwt.getClaim(idClaim);
        // a token without the claim (a machine client's, an account only the broker knows) is known by its subject
        String id = claimed == null || claimed.toString().isBlank() ? jwt.getSubject() : claimed.toString();
        String username = jwt.getClaim("preferred_username");
        return new Caller(id, username == null ? id : username, identity.getRoles(), jwt);
    }

    /** The configured claim, read once (config is fixed at start). */
    private static final class IdClaim {
        static final String NAME = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("quarkus.oidc.token.principal-claim", String.class).orElse("sub");
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** HR staff or an admin: who publishes announcements, edits any profile, imports, sees reach. */
    public boolean isHrOrAdmin() {
        return hasRole(HR) || hasRole(ADMIN);
    }

    /** A string claim, or null when absent or blank. */
    public String claim(String name) {
        Object value = token.getClaim(name);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
