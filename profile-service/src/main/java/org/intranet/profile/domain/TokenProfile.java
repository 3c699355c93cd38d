package org.intranet.profile.domain;

import java.time.Instant;
import java.util.List;

import org.intranet.kit.api.Caller;
import org.intranet.kit.config.ClaimsConfig;

/**
 * Just-in-time provisioning: the first call of an employee creates the profile from the token's claims (name,
 * email, department, location where the identity provider sends them). SCIM and import enrich it later.
 */
public final class TokenProfile {
    /** What a token sets, as the audit records the creation. */
    static final List<String> FIELDS = List.of("username", "displayName", "givenName",
            "familyName", "email", "department", "location");

    private TokenProfile() {
    }

    public static Employee from(Caller caller, ClaimsConfig claims, Instant now) {
        Employee e = new Employee();
        e.id = caller.id();
        String username = caller.claim(claims.username());
        String handle = clip(username != null ? username : caller.username(), 128);
        e.username = handle != null ? handle : clip(caller.id(), 128);
        e.givenName = clip(caller.claim("given_name"), 100);
        e.familyName = clip(caller.claim("family_name"), 100);
        String name = caller.claim("name");
        e.displayName = clip(name != null ? name : e.username, 200);
        e.email = clip(caller.claim("email"), 320);
        e.department = clip(caller.claim(claims.department()), 120);
        e.location = clip(caller.claim(claims.location()), 120);
        e.createdAt = now;
        e.updatedAt = now;
        return e;
    }

    /**
     * The handle a person keeps when theirs is someone else's: {@code alice-1a2b3c} (the start of their id), for a
     * second account with the same login, or a leaver whose login a newcomer now has.
     */
    static String derivedHandle(String handle, String id) {
        return clip(handle, 120) + "-" + id.substring(0, Math.min(6, id.length()));
    }

    /**
     * Claims come from the identity provider, where users may edit some of them: keep them printable, free of
     * markup and within the column sizes rather than failing the employee's first call.
     */
    static String clip(String value, int max) {
        if (value == null) {
            return null;
        }
        String plain = value.replaceAll("[<>\\p{Cntrl}]", "").strip();
        return plain.isEmpty() ? null : plain.substring(0, Math.min(plain.length(), max));
    }
}
