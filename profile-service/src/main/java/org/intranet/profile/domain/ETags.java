package org.intranet.profile.domain;

/** Weak ETags over an entity's version, as SCIM's {@code meta.version} and the {@code ETag} header carry them. */
public final class ETags {
    private ETags() {
    }

    public static String of(long version) {
        return "W/\"" + version + "\"";
    }

    /** @return the version a tag names, or -1 for a tag this service did not issue */
    static long parse(String tag) {
        String t = tag.strip();
        if (t.startsWith("W/")) {
            t = t.substring(2);
        }
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
            t = t.substring(1, t.length() - 1);
        }
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
