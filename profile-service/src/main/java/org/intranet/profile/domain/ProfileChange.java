package org.intranet.profile.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A partial update: a null field is left as it is; an empty text clears an optional field, an empty list a list.
 * {@code custom} holds the custom fields to change, a null value removing one.
 */
public record ProfileChange(String displayName, String givenName, String familyName, String email, String title,
        String department, String location, String managerId, String timeZone, String phone, String bio,
        String avatarUrl, String pronouns, List<String> skills, List<String> languages, LocalDate startDate,
        String employeeNumber, Employee.Status status, Map<String, Object> custom) {

    /** Only these fields, for the callers that change a few (tests, provisioning). */
    public static ProfileChange of(String title, String department, String location, List<String> skills,
            String managerId) {
        return new ProfileChange(null, null, null, null, title, department, location, managerId, null, null, null,
                null, null, skills, null, null, null, null, null);
    }

    /** The person leaves: only the status changes. */
    public static ProfileChange leaving() {
        return new ProfileChange(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, Employee.Status.LEFT, null);
    }

    /** The same change with this manager (an import resolves managers by handle once every row is read). */
    public ProfileChange withManager(String id) {
        return new ProfileChange(displayName, givenName, familyName, email, title, department, location, id,
                timeZone, phone, bio, avatarUrl, pronouns, skills, languages, startDate, employeeNumber, status,
                custom);
    }

    /** The same change with this status (a provisioner bringing someone back). */
    public ProfileChange withStatus(Employee.Status next) {
        return new ProfileChange(displayName, givenName, familyName, email, title, department, location, managerId,
                timeZone, phone, bio, avatarUrl, pronouns, skills, languages, startDate, employeeNumber, next, custom);
    }

    /** The fields this change names, in declaration order. */
    public List<ProfileField> fields() {
        Object[] values = {displayName, givenName, familyName, email, title, department, location, managerId,
                timeZone, phone, bio, avatarUrl, pronouns, skills, languages, startDate, employeeNumber, status};
        List<ProfileField> present = new ArrayList<>();
        for (ProfileField field : ProfileField.values()) {
            if (values[field.ordinal()] != null) {
                present.add(field);
            }
        }
        return present;
    }

    public Map<String, Object> customOrEmpty() {
        return custom == null ? Map.of() : custom;
    }
}
