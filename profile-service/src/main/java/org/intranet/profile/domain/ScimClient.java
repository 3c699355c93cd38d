package org.intranet.profile.domain;

import org.intranet.kit.api.Caller;
import org.intranet.kit.domain.AccessDeniedException;

/**
 * Who may provision: a machine client holding the {@code scim} role (Keycloak's {@code intranet-scim}, through the
 * client-credentials grant). A person's token never does, even an admin's that was given the role: provisioning
 * rewrites everyone's identity and organisation, and is an integration, not a person's act.
 */
public final class ScimClient {
    public static final String ROLE = "scim";

    private ScimClient() {
    }

    /** @return the acting client's id, as audits record it */
    public static String require(Caller caller) {
        if (!caller.hasRole(ROLE) || caller.hasRole(Caller.EMPLOYEE)) {
            throw new AccessDeniedException("SCIM takes the token of a provisioning client (role scim, client "
                    + "credentials), never an employee's");
        }
        return caller.id();
    }
}
