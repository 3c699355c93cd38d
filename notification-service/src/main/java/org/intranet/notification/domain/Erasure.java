package org.intranet.notification.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.intranet.kit.readcopy.EmployeeCopies;
import org.intranet.kit.readcopy.GroupMemberCopies;
import org.intranet.notification.store.BroadcastStore;
import org.intranet.notification.store.EmailStore;
import org.intranet.notification.store.NotificationStore;
import org.intranet.notification.store.ThreadStore;
import org.jboss.logging.Logger;

/**
 * GDPR erasure of an employee (profile-service's {@code employee.erased}), in the read-copy tombstone's transaction:
 * their own notifications, preferences, subscriptions, e-mails, thread participation and acknowledgements go; the
 * notifications they caused others keep their place in those people's lists but lose the name and the quoted text,
 * which were theirs.
 */
@ApplicationScoped
public class Erasure {
    static final String ANONYMOUS_TEXT = "From a colleague whose data has been erased";
    private static final Logger LOG = Logger.getLogger(Erasure.class);
    private final NotificationStore notifications;
    private final GroupMemberCopies members;
    private final Preferences preferences;
    private final ThreadStore threads;
    private final BroadcastStore broadcasts;
    private final EmailStore emails;

    Erasure(NotificationStore notifications, GroupMemberCopies members, Preferences preferences, ThreadStore threads,
            BroadcastStore broadcasts, EmailStore emails) {
        this.emails = emails;
        this.notifications = notifications;
        this.members = members;
        this.preferences = preferences;
        this.threads = threads;
        this.broadcasts = broadcasts;
    }

    void on(@Observes EmployeeCopies.Erased erased) {
        members.forget(erased.employeeId());
        preferences.forget(erased.employeeId());
        threads.forget(erased.employeeId());
        broadcasts.forget(erased.employeeId());
        emails.forget(erased.employeeId());
        int deleted = notifications.deleteOf(erased.employeeId());
        int anonymised = notifications.anonymiseActor(erased.employeeId(), ANONYMOUS_TEXT);
        LOG.infof("erased employee %s: %d of their notifications deleted, %d they caused anonymised",
                erased.employeeId(), deleted, anonymised);
    }
}
