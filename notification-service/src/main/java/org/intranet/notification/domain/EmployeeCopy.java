package org.intranet.notification.domain;

/** This service's read-copy of an employee, from {@code intranet.profile}. */
public record EmployeeCopy(String id, String username, String displayName, String email, String department,
        String location, String status, long version) {

    public static final String LEFT = "LEFT";

    /** Employees who left get no new notifications. */
    public boolean active() {
        return !LEFT.equals(status);
    }

    /** The name to show as the actor of a notification. */
    public String name() {
        if (displayName != null && !displayName.isBlank()) {
            return displayName.strip();
        }
        return username != null && !username.isBlank() ? username.strip() : null;
    }
}
