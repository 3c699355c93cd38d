package org.intranet.profile.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The fields of a profile, by their JSON name. The targeting ones decide what a person may read (announcement
 * audiences, department posts), so nobody ever sets them on themselves; the rest are self-editable when the
 * company says so ({@code intranet.profile.self-editable}).
 */
public enum ProfileField {
    DISPLAY_NAME("displayName"),
    GIVEN_NAME("givenName"),
    FAMILY_NAME("familyName"),
    EMAIL("email"),
    TITLE("title"),
    DEPARTMENT("department", true),
    LOCATION("location", true),
    MANAGER("managerId", true),
    TIME_ZONE("timeZone"),
    PHONE("phone"),
    BIO("bio"),
    AVATAR_URL("avatarUrl"),
    PRONOUNS("pronouns"),
    SKILLS("skills"),
    LANGUAGES("languages"),
    START_DATE("startDate"),
    EMPLOYEE_NUMBER("employeeNumber"),
    STATUS("status", true);

    /** Prefix of a custom field's name in audits, events and denials: {@code custom.<key>}. */
    public static final String CUSTOM = "custom.";

    public final String json;
    public final boolean targeting;

    ProfileField(String json) {
        this(json, false);
    }

    ProfileField(String json, boolean targeting) {
        this.json = json;
        this.targeting = targeting;
    }

    public static Optional<ProfileField> byJson(String name) {
        return Arrays.stream(values()).filter(f -> f.json.equals(name)).findFirst();
    }
}
