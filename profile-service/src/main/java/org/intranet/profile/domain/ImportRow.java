package org.intranet.profile.domain;

/**
 * One row of a CSV import, as read and checked for shape: who it is ({@code id}, the identity provider's subject,
 * needed to create someone; otherwise the handle finds them), the change it asks for, and the manager's handle,
 * resolved once every row is read so the order of rows does not matter.
 *
 * @param line the row's line in the file (the header is line 1)
 */
public record ImportRow(int line, String id, String username, ProfileChange change, String manager) {
}
