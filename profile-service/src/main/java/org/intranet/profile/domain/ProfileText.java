package org.intranet.profile.domain;

import java.util.regex.Pattern;

/** Profile text is plain: no markup (it is shown in many clients, never as HTML) and no control characters. */
public final class ProfileText {
    /** One line: no {@code <}, {@code >} or control characters. */
    public static final String PLAIN = "[^<>\\p{Cntrl}]*";
    /** Several lines (a bio): as {@link #PLAIN}, but line breaks and tabs are kept. */
    public static final String PLAIN_LINES = "[^<>\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";
    public static final String PLAIN_MESSAGE = "must not contain <, > or control characters";
    private static final Pattern ONE_LINE = Pattern.compile(PLAIN);

    private ProfileText() {
    }

    public static boolean isPlain(String text) {
        return ONE_LINE.matcher(text).matches();
    }
}
