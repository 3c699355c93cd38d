package org.intranet.feed.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.intranet.feed.store.ErasureStore;
import org.intranet.kit.readcopy.EmployeeCopies;
import org.jboss.logging.Logger;

/**
 * GDPR erasure of an employee (profile-service's {@code employee.erased}), in the same transaction as the read-copy's
 * tombstone and the event's de-dup row: all of it or none, once. Their posts go with everything on them; their
 * comments on others' posts lose their text and are deleted, with their replies, as a deleted comment is; their
 * reactions, follows, memberships, receipts and recognitions go; others' mentions of them stop pointing at them.
 * Nothing is published: search and notifications erase from the same event.
 */
@ApplicationScoped
public class Erasure {
    private static final Logger LOG = Logger.getLogger(Erasure.class);
    private final ErasureStore store;

    Erasure(ErasureStore store) {
        this.store = store;
    }

    void on(@Observes EmployeeCopies.Erased erased) {
        String id = erased.employeeId();
        int posts = store.deletePosts(id);
        int comments = store.anonymiseComments(id);
        int reactions = store.deleteReactions(id);
        store.deleteFollowsAndTimeline(id);
        store.leaveGroups(id);
        store.forgetMentionsAndReceipts(id);
        LOG.infof("erased employee %s: %d posts deleted, %d comments emptied, %d reactions removed", id, posts,
                comments, reactions);
    }
}
