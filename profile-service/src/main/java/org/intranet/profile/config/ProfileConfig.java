package org.intranet.profile.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Which token claims carry what, for just-in-time provisioning: identity providers name them differently. */
@ConfigMapping(prefix = "intranet.profile")
public interface ProfileConfig {
    Claims claims();

    interface Claims {
        /** Keycloak mapper name locally; e.g. {@code extension_Department} or a custom claim on Entra ID. */
        @WithDefault("department")
        String department();

        @WithDefault("location")
        String location();

        @WithDefault("preferred_username")
        String username();
    }
}
