package org.intranet.profile.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.intranet.kit.domain.InvalidRequestException;

/**
 * Applies a {@link ProfileChange} to an employee and tells which fields really changed: only those are audited and
 * published, and a change that changes nothing writes nothing. Rules about who may change what are
 * {@link ProfilePolicy}'s; rules about other employees (the manager) are {@link ProfileService}'s.
 */
final class ProfileEdit {
    private final Employee employee;
    private final List<String> changed = new ArrayList<>();

    private ProfileEdit(Employee employee) {
        this.employee = employee;
    }

    /** @return the JSON names of the fields that changed, custom ones as {@code custom.<key>} */
    static List<String> apply(Employee e, ProfileChange c, Map<String, CustomField> definitions) {
        ProfileEdit edit = new ProfileEdit(e);
        edit.text(ProfileField.DISPLAY_NAME, c.displayName(), e.displayName, v -> e.displayName = v, true);
        edit.text(ProfileField.GIVEN_NAME, c.givenName(), e.givenName, v -> e.givenName = v, false);
        edit.text(ProfileField.FAMILY_NAME, c.familyName(), e.familyName, v -> e.familyName = v, false);
        edit.text(ProfileField.EMAIL, c.email(), e.email, v -> e.email = v, false);
        edit.text(ProfileField.TITLE, c.title(), e.title, v -> e.title = v, false);
        edit.text(ProfileField.DEPARTMENT, c.department(), e.department, v -> e.department = v, false);
        edit.text(ProfileField.LOCATION, c.location(), e.location, v -> e.location = v, false);
        edit.text(ProfileField.MANAGER, c.managerId(), e.managerId, v -> e.managerId = v, false);
        edit.text(ProfileField.TIME_ZONE, c.timeZone(), e.timeZone, v -> e.timeZone = v, false);
        edit.text(ProfileField.PHONE, c.phone(), e.phone, v -> e.phone = v, false);
        edit.text(ProfileField.BIO, c.bio(), e.bio, v -> e.bio = v, false);
        edit.text(ProfileField.AVATAR_URL, c.avatarUrl(), e.avatarUrl, v -> e.avatarUrl = v, false);
        edit.text(ProfileField.PRONOUNS, c.pronouns(), e.pronouns, v -> e.pronouns = v, false);
        edit.text(ProfileField.EMPLOYEE_NUMBER, c.employeeNumber(), e.employeeNumber, v -> e.employeeNumber = v,
                false);
        edit.list(ProfileField.SKILLS, c.skills(), e.skills, v -> e.skills = v);
        edit.list(ProfileField.LANGUAGES, c.languages(), e.languages, v -> e.languages = v);
        if (c.startDate() != null) {
            edit.value(ProfileField.START_DATE, c.startDate(), e.startDate, v -> e.startDate = v);
        }
        if (c.status() != null) {
            edit.value(ProfileField.STATUS, c.status(), e.status, v -> e.status = v);
        }
        edit.custom(c.customOrEmpty(), definitions);
        return edit.changed;
    }

    /** Stripped; an empty text clears the field, unless it is required. */
    private void text(ProfileField field, String value, String current, Consumer<String> set, boolean required) {
        if (value == null) {
            return;
        }
        String next = value.strip();
        if (next.isEmpty()) {
            if (required) {
                throw new InvalidRequestException(field.json + " must not be empty");
            }
            next = null;
        }
        value(field, next, current, set);
    }

    /** Stripped, blanks dropped, duplicates once, order kept. */
    private void list(ProfileField field, List<String> value, List<String> current, Consumer<List<String>> set) {
        if (value == null) {
            return;
        }
        List<String> next = value.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        value(field, next, current == null ? List.of() : current, set);
    }

    /** Callers have already skipped what the change leaves alone; a null here (a cleared text) is a value. */
    private <T> void value(ProfileField field, T value, T current, Consumer<T> set) {
        if (!Objects.equals(value, current)) {
            set.accept(value);
            changed.add(field.json);
        }
    }

    private void custom(Map<String, Object> values, Map<String, CustomField> definitions) {
        if (values.isEmpty()) {
            return;
        }
        Map<String, Object> next = new LinkedHashMap<>(employee.custom == null ? Map.of() : employee.custom);
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            CustomField definition = definitions.get(entry.getKey());
            if (definition == null) {
                throw new InvalidRequestException(ProfileField.CUSTOM + entry.getKey()
                        + " is not a profile field here (admins define custom fields at /api/profiles/fields)");
            }
            Object value = entry.getValue() == null ? null : definition.validated(entry.getValue());
            Object current = next.get(entry.getKey());
            if (!Objects.equals(value, current)) {
                if (value == null) {
                    next.remove(entry.getKey());
                } else {
                    next.put(entry.getKey(), value);
                }
                changed.add(ProfileField.CUSTOM + entry.getKey());
            }
        }
        employee.custom = next;
    }
}
