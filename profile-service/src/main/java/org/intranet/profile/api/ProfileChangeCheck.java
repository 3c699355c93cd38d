package org.intranet.profile.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.intranet.kit.domain.InvalidRequestException;
import org.intranet.profile.domain.ChangeCheck;
import org.intranet.profile.domain.ProfileChange;
import org.intranet.profile.domain.ProfileText;

/** A change checked by the constraints of {@link ProfilePatchRequest}: what the API refuses, SCIM refuses too. */
@ApplicationScoped
class ProfileChangeCheck implements ChangeCheck {
    private final Validator validator;

    ProfileChangeCheck(Validator validator) {
        this.validator = validator;
    }

    @Override
    public void check(String username, ProfileChange c) {
        ProfilePatchRequest request = new ProfilePatchRequest(c.displayName(), c.givenName(), c.familyName(),
                c.email(), c.title(), c.department(), c.location(), c.managerId(), c.timeZone(), c.phone(), c.bio(),
                c.avatarUrl(), c.pronouns(), c.skills(), c.languages(), c.startDate(), c.employeeNumber(), c.status(),
                c.custom());
        Set<ConstraintViolation<ProfilePatchRequest>> violations = validator.validate(request);
        List<String> problems = violations.stream().map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted()
                .collect(Collectors.toCollection(ArrayList::new));
        if (username.length() > 128 || !ProfileText.isPlain(username)) {
            problems.add(0, "userName must be at most 128 characters without <, > or control characters");
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(String.join("; ", problems));
        }
    }
}
