package org.intranet.search.store;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The {@code group_members} read-copy behind the {@code group:<id>} principal. No membership events exist yet, so it
 * is empty and private-group posts are visible to their authors only; the filter already reads it.
 */
@ApplicationScoped
public class GroupMemberships {
    private final EntityManager entityManager;

    GroupMemberships(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<String> groupsOf(String employeeId) {
        return entityManager.createNativeQuery("SELECT group_id FROM group_members WHERE employee_id = :id")
                .setParameter("id", employeeId)
                .getResultList();
    }
}
