package org.intranet.kit.readcopy;

import java.util.List;

/**
 * A service's read-copy of an employee, from {@code intranet.profile} snapshots: the same columns in every service
 * that keeps one (feed, search, notification), laid out by the kit's {@code db/readcopy} migration.
 */
public record EmployeeCopy(String id, String username, String displayName, String email, String title,
        String department, String location, List<String> skills, String status, long version) {

    public static final String ACTIVE = "ACTIVE";
    /** A tombstone: the person was erased (GDPR); nothing of them is kept but the id. */
    public static final String ERASED = "ERASED";

    /**
     * Employees who left are kept (their posts still show a name) but are never mentioned or notified; nor are the
     * erased.
     */
    /** The person was erased: nothing of theirs is to be stored again (a late or replayed event of theirs). */
    public boolean erased() {
        return ERASED.equalsIgnoreCase(status);
    }

    public boolean active() {
        return ACTIVE.equalsIgnoreCase(status);
    }

    /** The name to show: the display name, else the handle. */
    public String name() {
        if (displayName != null && !displayName.isBlank()) {
            return displayName.strip();
        }
        return username != null && !username.isBlank() ? username.strip() : null;
    }
}
