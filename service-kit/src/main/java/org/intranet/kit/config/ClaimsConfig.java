package org.intranet.kit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Which token claims carry what. Identity providers name them differently (Keycloak mappers locally; e.g.
 * {@code extension_Department} on Entra ID). Read for just-in-time provisioning, and for a caller's department and
 * location until the employee read-copy has them.
 */
@ConfigMapping(prefix = "intranet.claims")
public interface ClaimsConfig {
    @WithDefault("department")
    String department();

    @WithDefault("location")
    String location();

    @WithDefault("preferred_username")
    String username();
}
