package org.intranet.search.domain;

import java.util.regex.Pattern;

import org.jsoup.Jsoup;

/**
 * The text of a post body for highlighting and snippets. Bodies arrive as sanitized HTML; the index keeps that HTML
 * in {@code body} (searched through OpenSearch's {@code html_strip} char filter) and this plain text in {@code text},
 * because the highlighter cuts fragments out of the stored text: cut from the HTML they would carry (escaped) markup.
 * Nothing here needs to be safe: the highlighter's HTML encoder escapes whatever this returns.
 */
public final class PlainText {
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Cntrl}]+");

    private PlainText() {
    }

    public static String of(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        // jsoup parses like a browser: scripts and styles are not text, block boundaries become spaces
        return SPACES.matcher(Jsoup.parse(html).text()).replaceAll(" ").strip();
    }

    /** The first {@code max} characters, cut at a word boundary when there is one, with an ellipsis. */
    public static String snippet(String text, int max) {
        if (text == null) {
            return "";
        }
        if (text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max);
        return text.substring(0, cut > max / 2 ? cut : max).strip() + "…";
    }


}
