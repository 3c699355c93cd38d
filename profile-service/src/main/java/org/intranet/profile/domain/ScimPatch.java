package org.intranet.profile.domain;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.EqualFilter;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.OrFilter;
import com.unboundid.scim2.common.messages.PatchOpType;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.utils.JsonUtils;

/**
 * A SCIM PATCH (RFC 7644 §3.5.2): the SDK parses the operations and applies them; this class first turns what
 * Entra ID and Okta really send into the standard form:
 * <ul>
 * <li>{@code op} in any case ({@code Replace}, {@code ADD}, …);</li>
 * <li>an add or replace without {@code path} whose value has dotted or URN-qualified keys
 * ({@code {"name.givenName": …, "urn:…:enterprise:2.0:User:department": …}}) becomes one operation per key;</li>
 * <li>a replace of a filtered value that is not there yet ({@code emails[type eq "work"].value} on a person with no
 * email) adds it, as the client means (at apply time, when we know it is absent).</li>
 * </ul>
 * Text booleans ({@code "False"}) and a bare manager id are read by {@link ScimUserDocument}.
 */
public final class ScimPatch {
    public static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    private static final Set<String> OPS = Set.of("add", "replace", "remove");
    private static final Set<String> SCHEMAS = Set.of(ScimUserDocument.USER.toLowerCase(Locale.ROOT),
            ScimUserDocument.ENTERPRISE.toLowerCase(Locale.ROOT), "urn:ietf:params:scim:schemas:core:2.0:group");
    private static final JsonNodeFactory JSON = JsonUtils.getJsonNodeFactory();

    private ScimPatch() {
    }

