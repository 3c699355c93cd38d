package org.intranet.feed.store;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Groups and membership, as far as posting and visibility need them. */
@ApplicationScoped
public class GroupStore {
    private final EntityManager em;

    GroupStore(EntityManager em) {
        this.em = em;
    }

    public record GroupRef(String id, String visibility) {
        public boolean isPrivate() {
            return "PRIVATE".equals(visibility);
        }
    }

    public GroupRef find(String id) {
        List<?> rows = em.createNativeQuery("SELECT id, visibility FROM groups WHERE id = :id")
                .setParameter("id", id).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = (Object[]) rows.get(0);
        return new GroupRef((String) r[0], (String) r[1]);
    }

    public boolean isMember(String groupId, String employeeId) {
        return !em.createNativeQuery("SELECT 1 FROM group_members WHERE group_id = :g AND employee_id = :e")
                .setParameter("g", groupId).setParameter("e", employeeId).getResultList().isEmpty();
    }

    @SuppressWarnings("unchecked")
    public List<String> groupIdsOf(String employeeId) {
        return em.createNativeQuery("SELECT group_id FROM group_members WHERE employee_id = :e")
                .setParameter("e", employeeId).getResultList();
    }
}
