package org.intranet.profile.store;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.kit.store.Sql;
import org.intranet.profile.domain.Employee;
import org.intranet.profile.domain.ImportPlan;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class EmployeeStore implements PanacheRepositoryBase<Employee, String> {
    private final Sql sql;

    EmployeeStore(Sql sql) {
        this.sql = sql;
    }

    /** Everyone, as an import needs them to match rows, resolve managers and check employee numbers. */
    public List<ImportPlan.Known> known() {
        return sql.list("SELECT id, username, manager_id, employee_number, status FROM employees",
                rs -> new ImportPlan.Known(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        "ACTIVE".equals(rs.getString(5))));
    }

    /** @return false when a row with this id already exists (concurrent just-in-time creation) */
    public boolean insertIfAbsent(Employee e) {
        int inserted = getEntityManager().createNativeQuery("""
                INSERT INTO employees (id, username, display_name, given_name, family_name, email, department,
                                       location, created_at, updated_at)
                VALUES (:id, :username, :displayName, :givenName, :familyName, :email, :department, :location,
                        :createdAt, :updatedAt)
                ON CONFLICT (id) DO NOTHING""")
                .setParameter("id", e.id)
                .setParameter("username", e.username)
                .setParameter("displayName", e.displayName)
                .setParameter("givenName", e.givenName)
                .setParameter("familyName", e.familyName)
                .setParameter("email", e.email)
                .setParameter("department", e.department)
                .setParameter("location", e.location)
                .setParameter("createdAt", e.createdAt)
                .setParameter("updatedAt", e.updatedAt)
                .executeUpdate();
        return inserted == 1;
    }

    /**
     * Whether another employee already uses this handle, compared case-insensitively ("Alice" is "alice"): a
     * re-created account, a re-used login name.
     */
    public boolean handleTakenByOther(String username, String id) {
        return !getEntityManager().createNativeQuery(
                "SELECT 1 FROM employees WHERE lower(username) = lower(:username) AND id <> :id")
                .setParameter("username", username).setParameter("id", id).getResultList().isEmpty();
    }

    /** Whether another employee already has this employee number (HR numbers are unique). */
    public boolean numberTakenByOther(String number, String id) {
        return !getEntityManager().createNativeQuery(
                "SELECT 1 FROM employees WHERE employee_number = :number AND id <> :id")
                .setParameter("number", number).setParameter("id", id).getResultList().isEmpty();
    }
}
