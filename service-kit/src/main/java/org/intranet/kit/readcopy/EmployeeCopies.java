package org.intranet.kit.readcopy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.intranet.contracts.EmployeeSnapshot;
import org.intranet.kit.events.PoisonEventException;
import org.intranet.kit.events.ProcessedEvents;
import org.intranet.kit.store.Sql;

/**
 * The {@code employees} read-copy every consuming service keeps, written only from profile snapshots.
 * <p>
 * The stale-snapshot rule (docs/events.md): a snapshot replaces the copy only when its {@code version} is higher
 * than the stored one. An equal version is the same state delivered again (a redelivery or a replay) and changes
 * nothing; a lower one arrived late and is ignored. The stored row is locked while the versions are compared, so
 * two replicas applying snapshots of one employee cannot interleave.
 */
@ApplicationScoped
public class EmployeeCopies {
    private static final String COLUMNS =
            "id, username, display_name, email, title, department, location, skills, status, version";
    private final Sql sql;
    private final ProcessedEvents processed;
    private final Event<Applied> appliedEvents;
    private final Event<Erased> erasedEvents;

    EmployeeCopies(Sql sql, ProcessedEvents processed, Event<Applied> appliedEvents, Event<Erased> erasedEvents) {
        this.sql = sql;
        this.processed = processed;
        this.appliedEvents = appliedEvents;
        this.erasedEvents = erasedEvents;
    }

    /** An employee was erased from the copy; observed in the same transaction by what the service holds of theirs. */
    public record Erased(String employeeId) {
    }

    /**
     * What applying a snapshot did.
     *
     * @param previous the copy before, when there was one
     * @param applied  false when the snapshot was not newer than the copy (nothing changed)
     */
    public record Applied(Optional<EmployeeCopy> previous, EmployeeCopy current, boolean applied) {
    }

    /**
     * Applies a profile event's snapshot once per consumer: the de-dup row and the copy commit together (joining the
     * caller's transaction when there is one, so a service can add its own effect, such as an index write). A
     * snapshot that changed the copy is also fired as a CDI {@link Applied} event, observed synchronously in the same
     * transaction (feed resolves mentions that were waiting for this employee).
     *
     * @return empty for a redelivered event (nothing done)
     */
    @Transactional
    public Optional<Applied> applyOnce(String consumer, String eventId, EmployeeSnapshot snapshot) {
        requireShape(eventId, snapshot);
        if (!processed.markOnce(consumer, eventId)) {
            return Optional.empty();
        }
        Applied applied = apply(eventId, snapshot);
        if (applied.applied()) {
            appliedEvents.fire(applied);
        }
        return Optional.of(applied);
    }

    /**
     * Erases an employee from the copy once per consumer: the row becomes a tombstone (no name, no e-mail, no
     * department, status {@code ERASED}, the highest version, so no snapshot of them, late or replayed, brings them
     * back), and {@link Erased} is fired in the same transaction for the service to erase what it holds of them.
     *
     * @return false for a redelivered event (nothing done)
     */
    @Transactional
    public boolean eraseOnce(String consumer, String eventId, String employeeId) {
        if (employeeId == null || employeeId.isBlank()) {
            throw new PoisonEventException("erasure event " + eventId + " lacks an employee id");
        }
        if (!processed.markOnce(consumer, eventId)) {
            return false;
        }
        sql.update("""
                INSERT INTO employees (id, username, display_name, email, title, department, location, skills, status,
                                       version, updated_at)
                VALUES (?, 'erased-' || md5(?), NULL, NULL, NULL, NULL, NULL, '{}', ?, ?, now())
                ON CONFLICT (id) DO UPDATE SET username = EXCLUDED.username, display_name = NULL, email = NULL,
                    title = NULL, department = NULL, location = NULL, skills = '{}', status = EXCLUDED.status,
                    version = EXCLUDED.version, updated_at = now()""",
                employeeId, employeeId, EmployeeCopy.ERASED, Long.MAX_VALUE);
        erasedEvents.fire(new Erased(employeeId));
        return true;
    }

    private static void requireShape(String eventId, EmployeeSnapshot s) {
        if (s == null || s.id() == null || s.id().isBlank() || s.username() == null || s.username().isBlank()) {
            throw new PoisonEventException("employee event " + eventId + " lacks an id or a username");
        }
    }

    private Applied apply(String eventId, EmployeeSnapshot s) {
        Optional<EmployeeCopy> previous = sql.one("SELECT " + COLUMNS + " FROM employees WHERE id = ? FOR UPDATE",
                EmployeeCopies::copy, s.id());
        if (previous.isPresent() && previous.get().version() >= s.version()) {
            return new Applied(previous, previous.get(), false);
        }
        EmployeeCopy current = new EmployeeCopy(s.id(), s.username(), s.displayName(), s.email(), s.title(),
                s.department(), s.location(), s.skills() == null ? List.of() : List.copyOf(s.skills()),
                s.status() == null ? EmployeeCopy.ACTIVE : s.status().toUpperCase(Locale.ROOT), s.version());
        sql.update("""
                INSERT INTO employees (id, username, display_name, email, title, department, location, skills, status,
                                       version, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET username = EXCLUDED.username, display_name = EXCLUDED.display_name,
                    email = EXCLUDED.email, title = EXCLUDED.title, department = EXCLUDED.department,
                    location = EXCLUDED.location, skills = EXCLUDED.skills, status = EXCLUDED.status,
                    version = EXCLUDED.version, updated_at = EXCLUDED.updated_at""",
                current.id(), current.username(), current.displayName(), current.email(), current.title(),
                current.department(), current.location(), current.skills(), current.status(), current.version(),
                s.updatedAt() == null ? Instant.now() : s.updatedAt());
        return new Applied(previous, current, true);
    }

    public Optional<EmployeeCopy> find(String id) {
        return sql.one("SELECT " + COLUMNS + " FROM employees WHERE id = ?", EmployeeCopies::copy, id);
    }

    /** The copies of those of {@code ids} the copy knows, by id: one query for a batch of events. */
    public Map<String, EmployeeCopy> findAll(Collection<String> ids) {
        Map<String, EmployeeCopy> found = new HashMap<>();
        if (!ids.isEmpty()) {
            sql.list("SELECT " + COLUMNS + " FROM employees WHERE id = ANY (?)", EmployeeCopies::copy, ids)
                    .forEach(copy -> found.put(copy.id(), copy));
        }
        return found;
    }

    /** Display names (else handles) of those of {@code ids} the copy knows. */
    public Map<String, String> names(Collection<String> ids) {
        Map<String, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            sql.list("SELECT id, COALESCE(NULLIF(btrim(display_name), ''), username) FROM employees WHERE id = ANY (?)",
                    rs -> Map.entry(rs.getString(1), rs.getString(2)), ids)
                    .forEach(e -> names.put(e.getKey(), e.getValue()));
        }
        return names;
    }

    /**
     * Ids of active employees with these handles, compared case-insensitively (handles are unique that way in
     * profile-service); unknown handles are simply no one.
     */
    public List<String> activeIdsOfHandles(Collection<String> handles) {
        if (handles.isEmpty()) {
            return List.of();
        }
        return sql.list("SELECT id FROM employees WHERE lower(username) = ANY (?) AND status = 'ACTIVE' ORDER BY id",
                rs -> rs.getString(1), handles.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList());
    }

    private static EmployeeCopy copy(ResultSet rs) throws SQLException {
        return new EmployeeCopy(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), Sql.strings(rs.getArray(8)), rs.getString(9), rs.getLong(10));
    }
}
