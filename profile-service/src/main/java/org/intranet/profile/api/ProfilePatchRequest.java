package org.intranet.profile.api;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.intranet.profile.domain.ProfileChange;

/** {@code PATCH /api/profiles/...}: only the fields present change. Profile text is plain: no markup. */
public record ProfilePatchRequest(
        @Size(max = 200) @Pattern(regexp = ProfilePatchRequest.PLAIN, message = ProfilePatchRequest.PLAIN_MSG)
        String title,
        @Size(min = 1, max = 120) @Pattern(regexp = ProfilePatchRequest.PLAIN, message = ProfilePatchRequest.PLAIN_MSG)
        String department,
        @Size(min = 1, max = 120) @Pattern(regexp = ProfilePatchRequest.PLAIN, message = ProfilePatchRequest.PLAIN_MSG)
        String location,
        @Size(max = 50)
        List<@NotBlank @Size(max = 60) @Pattern(regexp = PLAIN, message = ProfilePatchRequest.PLAIN_MSG) String> skills,
        @Size(min = 1, max = 128) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must be an employee id")
        String managerId) {

    static final String PLAIN = "[^<>\\p{Cntrl}]*";
    static final String PLAIN_MSG = "must not contain <, > or control characters";

    public ProfileChange toChange() {
        return new ProfileChange(title, department, location, skills, managerId);
    }
}
