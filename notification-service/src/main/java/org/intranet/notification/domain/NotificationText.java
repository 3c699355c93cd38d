package org.intranet.notification.domain;

import org.intranet.kit.text.PlainText;

/**
 * The short plain-text summary stored with a notification ("Alice Martin mentioned you: Welcome @bob…"). Post
 * bodies arrive as sanitized HTML; the summary is text. Clients must render it as text, never as HTML.
 */
public final class NotificationText {
    public static final int MAX_LENGTH = 200;

    private NotificationText() {
    }

    public static String mention(String actorName, String bodyHtml) {
        return summary(nameOrSomeone(actorName) + " mentioned you", bodyHtml);
    }

    public static String recognition(String actorName, String value, String bodyHtml) {
        String headline = nameOrSomeone(actorName) + " recognised you"
                + (value == null || value.isBlank() ? "" : " for " + value.strip());
        return summary(headline, bodyHtml);
    }

    /** {@code "<headline>: <excerpt of the body>"}, cut at {@link #MAX_LENGTH} characters. */
    static String summary(String headline, String bodyHtml) {
        String excerpt = PlainText.of(bodyHtml);
        return PlainText.truncate(excerpt.isEmpty() ? headline : headline + ": " + excerpt, MAX_LENGTH);
    }

    private static String nameOrSomeone(String name) {
        return name == null || name.isBlank() ? "Someone" : name.strip();
    }
}
