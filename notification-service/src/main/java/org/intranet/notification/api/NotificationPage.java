package org.intranet.notification.api;

import java.util.List;

import org.intranet.notification.domain.NotificationInbox;

/** One page, newest first; {@code next} is the opaque cursor of the following page, null on the last one. */
public record NotificationPage(List<NotificationView> items, String next) {

    static NotificationPage of(NotificationInbox.Page page) {
        return new NotificationPage(page.items().stream().map(NotificationView::of).toList(),
                page.next() == null ? null : page.next().encode());
    }
}
