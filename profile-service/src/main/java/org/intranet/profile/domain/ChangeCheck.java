package org.intranet.profile.domain;

/**
 * Checks the values of a change the way the profile API checks a request (plain text, sizes, an email address, a
 * phone number): writers that do not come through that API's request body (SCIM) use it, so a value refused there
 * is refused everywhere. The API layer implements it with the request's Bean Validation constraints.
 */
public interface ChangeCheck {
    /** @throws org.intranet.kit.domain.InvalidRequestException naming each bad field */
    void check(String username, ProfileChange change);
}
