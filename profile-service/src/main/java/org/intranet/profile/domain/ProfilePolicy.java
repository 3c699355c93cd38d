package org.intranet.profile.domain;

import org.intranet.kit.api.Caller;
import org.intranet.kit.domain.AccessDeniedException;

/** Who may change whose profile: everyone their own; HR and admins anyone's. */
public final class ProfilePolicy {
    private ProfilePolicy() {
    }

    public static void requireCanEdit(Caller caller, String employeeId) {
        if (!caller.id().equals(employeeId) && !caller.hasRole(Caller.HR) && !caller.hasRole(Caller.ADMIN)) {
            throw new AccessDeniedException("only HR or an admin may edit another employee's profile");
        }
    }
}
