package org.intranet.feed.store;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.intranet.contracts.EmployeeSnapshot;

/** The employee read-copy: written only by profile events, read for mentions, names and targeting. */
@ApplicationScoped
public class EmployeeStore {
    private final EntityManager em;

    EmployeeStore(EntityManager em) {
        this.em = em;
    }

    public record Basics(String id, String displayName, String department, String location) {
    }

    /** Upserts the snapshot unless a newer version is already stored (events may be replayed out of date). */
    public void apply(EmployeeSnapshot s) {
        em.createNativeQuery("""
                INSERT INTO employees (id, username, display_name, department, location, status, version)
                VALUES (:id, :username, :displayName, :department, :location, :status, :version)
                ON CONFLICT (id) DO UPDATE SET username = EXCLUDED.username, display_name = EXCLUDED.display_name,
                    department = EXCLUDED.department, location = EXCLUDED.location, status = EXCLUDED.status,
                    version = EXCLUDED.version
                WHERE employees.version <= EXCLUDED.version""")
                .setParameter("id", s.id())
                .setParameter("username", s.username())
                .setParameter("displayName", s.displayName() == null ? s.username() : s.displayName())
                .setParameter("department", s.department())
                .setParameter("location", s.location())
                .setParameter("status", s.status() == null ? "ACTIVE" : s.status())
                .setParameter("version", s.version())
                .executeUpdate();
    }

    public Basics basics(String id) {
        List<?> rows = em.createNativeQuery(
                "SELECT id, display_name, department, location FROM employees WHERE id = :id")
                .setParameter("id", id).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = (Object[]) rows.get(0);
        return new Basics((String) r[0], (String) r[1], (String) r[2], (String) r[3]);
    }

    /** Ids of active employees with these handles (case-insensitive); unknown handles are simply not mentions. */
    @SuppressWarnings("unchecked")
    public List<String> idsOfHandles(List<String> handles) {
        if (handles.isEmpty()) {
            return List.of();
        }
        return em.createNativeQuery(
                "SELECT id FROM employees WHERE lower(username) IN (:handles) AND status = 'ACTIVE' ORDER BY id")
                .setParameter("handles", handles.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList())
                .getResultList();
    }
}
