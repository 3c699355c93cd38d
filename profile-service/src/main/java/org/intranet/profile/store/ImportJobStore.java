package org.intranet.profile.store;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.kit.store.Sql;
import org.intranet.profile.domain.ImportJob;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Import jobs: written as they progress (each statement its own transaction), read by whoever polls them. */
@ApplicationScoped
public class ImportJobStore {
    private static final TypeReference<List<ImportJob.RowError>> ERRORS = new TypeReference<>() {
    };
    private final Sql sql;
    private final ObjectMapper json;

    ImportJobStore(Sql sql, ObjectMapper json) {
        this.sql = sql;
        this.json = json;
    }

    public void create(UUID id, String createdBy, int total, int processed, List<ImportJob.RowError> errors,
            Instant at) {
        sql.update("""
                INSERT INTO import_jobs (id, created_by, state, total, processed, errors, created_at)
                VALUES (?, ?, 'RUNNING', ?, ?, CAST(? AS jsonb), ?)""", id, createdBy, total, processed,
                toJson(errors), at);
    }

    /** Adds to the counts and the errors of a job. */
    public void progress(UUID id, int processed, int created, int updated, int unchanged, int deactivated,
            List<ImportJob.RowError> errors) {
        sql.update("""
                UPDATE import_jobs SET processed = processed + ?, created = created + ?, updated = updated + ?,
                    unchanged = unchanged + ?, deactivated = deactivated + ?, errors = errors || CAST(? AS jsonb),
                    updated_at = now()
                WHERE id = ?""", processed, created, updated, unchanged, deactivated, toJson(errors), id);
    }

    public void finish(UUID id, ImportJob.State state, String failure, Instant at) {
        sql.update("UPDATE import_jobs SET state = ?, failure = ?, finished_at = ? WHERE id = ?", state.name(),
                failure, at, id);
    }

    /** Erasure: the jobs they ran stay, without who ran them. */
    public void forget(String employeeId) {
        sql.update("UPDATE import_jobs SET created_by = 'erased' WHERE created_by = ?", employeeId);
    }

    /** Running jobs untouched since {@code before} lost their replica: they are marked failed. @return how many */
    public int failAbandoned(Instant before, String reason, Instant at) {
        return sql.update("""
                UPDATE import_jobs SET state = 'FAILED', failure = ?, finished_at = ?
                WHERE state = 'RUNNING' AND updated_at < ?""", reason, at, before);
    }

    public Optional<ImportJob> find(UUID id) {
        return sql.one("""
                SELECT id, created_by, state, total, processed, created, updated, unchanged, deactivated,
                       errors::text, failure, created_at, finished_at
                FROM import_jobs WHERE id = ?""",
                rs -> new ImportJob(rs.getObject(1, UUID.class), rs.getString(2),
                        ImportJob.State.valueOf(rs.getString(3)), rs.getInt(4), rs.getInt(5), rs.getInt(6),
                        rs.getInt(7), rs.getInt(8), rs.getInt(9), fromJson(rs.getString(10)), rs.getString(11),
                        Sql.instant(rs, 12), Sql.instant(rs, 13)), id);
    }

    private String toJson(List<ImportJob.RowError> errors) {
        try {
            return json.writeValueAsString(errors);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** In line order, however the job found them (reading, planning, applying). */
    private List<ImportJob.RowError> fromJson(String text) {
        try {
            return json.readValue(text, ERRORS).stream()
                    .sorted(Comparator.comparingInt(ImportJob.RowError::line)).toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
