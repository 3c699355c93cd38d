package org.intranet.profile.domain;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.kit.domain.ConflictException;
import org.intranet.kit.domain.InvalidRequestException;
import org.intranet.profile.store.DirectoryQueries;
import org.intranet.profile.store.EmployeeStore;

/**
 * The checks of a change against everyone else, before anything is written: a known manager that closes no loop in
 * the org chart, an IANA time zone, an employee number and a handle nobody else has. The values' own shape is the
 * API's (Bean Validation, or {@link ChangeCheck} for SCIM).
 */
@ApplicationScoped
class ProfileChecks {
    private final EmployeeStore employees;
    private final DirectoryQueries directory;

    ProfileChecks(EmployeeStore employees, DirectoryQueries directory) {
        this.employees = employees;
        this.directory = directory;
    }

    /** Handles are unique in any case ("Alice" is "alice"). */
    void requireFreeHandle(String handle, String id) {
        if (employees.handleTakenByOther(handle, id)) {
            throw new ConflictException("userName " + handle + " belongs to another employee");
        }
    }

    void requireValid(String employeeId, ProfileChange change) {
        if (change.managerId() != null && !change.managerId().isBlank()) {
            requireValidManager(employeeId, change.managerId().strip());
        }
        requireValidZone(change);
        String number = change.employeeNumber() == null ? "" : change.employeeNumber().strip();
        if (!number.isEmpty() && employees.numberTakenByOther(number, employeeId)) {
            throw new ConflictException("employee number " + number + " belongs to another employee");
        }
    }

    static void requireValidZone(ProfileChange change) {
        if (change.timeZone() != null && !change.timeZone().isBlank()) {
            try {
                ZoneId.of(change.timeZone().strip());
            } catch (DateTimeException e) {
                throw new InvalidRequestException("timeZone " + change.timeZone()
                        + " is not a time zone; use an IANA name such as Europe/Paris");
            }
        }
    }

    private void requireValidManager(String employeeId, String managerId) {
        if (managerId.equals(employeeId)) {
            throw new InvalidRequestException("an employee cannot be their own manager");
        }
        List<PersonCard> chain = directory.chainFrom(managerId);
        if (chain.isEmpty()) {
            throw new InvalidRequestException("managerId " + managerId + " is not a known employee");
        }
        int me = chain.stream().map(PersonCard::id).toList().indexOf(employeeId);
        if (me >= 0) {
            // name the loop as people would see it: me -> my new manager -> ... -> me
            List<String> loop = new ArrayList<>();
            String myHandle = chain.get(me).username();
            loop.add(myHandle);
            chain.subList(0, me + 1).forEach(card -> loop.add(card.username()));
            throw new InvalidRequestException("managerId " + managerId + " would make the org chart loop: "
                    + loop.stream().collect(Collectors.joining(" → ")));
        }
    }
}
