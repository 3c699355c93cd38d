package org.intranet.profile.domain;

import com.unboundid.scim2.common.exceptions.PreconditionFailedException;

/** Weak ETags over an entity's version, as SCIM's {@code meta.version} and the {@code ETag} header carry them. */
public final class ETags {
    private ETags() {
    }

    public static String of(long version) {
        return "W/\"" + version + "\"";
    }

    /**
     * {@code If-Match} must name this version (absent or {@code *}: any version will do); otherwise a 412 and nothing
     * changes. {@code what} names the resource in the error.
     */
    static void requireMatch(String ifMatch, long version, String what) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return;
        }
        for (String tag : ifMatch.split(",")) {
            if (parse(tag) == version) {
                return;
            }
        }
        throw new ScimFault(new PreconditionFailedException(what + " has changed: its ETag is now " + of(version)
                + ", not " + ifMatch.strip() + "; read it again"));
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
