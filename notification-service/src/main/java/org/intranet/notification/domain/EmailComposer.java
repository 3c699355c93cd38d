package org.intranet.notification.domain;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.kit.readcopy.EmployeeCopies;
import org.intranet.kit.readcopy.EmployeeCopy;
import org.intranet.kit.text.PlainText;
import org.intranet.kit.visibility.Principals;
import org.intranet.kit.visibility.Readers;
import org.intranet.notification.config.NotificationConfig;
import org.intranet.notification.store.BroadcastStore;
import org.intranet.notification.store.NotificationStore;

import io.quarkus.mailer.Mail;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;

/**
 * Renders a queued e-mail from the state at sending time (Qute templates, HTML and text), or says why it is no longer
 * to be sent: the recipient left or has no address, the notification was read in the app or is gone, they may no
 * longer see what it is about, the must-read was acknowledged, nothing is unread for a digest. Every e-mail but a
 * reminder carries a one-click unsubscribe link for its kind (RFC 8058 headers too).
 */
@ApplicationScoped
public class EmailComposer {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm");
    private final EmployeeCopies employees;
    private final Readers readers;
    private final NotificationStore notifications;
    private final BroadcastStore broadcasts;
    private final UnsubscribeTokens tokens;
    private final Preferences preferences;
    private final NotificationConfig config;
    private final Template notificationHtml;
    private final Template notificationText;
    private final Template digestHtml;
    private final Template digestText;

    EmailComposer(EmployeeCopies employees, Readers readers, NotificationStore notifications,
            BroadcastStore broadcasts, UnsubscribeTokens tokens, Preferences preferences, NotificationConfig config,
            @Location("emails/notification.html") Template notificationHtml,
            @Location("emails/notification.txt") Template notificationText,
            @Location("emails/digest.html") Template digestHtml,
            @Location("emails/digest.txt") Template digestText) {
        this.employees = employees;
        this.readers = readers;
        this.notifications = notifications;
        this.broadcasts = broadcasts;
        this.tokens = tokens;
        this.preferences = preferences;
        this.config = config;
        this.notificationHtml = notificationHtml;
        this.notificationText = notificationText;
        this.digestHtml = digestHtml;
        this.digestText = digestText;
    }

    /** @param mail the message, or null when it is not to be sent; then {@code skipped} says why */
    public record Composed(Mail mail, String skipped) {
        static Composed skip(String why) {
            return new Composed(null, why);
        }
    }

    /** One line of a digest. */
    @TemplateData
    public record Item(String text, String link, String when) {
    }

    public Composed compose(Email email) {
        Optional<EmployeeCopy> recipient = employees.find(email.recipientId());
        if (recipient.isEmpty() || !recipient.get().active() || blank(recipient.get().email())) {
            return Composed.skip("the recipient has left or has no e-mail address");
        }
        return switch (email.kind()) {
            case NOTIFICATION, REMINDER -> single(email, recipient.get());
            case DIGEST -> digest(email, recipient.get());
        };
    }

    private Composed single(Email email, EmployeeCopy recipient) {
        Optional<Notification> found = notifications.find(email.notificationId());
        if (found.isEmpty()) {
            return Composed.skip("the notification is gone");
        }
        Notification n = found.get();
        boolean reminder = email.kind() == Email.Kind.REMINDER;
        if (!reminder && n.read()) {
            return Composed.skip("read in the app first");
        }
        if (reminder && broadcasts.acknowledged(n.subject().postId(), recipient.id())) {
            return Composed.skip("acknowledged");
        }
        if (!readers.ofEmployee(recipient.id()).canSee(n.audience(), n.subject().authorId())) {
            return Composed.skip("no longer visible to the recipient");
        }
        String subject = PlainText.truncate(reminder ? "Please read and acknowledge: " + n.text() : n.text(), 120);
        String unsubscribe = unsubscribeUrl(recipient.id(), n.type().name());
        Object[] data = {"name", greeting(recipient), "text", n.text(), "link", link(n), "reminder", reminder,
                "unsubscribe", unsubscribe, "kind", n.type().name().toLowerCase(java.util.Locale.ROOT)};
        return new Composed(mail(recipient, subject, render(notificationHtml, data), render(notificationText, data),
                unsubscribe), null);
    }

    private Composed digest(Email email, EmployeeCopy recipient) {
        int max = config.digest().items();
        Principals reader = readers.ofEmployee(recipient.id());
        List<Notification> unread = notifications.unreadSince(reader, email.since(), max + 1);
        if (unread.isEmpty()) {
            return Composed.skip("nothing unread since the last digest");
        }
        ZoneId zone = preferences.of(recipient.id()).timeZone();
        List<Item> items = unread.stream().limit(max)
                .map(n -> new Item(n.text(), link(n), WHEN.format(n.createdAt().atZone(zone)))).toList();
        boolean more = unread.size() > max;
        String subject = more ? "More than " + max + " unread notifications" : items.size() == 1
                ? "1 unread notification" : items.size() + " unread notifications";
        String unsubscribe = unsubscribeUrl(recipient.id(), UnsubscribeTokens.DIGEST);
        Object[] data = {"name", greeting(recipient), "items", items, "more", more, "link", config.email().webUrl()
                + "/notifications", "unsubscribe", unsubscribe};
        return new Composed(mail(recipient, "Your intranet digest: " + subject, render(digestHtml, data),
                render(digestText, data), unsubscribe), null);
    }

    private static Mail mail(EmployeeCopy recipient, String subject, String html, String text, String unsubscribe) {
        return Mail.withHtml(recipient.email(), subject, html).setText(text)
                .addHeader("List-Unsubscribe", "<" + unsubscribe + ">")
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }

    private static String render(Template template, Object[] data) {
        var instance = template.instance();
        for (int i = 0; i < data.length; i += 2) {
            instance = instance.data((String) data[i], data[i + 1]);
        }
        return instance.render();
    }

    private String unsubscribeUrl(String employeeId, String scope) {
        return config.email().apiUrl() + "/api/notifications/unsubscribe?token="
                + URLEncoder.encode(tokens.sign(employeeId, scope), StandardCharsets.UTF_8);
    }

    /** Where the web app shows what a notification is about. */
    private String link(Notification n) {
        Notification.Subject s = n.subject();
        String web = config.email().webUrl();
        if (s.postId() != null) {
            String anchor = s.commentId() == null ? "" : "#comment-" + encode(s.commentId());
            return web + "/posts/" + encode(s.postId()) + anchor;
        }
        if (s.groupId() != null) {
            return web + "/groups/" + encode(s.groupId());
        }
        return n.actorId() == null ? web + "/notifications" : web + "/people/" + encode(n.actorId());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String greeting(EmployeeCopy recipient) {
        return blank(recipient.displayName()) ? recipient.username() : recipient.displayName();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
