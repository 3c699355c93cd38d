package org.intranet.profile.domain;

import java.util.Iterator;

import com.fasterxml.jackson.databind.JsonNode;

/** SCIM attribute names are case-insensitive (RFC 7643 §2.1), whichever mapper built the node. */
public final class ScimNodes {
    private ScimNodes() {
    }

    /** The attribute of an object node in any case; null when absent or when the node is not an object. */
    public static JsonNode field(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode exact = node.get(name);
        if (exact != null) {
            return exact;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String candidate = names.next();
            if (candidate.equalsIgnoreCase(name)) {
                return node.get(candidate);
            }
        }
        return null;
    }
}
