package org.intranet.profile.domain;

import java.util.Iterator;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;

/** SCIM attribute names are case-insensitive (RFC 7643 §2.1), whichever mapper built the node. */
public final class ScimNodes {
    private ScimNodes() {
    }

    /** A single value as text (null when absent or null); a list or an object is a 400 {@code invalidValue}. */
    public static String single(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw new ScimFault(BadRequestException.invalidValue("expected a single value, not " + value));
        }
        return value.asText();
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
