package org.intranet.profile.domain;

import java.util.List;

/**
 * An import file as read: the rows to import, the rows refused for their shape (with their lines), and who every
 * row names, refused or not (a full import deactivates only people the file does not name at all).
 */
public record ImportFile(List<ImportRow> rows, List<ImportJob.RowError> rejected, List<Named> named) {

    /** Who a row is about: its id and its handle, either may be missing. */
    public record Named(String id, String username) {
    }
}
