package org.intranet.notification.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.intranet.contracts.EmployeeSnapshot;
import org.intranet.notification.domain.EmployeeCopy;

/** The {@code employees} read-copy. Runs on the connection of the caller's transaction. */
@ApplicationScoped
public class EmployeeStore {
    private final EntityManager entityManager;

    EmployeeStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Inserts or replaces the copy, unless the stored version is already at least as new: redeliveries, replays and
     * out-of-order duplicates are harmless.
     *
     * @return true when the row changed
     */
    public boolean upsert(EmployeeSnapshot s) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO employees (id, username, display_name, email, department, location, status, version)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET username = EXCLUDED.username,
                        display_name = EXCLUDED.display_name, email = EXCLUDED.email,
                        department = EXCLUDED.department, location = EXCLUDED.location,
                        status = EXCLUDED.status, version = EXCLUDED.version
                    WHERE employees.version < EXCLUDED.version""")) {
                upsert.setString(1, s.id());
                upsert.setString(2, s.username());
                upsert.setString(3, s.displayName());
                upsert.setString(4, s.email());
                upsert.setString(5, s.department());
                upsert.setString(6, s.location());
                upsert.setString(7, s.status() == null ? "ACTIVE" : s.status());
                upsert.setLong(8, s.version());
                return upsert.executeUpdate() == 1;
            }
        });
    }

    public Optional<EmployeeCopy> find(String id) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT id, username, display_name, email, department, location, status, version
                    FROM employees WHERE id = ?""")) {
                select.setString(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new EmployeeCopy(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8)));
                }
            }
        });
    }
}
