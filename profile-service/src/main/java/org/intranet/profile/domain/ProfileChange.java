package org.intranet.profile.domain;

import java.util.List;

/** A partial update: null fields are left as they are. */
public record ProfileChange(String title, String department, String location, List<String> skills,
        String managerId) {
}
