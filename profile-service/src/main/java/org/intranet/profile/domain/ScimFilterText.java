package org.intranet.profile.domain;

import java.util.regex.Pattern;

/**
 * A filter as some clients write it, in the grammar RFC 7644 §3.4.2.2 has: {@code emails[type eq "work"].value eq
 * "x"} (a PATCH path used as a filter attribute) becomes {@code emails[type eq "work" and value eq "x"]}, which
 * means the same. Everything else is passed to the SDK's parser as it is.
 */
final class ScimFilterText {
    private static final Pattern SUB_ATTRIBUTE_AFTER_VALUE_FILTER = Pattern.compile(
            "([A-Za-z][\\w:.-]*)\\[([^\\]]*)\\]\\.([A-Za-z]\\w*)\\s+"
                    + "((?i:eq|ne|co|sw|ew|gt|ge|lt|le)\\s+(?:\"(?:[^\"\\\\]|\\\\.)*\"|true|false|null|-?[\\d.]+)"
                    + "|(?i:pr)\\b)");

    private ScimFilterText() {
    }

    static String standard(String filter) {
        return SUB_ATTRIBUTE_AFTER_VALUE_FILTER.matcher(filter).replaceAll("$1[$2 and $3 $4]");
    }
}
