package org.intranet.profile.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A CSV import's progress and outcome; {@code errors} are the rows not applied, with why. */
public record ImportJob(UUID id, String createdBy, State state, int total, int processed, int created, int updated,
        int unchanged, int deactivated, List<RowError> errors, String failure, Instant createdAt,
        Instant finishedAt) {

    public enum State { RUNNING, DONE, FAILED }

    /** A row that was not applied. */
    public record RowError(int line, String reason) {
    }
}
