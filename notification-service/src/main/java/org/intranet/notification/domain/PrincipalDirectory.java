package org.intranet.notification.domain;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.kit.api.Caller;
import org.intranet.notification.config.NotificationConfig;
import org.intranet.notification.store.EmployeeStore;
import org.intranet.notification.store.GroupMemberStore;

/** Works out someone's {@link Principals} from the read-copies (and, for a caller, their token). */
@ApplicationScoped
public class PrincipalDirectory {
    private final EmployeeStore employees;
    private final GroupMemberStore groups;
    private final NotificationConfig.Claims claims;

    PrincipalDirectory(EmployeeStore employees, GroupMemberStore groups, NotificationConfig config) {
        this.employees = employees;
        this.groups = groups;
        this.claims = config.claims();
    }

    /**
     * An employee seen from an event: only what the read-copies know. An employee whose snapshot has not arrived
     * yet has no department or location principal, so department- or location-targeted posts skip them: the check
     * errs towards not notifying, never towards leaking.
     */
    public Principals ofEmployee(String employeeId, Optional<EmployeeCopy> copy) {
        return Principals.of(employeeId, copy.map(EmployeeCopy::department).orElse(null),
                copy.map(EmployeeCopy::location).orElse(null), groups.groupsOf(employeeId));
    }

    /**
     * The caller: the read-copy once it exists (the profile is the source of truth, and a profile without a
     * department means none); until the first profile event arrives, the token's claims stand in.
     */
    public Principals ofCaller(Caller caller) {
        Optional<EmployeeCopy> copy = employees.find(caller.id());
        String department = copy.isPresent() ? copy.get().department() : caller.claim(claims.department());
        String location = copy.isPresent() ? copy.get().location() : caller.claim(claims.location());
        return Principals.of(caller.id(), department, location, groups.groupsOf(caller.id()));
    }
}
