package org.intranet.search.store;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.intranet.contracts.EmployeeSnapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The {@code employees} read-copy, fed by {@code intranet.profile}. */
@ApplicationScoped
public class EmployeeCopies {
    private final EntityManager entityManager;
    private final ObjectMapper json;

    EmployeeCopies(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /** What search needs of an employee: name for post documents, department and location for principals. */
    public record Copy(String id, String displayName, String department, String location, long version) {
    }

    @Transactional
    public Optional<Copy> find(String id) {
        return select(id, "");
    }

    /** Display names of the given employees that the copy knows. */
    @Transactional
    public Map<String, String> displayNames(Collection<String> ids) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "SELECT id, display_name FROM employees WHERE id IN (:ids) AND display_name IS NOT NULL")
                .setParameter("ids", ids)
                .getResultList();
        Map<String, String> names = new HashMap<>();
        rows.forEach(r -> names.put((String) r[0], (String) r[1]));
        return names;
    }

    /** Reads and row-locks the copy, so the version comparison and the write that follows cannot interleave. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Copy> lock(String id) {
        return select(id, " FOR UPDATE");
    }

    /** Inserts or replaces the copy unless the stored one is newer (an old snapshot arriving late changes nothing). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean upsert(EmployeeSnapshot s) {
        return entityManager.createNativeQuery("""
                INSERT INTO employees (id, username, display_name, title, department, location, skills, status,
                                       version, updated_at)
                VALUES (:id, :username, :displayName, :title, :department, :location, CAST(:skills AS jsonb),
                        :status, :version, :updatedAt)
                ON CONFLICT (id) DO UPDATE SET
                    username = EXCLUDED.username, display_name = EXCLUDED.display_name, title = EXCLUDED.title,
                    department = EXCLUDED.department, location = EXCLUDED.location, skills = EXCLUDED.skills,
                    status = EXCLUDED.status, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
                WHERE employees.version <= EXCLUDED.version""")
                .setParameter("id", s.id())
                .setParameter("username", s.username())
                .setParameter("displayName", s.displayName())
                .setParameter("title", s.title())
                .setParameter("department", s.department())
                .setParameter("location", s.location())
                .setParameter("skills", toJson(s.skills() == null ? List.of() : s.skills()))
                .setParameter("status", s.status() == null ? "ACTIVE" : s.status())
                .setParameter("version", s.version())
                .setParameter("updatedAt", s.updatedAt() == null ? Instant.now() : s.updatedAt())
                .executeUpdate() == 1;
    }

    private Optional<Copy> select(String id, String lock) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "SELECT id, display_name, department, location, version FROM employees WHERE id = :id" + lock)
                .setParameter("id", id)
                .getResultList();
        return rows.stream().findFirst().map(r -> new Copy((String) r[0], (String) r[1], (String) r[2],
                (String) r[3], ((Number) r[4]).longValue()));
    }

    private String toJson(List<String> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
