package org.intranet.profile.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.intranet.profile.domain.Employee;
import org.intranet.profile.domain.ProfileChange;
import org.intranet.profile.domain.ProfileText;

/**
 * {@code PATCH /api/profiles/...}: only the fields present change; an empty text clears an optional field, an empty
 * list a list, and a custom field set to null is removed. Profile text is plain: no markup.
 */
public record ProfilePatchRequest(
        @Size(max = 200) @Pattern(regexp = ProfileText.PLAIN, message = ProfileText.PLAIN_MESSAGE)
        String displayName,
        @Size(max = 100) @Pattern(regexp = ProfileText.PLAIN, message = ProfileText.PLAIN_MESSAGE)
        String givenName,
        @Size(max = 100) @Pattern(regexp = ProfileText.PLAIN, message = ProfileText.PLAIN_MESSAGE)
        String familyName,
        @Size(max = 320) @Email
        String email,
        @Size(max = 200) @Pattern(regexp = ProfileText.PLAIN, message = ProfileText.PLAIN_MESSAGE)
        String title,
        @Size(max = 120) @Pattern(regexp = ProfileText.PLAIN, message = ProfileText.PLAIN_MESSAGE)
        String department,
        @Size(max = 120) @Pattern(regexp = ProfileText.PLAIN, message = ProfileText.PLAIN_MESSAGE)
        String location,
        @Size(max = 128) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must be an employee id")
        String managerId,
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9/_+-]*", message = "must be an IANA time zone such as Europe/Paris")
        String timeZone,
        @Size(max = 40) @Pattern(regexp = "|\\+?[0-9][0-9 ().-]{2,38}", message = "must be a phone number such as +33 1 23 45 67 89")
        String phone,
        @Size(max = 2000) @Pattern(regexp = ProfileText.PLAIN_LINES, message = ProfileText.PLAIN_MESSAGE)
        String bio,
        @Size(max = 2048) @Pattern(regexp = "|https?://[^\\s<>\"]+", message = "must be an http or https URL")
        String avatarUrl,
        @Size(max = 40) @Pattern(regexp = ProfileText.PLAIN, message = ProfileText.PLAIN_MESSAGE)
        String pronouns,
        @Size(max = 50)
        List<@NotBlank @Size(max = 60) @Pattern(regexp = ProfileText.PLAIN, message = ProfileText.PLAIN_MESSAGE) String> skills,
        @Size(max = 20)
        List<@NotBlank @Pattern(regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", message = "must be a language tag such as fr or pt-BR") String> languages,
        LocalDate startDate,
        @Size(max = 64) @Pattern(regexp = ProfileText.PLAIN, message = ProfileText.PLAIN_MESSAGE)
        String employeeNumber,
        Employee.Status status,
        @Size(max = 50)
        Map<@Pattern(regexp = "[a-z][A-Za-z0-9_]{0,39}", message = "must be a custom field key") String, Object> custom) {

    public ProfileChange toChange() {
        return new ProfileChange(displayName, givenName, familyName, email, title, department, location, managerId,
                timeZone, phone, bio, avatarUrl, pronouns, skills, languages, startDate, employeeNumber, status,
                custom);
    }
}
