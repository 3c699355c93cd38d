package org.intranet.profile.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.intranet.profile.domain.Employee;

/** A whole profile, as every employee sees it. */
public record ProfileView(String id, String username, String displayName, String givenName, String familyName,
        String email, String title, String department, String location, String managerId, String timeZone,
        String phone, String bio, String avatarUrl, String pronouns, List<String> skills, List<String> languages,
        LocalDate startDate, String employeeNumber, Map<String, Object> custom, String status, Instant leftAt,
        Instant updatedAt) {

    public static ProfileView of(Employee e) {
        return new ProfileView(e.id, e.username, e.displayName, e.givenName, e.familyName, e.email, e.title,
                e.department, e.location, e.managerId, e.timeZone, e.phone, e.bio, e.avatarUrl, e.pronouns,
                List.copyOf(e.skills), e.languages == null ? List.of() : List.copyOf(e.languages), e.startDate,
                e.employeeNumber, e.custom == null ? Map.of() : Map.copyOf(e.custom), e.status.name(), e.leftAt,
                e.updatedAt);
    }
}
