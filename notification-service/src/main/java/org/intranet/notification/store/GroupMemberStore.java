package org.intranet.notification.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * The {@code group_members} read-copy behind the {@code group:<id>} principal. Group membership events do not exist
 * yet, so it is empty and private-group posts notify nobody; the consumer of those events will fill it.
 */
@ApplicationScoped
public class GroupMemberStore {
    private final EntityManager entityManager;

    GroupMemberStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public List<String> groupsOf(String employeeId) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT group_id FROM group_members WHERE employee_id = ?")) {
                select.setString(1, employeeId);
                List<String> groups = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        groups.add(rs.getString(1));
                    }
                }
                return groups;
            }
        });
    }
}