    /** The request's operations in order; a malformed request is a 400 naming what is wrong. */
    public static List<PatchOperation> operations(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw fault(BadRequestException.invalidSyntax("a PATCH body is a JSON object with Operations"));
        }
        JsonNode ops = ScimNodes.field(body, "Operations");
        if (ops == null || !ops.isArray() || ops.isEmpty()) {
            throw fault(BadRequestException.invalidSyntax("a PATCH needs Operations: a non-empty list"));
        }
        ArrayNode standard = JSON.arrayNode();
        for (JsonNode op : ops) {
            standardise(op, standard);
        }
        ObjectNode request = JSON.objectNode();
        request.putArray("schemas").add(PATCH_OP);
        request.set("Operations", standard);
        try {
            PatchRequest parsed = JsonUtils.getObjectReader().forType(PatchRequest.class).readValue(request);
            return parsed.getOperations();
        } catch (IOException | IllegalArgumentException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof ScimException scim) {
                    throw new ScimFault(scim);
                }
            }
            // Jackson's message names SDK classes: the client gets what to send instead
            throw fault(BadRequestException.invalidSyntax("the PATCH operations cannot be read: each is "
                    + "{\"op\": \"add\"|\"replace\"|\"remove\", \"path\": \"…\", \"value\": …}, add and replace with a "
                    + "value"));
        }
    }

    /** Applies every operation to a copy of {@code resource}: all of them or, on the first failure, none. */
    public static ObjectNode apply(ObjectNode resource, List<PatchOperation> operations) {
        ObjectNode patched = resource.deepCopy();
        try {
            for (PatchOperation operation : operations) {
                addWhenAbsent(operation, patched).apply(patched);
            }
        } catch (ScimException e) {
            throw new ScimFault(e);
        }
        if (!patched.path("id").equals(resource.path("id"))) {
            throw fault(BadRequestException.mutability("id is set by the service and cannot be changed"));
        }
        return patched;
    }

    /**
     * A replace of a filtered value that is not there yet ({@code emails[type eq "work"].value} on a person with no
     * email) is an add: the SDK would answer noTarget, while the client means "set the work email".
     */
    private static PatchOperation addWhenAbsent(PatchOperation operation, ObjectNode resource) throws ScimException {
        Path path = operation.getPath();
        if (operation.getOpType() != PatchOpType.REPLACE || path == null || path.isRoot()
                || path.getElement(0).getValueFilter() == null || JsonUtils.pathExists(path, resource)) {
            return operation;
        }
        return PatchOperation.add(path, operation.getJsonNode());
    }

    private static void standardise(JsonNode op, ArrayNode out) {
        if (!op.isObject()) {
            throw fault(BadRequestException.invalidSyntax("each operation is an object with op, path and value"));
        }
        JsonNode kindNode = ScimNodes.field(op, "op");
        String kind = kindNode == null || !kindNode.isTextual() ? "" : kindNode.textValue().toLowerCase(Locale.ROOT);
        if (!OPS.contains(kind)) {
            throw fault(BadRequestException.invalidSyntax("op must be add, replace or remove, not "
                    + (kindNode == null ? "missing" : kindNode.toString())));
        }
        JsonNode pathNode = ScimNodes.field(op, "path");
        String path = pathNode == null || pathNode.isNull() ? null : pathNode.asText();
        JsonNode value = ScimNodes.field(op, "value");
        if (path == null && !kind.equals("remove") && value != null && value.isObject()) {
            ObjectNode rest = JSON.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (isQualified(entry.getKey())) {
                    out.add(operation(kind, entry.getKey(), entry.getValue()));
                } else {
                    rest.set(entry.getKey(), entry.getValue());
                }
            }
            if (!rest.isEmpty()) {
                out.add(operation(kind, null, rest));
            }
            return;
        }
        out.add(operation(kind, path, value));
    }

    /**
     * A key that is itself a path: {@code name.givenName}, or {@code urn:…:User:manager} (a schema URN with an
     * attribute, whatever its value). A schema's own URN holding an object ({@code "urn:…:enterprise:2.0:User": {…}})
     * merges as it is.
     */
    private static boolean isQualified(String key) {
        if (key.regionMatches(true, 0, "urn:", 0, 4)) {
            return !SCHEMAS.contains(key.toLowerCase(Locale.ROOT));
        }
        return key.contains(".");
    }

    private static ObjectNode operation(String kind, String path, JsonNode value) {
        ObjectNode op = JSON.objectNode().put("op", kind);
        if (path != null) {
            op.put("path", path);
        }
        if (value != null) {
            op.set("value", value);
        }
        return op;
    }

    static ScimFault fault(ScimException e) {
        return new ScimFault(e);
    }

    /** The values of operations on a multi-valued attribute's {@code value}s, e.g. member ids, in order. */
    static List<String> values(JsonNode value) {
        List<String> ids = new ArrayList<>();
        if (value == null || value.isNull()) {
            return ids;
        }
        for (JsonNode item : value.isArray() ? value : JSON.arrayNode().add(value)) {
            JsonNode id = item.isObject() ? ScimNodes.field(item, "value") : item;
            if (id == null || !id.isValueNode() || id.asText().isBlank()) {
                throw fault(BadRequestException.invalidValue("each member is {\"value\": \"<user id>\"}"));
            }
            ids.add(id.asText());
        }
        return ids;
    }

    /** The member ids of {@code value eq "id"} (or several joined by {@code or}). */
    static List<String> selectedValues(Filter selector) {
        List<String> ids = new ArrayList<>();
        collect(selector, ids);
        return ids;
    }

    private static void collect(Filter filter, List<String> ids) {
        if (filter instanceof OrFilter or) {
            or.getCombinedFilters().forEach(f -> collect(f, ids));
        } else if (filter instanceof EqualFilter eq && eq.getAttributePath().size() == 1
                && eq.getAttributePath().getElement(0).getAttribute().equalsIgnoreCase("value")
                && eq.getComparisonValue().isTextual()) {
            ids.add(eq.getComparisonValue().textValue());
        } else {
            throw fault(BadRequestException.invalidFilter("members are selected with value eq \"<id>\" "
                    + "(or several joined by or), not " + filter));
        }
    }
}
