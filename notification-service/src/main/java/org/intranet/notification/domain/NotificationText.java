package org.intranet.notification.domain;

import org.jsoup.Jsoup;

/**
 * The short plain-text summary stored with a notification ("Alice Martin mentioned you: Welcome @bob…"). Post
 * bodies arrive as sanitized HTML; the summary is text, so tags go and entities are decoded. Clients must render it
 * as text, never as HTML.
 */
public final class NotificationText {
    public static final int MAX_LENGTH = 200;
    private static final String ELLIPSIS = "…";

    private NotificationText() {
    }

    public static String mention(String actorName, String bodyHtml) {
        return summary(nameOrSomeone(actorName) + " mentioned you", bodyHtml);
    }

    /** {@code "<headline>: <excerpt of the body>"}, cut at {@link #MAX_LENGTH} characters. */
    static String summary(String headline, String bodyHtml) {
        String excerpt = plainText(bodyHtml);
        return truncate(excerpt.isEmpty() ? headline : headline + ": " + excerpt, MAX_LENGTH);
    }

    /** Tags removed, entities decoded, whitespace collapsed. */
    public static String plainText(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        // jsoup parses like a browser: scripts and styles are not text, block boundaries become spaces
        return Jsoup.parse(html).text().replaceAll("[\\s\\p{Cntrl}]+", " ").strip();
    }

    /** At most {@code max} characters, ending with an ellipsis when cut; never splits a surrogate pair. */
    static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - ELLIPSIS.length();
        if (Character.isLowSurrogate(text.charAt(end)) && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        // prefer a word boundary when one is near, so the summary does not end mid-word
        int space = text.lastIndexOf(' ', end);
        if (space > end - 20 && space > 0) {
            end = space;
        }
        return text.substring(0, end).stripTrailing() + ELLIPSIS;
    }



    private static String nameOrSomeone(String name) {
        return name == null || name.isBlank() ? "Someone" : name.strip();
    }
}
