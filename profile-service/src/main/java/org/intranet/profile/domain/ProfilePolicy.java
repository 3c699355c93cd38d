package org.intranet.profile.domain;

import org.intranet.kit.api.Caller;
import org.intranet.kit.domain.AccessDeniedException;

/**
 * Who may change what. Everyone edits their own title and skills; department, location and manager decide what
 * a person may read (announcement targeting, department posts), so only HR, admins or provisioning set them.
 */
public final class ProfilePolicy {
    private ProfilePolicy() {
    }

    public static void requireCanEdit(Caller caller, String employeeId, ProfileChange change) {
        boolean privileged = caller.hasRole(Caller.HR) || caller.hasRole(Caller.ADMIN);
        if (privileged) {
            return;
        }
        if (!caller.id().equals(employeeId)) {
            throw new AccessDeniedException("only HR or an admin may edit another employee's profile");
        }
        if (change.department() != null || change.location() != null || change.managerId() != null) {
            throw new AccessDeniedException("department, location and manager are set by HR or the HR system; "
                    + "you may change your title and skills");
        }
    }
}
