package org.intranet.kit.text;

import java.util.regex.Pattern;

import org.jsoup.Jsoup;

/**
 * The text of sanitized HTML (post bodies), for search snippets, notification summaries and reading mentions and
 * hashtags. jsoup parses like a browser: scripts and styles are not text, entities are decoded, block boundaries
 * become spaces. What it returns is text, not markup: whoever renders it as HTML must escape it.
 */
public final class PlainText {
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Cntrl}]+");
    private static final String ELLIPSIS = "…";

    private PlainText() {
    }

    /** Tags removed, entities decoded, whitespace collapsed; "" for null. */
    public static String of(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        return SPACES.matcher(Jsoup.parse(html).text()).replaceAll(" ").strip();
    }

    /**
     * At most {@code max} characters, ending with an ellipsis when cut, at a word boundary when one is near; never
     * splits a surrogate pair.
     */
    public static String truncate(String text, int max) {
        if (text == null) {
            return "";
        }
        if (text.length() <= max) {
            return text;
        }
        int end = max - ELLIPSIS.length();
        if (Character.isLowSurrogate(text.charAt(end)) && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        int space = text.lastIndexOf(' ', end);
        if (space > 0 && space > end - 20) {
            end = space;
        }
        return text.substring(0, end).stripTrailing() + ELLIPSIS;
    }
}
