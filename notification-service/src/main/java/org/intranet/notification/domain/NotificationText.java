package org.intranet.notification.domain;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The short plain-text summary stored with a notification ("Alice Martin mentioned you: Welcome @bob…"). Post
 * bodies arrive as sanitized HTML; the summary is text, so tags go and entities are decoded. Clients must render it
 * as text, never as HTML.
 */
public final class NotificationText {
    public static final int MAX_LENGTH = 200;
    private static final String ELLIPSIS = "…";
    private static final Pattern BLOCK_BREAK = Pattern.compile(
            "(?i)<\\s*(br|/p|/div|/li|/h[1-6]|/blockquote|/pre|/tr)\\b[^>]*>");
    private static final Pattern DROPPED_ELEMENT = Pattern.compile("(?is)<\\s*(script|style)\\b.*?<\\s*/\\s*\\1\\s*>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Map<String, String> NAMED = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"",
            "apos", "'", "nbsp", " ");

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
        String text = DROPPED_ELEMENT.matcher(html).replaceAll(" ");
        text = BLOCK_BREAK.matcher(text).replaceAll(" ");
        text = TAG.matcher(text).replaceAll("");
        // a '<' left without a closing '>' is the start of a cut-off tag: drop the rest
        int open = text.indexOf('<');
        if (open >= 0) {
            text = text.substring(0, open);
        }
        text = decodeEntities(text);
        return text.replaceAll("[\\s\\p{Cntrl}]+", " ").strip();
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

    private static String decodeEntities(String text) {
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(decode(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String decode(String entity, String original) {
        if (entity.charAt(0) != '#') {
            return NAMED.getOrDefault(entity.toLowerCase(java.util.Locale.ROOT), original);
        }
        try {
            int codePoint = entity.charAt(1) == 'x' || entity.charAt(1) == 'X'
                    ? Integer.parseInt(entity.substring(2), 16) : Integer.parseInt(entity.substring(1));
            return Character.isValidCodePoint(codePoint) && !Character.isISOControl(codePoint)
                    ? new String(Character.toChars(codePoint)) : " ";
        } catch (NumberFormatException e) {
            return original;
        }
    }

    private static String nameOrSomeone(String name) {
        return name == null || name.isBlank() ? "Someone" : name.strip();
    }
}
