package org.intranet.profile.api;

import java.time.Instant;
import java.util.List;

import org.intranet.profile.domain.Employee;

public record ProfileView(String id, String username, String displayName, String givenName, String familyName,
        String email, String title, String department, String location, String managerId, List<String> skills,
        String status, Instant updatedAt) {

    public static ProfileView of(Employee e) {
        return new ProfileView(e.id, e.username, e.displayName, e.givenName, e.familyName, e.email, e.title,
                e.department, e.location, e.managerId, List.copyOf(e.skills), e.status.name(), e.updatedAt);
    }
}
