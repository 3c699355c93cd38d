package org.intranet.search.domain;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a post body for highlighting and snippets. Bodies arrive as sanitized HTML; the index keeps that HTML
 * in {@code body} (searched through OpenSearch's {@code html_strip} char filter) and this plain text in {@code text},
 * because the highlighter cuts fragments out of the stored text: cut from the HTML they would carry (escaped) markup.
 * Nothing here needs to be safe: the highlighter's HTML encoder escapes whatever this returns.
 */
public final class PlainText {
    private static final Pattern DROPPED = Pattern.compile("(?is)<(script|style)\\b.*?</\\1\\s*>");
    private static final Pattern BLOCK = Pattern.compile(
            "(?i)</?(p|div|br|li|ul|ol|h[1-6]|blockquote|pre|tr|td|th|table|hr)\\b[^>]*>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Map<String, String> NAMED = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"",
            "apos", "'", "nbsp", " ");

    private PlainText() {
    }

    public static String of(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        String text = DROPPED.matcher(html).replaceAll(" ");
        text = BLOCK.matcher(text).replaceAll(" ");
        text = TAG.matcher(text).replaceAll("");
        text = decodeEntities(text);
        return SPACES.matcher(text).replaceAll(" ").strip();
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
        try {
            if (entity.startsWith("#x") || entity.startsWith("#X")) {
                return Character.toString(Integer.parseInt(entity.substring(2), 16));
            }
            if (entity.startsWith("#")) {
                return Character.toString(Integer.parseInt(entity.substring(1)));
            }
        } catch (IllegalArgumentException e) {
            return original;
        }
        return NAMED.getOrDefault(entity.toLowerCase(java.util.Locale.ROOT), original);
    }
}
