package org.intranet.profile.api;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.intranet.profile.domain.ScimFault;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.utils.JsonUtils;

/**
 * SCIM's JSON, read and written by the SDK's mapper (attribute names case-insensitive, no nulls, ISO dates), kept
 * apart from the REST API's ObjectMapper whose settings are the profile API's.
 */
final class ScimJson {
    static final String MEDIA_TYPE = "application/scim+json";
    static final String LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    static final String TAG = "SCIM";
    static final String TAG_DESCRIPTION = "SCIM 2.0 provisioning (RFC 7644) for identity providers: a machine "
            + "client's token with the scim role (docs/provisioning.md)";

    private ScimJson() {
    }

    static JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            throw new ScimFault(BadRequestException.invalidSyntax("the request needs a JSON body"));
        }
        try {
            return JsonUtils.getObjectReader().readTree(body);
        } catch (JsonProcessingException e) {
            throw new ScimFault(BadRequestException.invalidSyntax("the body is not valid JSON: "
                    + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ScimFault(BadRequestException.invalidSyntax("the body cannot be read"));
        }
    }

    static String write(Object value) {
        try {
            return JsonUtils.getObjectWriter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a SCIM resource could not be written", e);
        }
    }

    /** A ListResponse (RFC 7644 §3.4.2): {@code startIndex} is 1-based. */
    static String list(int total, int startIndex, List<ObjectNode> resources) {
        ObjectNode list = JsonUtils.getJsonNodeFactory().objectNode();
        list.putArray("schemas").add(LIST);
        list.put("totalResults", total);
        list.put("startIndex", startIndex);
        list.put("itemsPerPage", resources.size());
        list.putArray("Resources").addAll(resources);
        return write(list);
    }

    /** {@code startIndex}: 1-based, below 1 is 1 (RFC 7644 §3.4.2.4). */
    static int startIndex(String value) {
        Integer parsed = integer("startIndex", value);
        return parsed == null || parsed < 1 ? 1 : parsed;
    }

    /** {@code count}: at most {@code max}, negative is 0 (RFC 7644 §3.4.2.4). */
    static int count(String value, int max) {
        Integer parsed = integer("count", value);
        return parsed == null ? max : Math.max(0, Math.min(parsed, max));
    }

    private static Integer integer(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new ScimFault(BadRequestException.invalidValue(name + " must be a whole number, not " + value
                    .toLowerCase(Locale.ROOT)));
        }
    }
}
