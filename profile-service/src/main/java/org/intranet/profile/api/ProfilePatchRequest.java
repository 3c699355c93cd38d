package org.intranet.profile.api;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.intranet.profile.domain.ProfileChange;

/** {@code PATCH /api/profiles/...}: only the fields present change. */
public record ProfilePatchRequest(
        @Size(max = 200) @Pattern(regexp = "[^<>]*", message = "must not contain < or >") String title,
        @Size(min = 1, max = 120) @Pattern(regexp = "[^<>]*", message = "must not contain < or >") String department,
        @Size(min = 1, max = 120) @Pattern(regexp = "[^<>]*", message = "must not contain < or >") String location,
        @Size(max = 50) List<@NotBlank @Size(max = 60) @Pattern(regexp = "[^<>]*",
                message = "must not contain < or >") String> skills,
        @Size(min = 1, max = 128) String managerId) {

    public ProfileChange toChange() {
        return new ProfileChange(title, department, location, skills, managerId);
    }
}
