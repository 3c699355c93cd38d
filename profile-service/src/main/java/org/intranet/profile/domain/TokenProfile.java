package org.intranet.profile.domain;

import java.time.Instant;

import org.intranet.kit.api.Caller;
import org.intranet.profile.config.ProfileConfig;

/**
 * Just-in-time provisioning: the first call of an employee creates the profile from the token's claims (name,
 * email, department, location where the identity provider sends them). SCIM and import enrich it later.
 */
public final class TokenProfile {
    private TokenProfile() {
    }

    public static Employee from(Caller caller, ProfileConfig.Claims claims, Instant now) {
        Employee e = new Employee();
        e.id = caller.id();
        String username = caller.claim(claims.username());
        e.username = username != null ? username : caller.username();
        e.givenName = caller.claim("given_name");
        e.familyName = caller.claim("family_name");
        String name = caller.claim("name");
        e.displayName = name != null ? name : caller.username();
        e.email = caller.claim("email");
        e.department = caller.claim(claims.department());
        e.location = caller.claim(claims.location());
        e.createdAt = now;
        e.updatedAt = now;
        return e;
    }
}
