package org.intranet.kit.readcopy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.intranet.contracts.MembershipChanged;
import org.intranet.kit.events.PoisonEventException;
import org.intranet.kit.events.ProcessedEvents;
import org.intranet.kit.store.Sql;

/**
 * The {@code group_members (group_id, employee_id)} read-copy a consuming service keeps from feed-service's
 * {@code member.added} / {@code member.removed} events; {@code kit.visibility.Readers} reads it to give a reader the
 * {@code group:<id>} principal. The table is the service's own (its V1 migration); this class is its only writer.
 * <p>
 * No version is compared: membership events are keyed by group id, so one group's changes arrive in the order they
 * were made, and the last one wins. An {@code added} for an existing member (a role change) changes nothing here.
 */
@ApplicationScoped
public class GroupMemberCopies {
    private final Sql sql;
    private final ProcessedEvents processed;

    GroupMemberCopies(Sql sql, ProcessedEvents processed) {
        this.sql = sql;
        this.processed = processed;
    }

    /**
     * Applies a membership event once per consumer: the de-dup row and the membership change commit together
     * (joining the caller's transaction when there is one).
     *
     * @param added true for {@code member.added}, false for {@code member.removed}
     * @return false for a redelivered event (nothing done)
     */
    @Transactional
    public boolean applyOnce(String consumer, String eventId, MembershipChanged m, boolean added) {
        if (m == null || blank(m.groupId()) || blank(m.employeeId())) {
            throw new PoisonEventException("membership event " + eventId + " lacks a groupId or an employeeId");
        }
        if (!processed.markOnce(consumer, eventId)) {
            return false;
        }
        if (added) {
            sql.update("INSERT INTO group_members (group_id, employee_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    m.groupId(), m.employeeId());
        } else {
            sql.update("DELETE FROM group_members WHERE group_id = ? AND employee_id = ?", m.groupId(),
                    m.employeeId());
        }
        return true;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** Erasure: the person's memberships go from the copy (a service that counts members does its own). */
    public void forget(String employeeId) {
        sql.update("DELETE FROM group_members WHERE employee_id = ?", employeeId);
    }
}
