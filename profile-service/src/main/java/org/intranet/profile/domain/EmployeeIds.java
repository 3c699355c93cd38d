package org.intranet.profile.domain;

/** Employee ids are OIDC subjects: short, printable. Anything else cannot name an employee. */
final class EmployeeIds {
    private EmployeeIds() {
    }

    static boolean isPlausible(String id) {
        return id != null && !id.isEmpty() && id.length() <= 128 && id.chars().noneMatch(Character::isISOControl);
    }
}
