package org.intranet.profile.config;

import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** profile-service's own settings. */
@ConfigMapping(prefix = "intranet.profile")
public interface ProfileConfig {

    /**
     * The profile fields (JSON names) an employee may change on their own profile; HR and admins change all.
     * Targeting fields (department, location, managerId, status) are refused here at start-up: they decide what a
     * person may read.
     */
    @WithDefault("title,bio,skills,phone,pronouns,languages,timeZone,avatarUrl")
    Set<String> selfEditable();
}
