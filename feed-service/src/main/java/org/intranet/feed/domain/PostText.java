package org.intranet.feed.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.intranet.kit.text.PlainText;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * What a post's text means: the safe HTML a client may render, the {@code @handles} it mentions and the
 * {@code #tags} it carries. Handles and tags are read from the text, not from markup, so a tag inside a link's
 * href does not count.
 */
public final class PostText {
    private static final int MAX_TAGS = 30;
    private static final int MAX_MENTIONS = 50;
    // a handle or tag starts after a non-word character, so e-mail addresses are not mentions
    private static final Pattern MENTION = Pattern.compile("(?<![\\w@])@([\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,63})");
    private static final Pattern HASHTAG = Pattern.compile("(?<![\\w#&])#([\\p{L}\\p{N}_]{1,64})");
    private static final PolicyFactory SAFE_HTML = new HtmlPolicyBuilder()
            .allowElements("b", "strong", "i", "em", "u", "s", "p", "br", "ul", "ol", "li", "blockquote", "code",
                    "pre", "a")
            .allowUrlProtocols("https", "http", "mailto")
            .allowAttributes("href").onElements("a")
            .requireRelNofollowOnLinks()
            .toFactory();

    private PostText() {
    }

    /**
     * Removes scripts, event handlers, styles and unknown tags; escapes the rest. The sanitizer also encodes
     * {@code @}, {@code +} and {@code =}, which mean nothing to HTML in text or in its always-quoted attributes:
     * they are put back so mentions read as typed in every client.
     */
    public static String sanitize(String body) {
        return SAFE_HTML.sanitize(body.strip()).replace("&#64;", "@").replace("&#43;", "+").replace("&#61;", "=");
    }

    public static List<String> handles(String text) {
        return matches(MENTION, plain(text), MAX_MENTIONS);
    }

    public static List<String> hashtags(String text) {
        return matches(HASHTAG, plain(text), MAX_TAGS).stream().map(t -> t.toLowerCase(Locale.ROOT)).distinct()
                .toList();
    }

    private static String plain(String html) {
        return PlainText.of(html);
    }

    private static List<String> matches(Pattern pattern, String text, int max) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find() && found.size() < max) {
            // a trailing dot ends a sentence, not a handle
            found.add(m.group(1).replaceAll("[._-]+$", ""));
        }
        return List.copyOf(found);
    }
}
