package org.intranet.search.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.kit.store.Sql;
import org.intranet.search.domain.ReindexJob;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The {@code reindex_jobs} rows: one running at a time across replicas, progress as a heartbeat. */
@ApplicationScoped
public class ReindexJobs {
    private static final String COLUMNS = "id, state, requested_by, started_at, finished_at, events, total_events, "
            + "documents, indices::text, error";

    private final Sql sql;
    private final ObjectMapper json;

    ReindexJobs(Sql sql, ObjectMapper json) {
        this.sql = sql;
        this.json = json;
    }

    /** A job whose replica stopped beating is failed, so it no longer blocks a new one. */
    public int failStale(Duration heartbeat) {
        return sql.update("""
                UPDATE reindex_jobs SET state = 'FAILED', finished_at = now(),
                    error = 'the replica running it stopped before it finished; the aliases did not move if it had not swapped them'
                WHERE state = 'RUNNING' AND heartbeat_at < now() - make_interval(secs => ?)""",
                heartbeat.toMillis() / 1000.0);
    }

    /** @return the new job, or empty when one is running already */
    public Optional<ReindexJob> start(String requestedBy) {
        UUID id = UUID.randomUUID();
        int inserted = sql.update("""
                INSERT INTO reindex_jobs (id, state, requested_by, started_at, heartbeat_at)
                VALUES (?, 'RUNNING', ?, now(), now()) ON CONFLICT DO NOTHING""", id, requestedBy);
        return inserted == 0 ? Optional.empty() : find(id.toString());
    }

    public void indices(String id, Map<String, Map<String, String>> indices) {
        sql.update("UPDATE reindex_jobs SET indices = ?::jsonb, heartbeat_at = now() WHERE id = ?::uuid",
                write(indices), id);
    }

    public void progress(String id, long events, long totalEvents, long documents) {
        sql.update("""
                UPDATE reindex_jobs SET events = ?, total_events = ?, documents = ?, heartbeat_at = now()
                WHERE id = ?::uuid""", events, totalEvents, documents, id);
    }

    public void finish(String id, String state, String error) {
        sql.update("UPDATE reindex_jobs SET state = ?, error = ?, finished_at = now() WHERE id = ?::uuid",
                state, error, id);
    }

    public Optional<ReindexJob> find(String id) {
        return sql.one("SELECT " + COLUMNS + " FROM reindex_jobs WHERE id = ?::uuid", this::job, id);
    }

    private ReindexJob job(ResultSet rs) throws SQLException {
        Instant started = Sql.instant(rs, 4);
        Instant finished = Sql.instant(rs, 5);
        long documents = rs.getLong(8);
        double seconds = Duration.between(started, finished == null ? Instant.now() : finished).toMillis() / 1000.0;
        return new ReindexJob(rs.getString(1), rs.getString(2), rs.getString(3), started, finished, rs.getLong(6),
                rs.getLong(7), documents, seconds <= 0 ? 0 : Math.round(documents / seconds), read(rs.getString(9)),
                rs.getString(10));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Map<String, Map<String, String>> read(String text) {
        try {
            return json.readValue(text, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("reindex_jobs.indices is not JSON", e);
        }
    }
}
