package org.intranet.profile.api;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import org.intranet.profile.domain.ScimFault;
import org.intranet.profile.domain.ScimNodes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;

/**
 * {@code attributes} and {@code excludedAttributes} (RFC 7644 §3.4.2.5, §3.9): which attributes of a resource to
 * return. {@code id} and {@code schemas} are always returned. Paths are parsed by the SDK
 * ({@code name.givenName}, {@code urn:…:enterprise:2.0:User:department}).
 */
final class ScimAttributes {
    private final String coreSchema;
    private final List<Path> only;
    private final List<Path> excluded;

    private ScimAttributes(String coreSchema, List<Path> only, List<Path> excluded) {
        this.coreSchema = coreSchema;
        this.only = only;
        this.excluded = excluded;
    }

    static ScimAttributes of(String coreSchema, String attributes, String excludedAttributes) {
        return new ScimAttributes(coreSchema, paths(attributes), paths(excludedAttributes));
    }

    /** Whether this attribute (top-level) will be returned: lets a caller skip loading a group's members. */
    boolean returns(String attribute) {
        if (!only.isEmpty()) {
            return only.stream().anyMatch(p -> key(p).equalsIgnoreCase(attribute));
        }
        return excluded.stream().noneMatch(p -> p.size() == 1 && key(p).equalsIgnoreCase(attribute));
    }

    ObjectNode apply(ObjectNode resource) {
        if (!only.isEmpty()) {
            ObjectNode kept = resource.objectNode();
            copy(resource, kept, "schemas");
            copy(resource, kept, "id");
            for (Path path : only) {
                JsonNode top = ScimNodes.field(resource, key(path));
                if (top == null) {
                    continue;
                }
                int depth = path.getSchemaUrn() != null && !isCore(path) ? 0 : 1;
                if (path.size() > depth && top.isObject()) {
                    ObjectNode into = kept.has(key(path)) && kept.get(key(path)).isObject()
                            ? (ObjectNode) kept.get(key(path)) : kept.putObject(key(path));
                    copy(top, into, path.getElement(depth).getAttribute());
                } else {
                    kept.set(key(path), top);
                }
            }
            return kept;
        }
        for (Path path : excluded) {
            String key = key(path);
            if (key.equalsIgnoreCase("id") || key.equalsIgnoreCase("schemas")) {
                continue;
            }
            int depth = path.getSchemaUrn() != null && !isCore(path) ? 0 : 1;
            JsonNode top = ScimNodes.field(resource, key);
            if (path.size() > depth && top != null && top.isObject()) {
                remove((ObjectNode) top, path.getElement(depth).getAttribute());
            } else {
                remove(resource, key);
            }
        }
        return resource;
    }

    /** The top-level key: the attribute, or the extension's URN for an extension attribute. */
    private String key(Path path) {
        if (path.getSchemaUrn() != null && !isCore(path)) {
            return path.getSchemaUrn();
        }
        return path.getElement(0).getAttribute();
    }

    private boolean isCore(Path path) {
        return path.getSchemaUrn().equalsIgnoreCase(coreSchema);
    }

    private static List<Path> paths(String list) {
        List<Path> paths = new ArrayList<>();
        if (list == null || list.isBlank()) {
            return paths;
        }
        for (String attribute : list.split(",")) {
            if (attribute.isBlank()) {
                continue;
            }
            try {
                Path path = Path.fromString(attribute.strip()).withoutFilters();
                if (path.size() == 0) {
                    throw BadRequestException.invalidPath(attribute.strip() + " names no attribute");
                }
                paths.add(path);
            } catch (BadRequestException e) {
                throw new ScimFault(e);
            }
        }
        return paths;
    }

    private static void copy(JsonNode from, ObjectNode to, String name) {
        for (Iterator<String> names = from.fieldNames(); names.hasNext();) {
            String candidate = names.next();
            if (candidate.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                to.set(candidate, from.get(candidate));
            }
        }
    }

    private static void remove(ObjectNode node, String name) {
        List<String> doomed = new ArrayList<>();
        node.fieldNames().forEachRemaining(n -> {
            if (n.equalsIgnoreCase(name)) {
                doomed.add(n);
            }
        });
        node.remove(doomed);
    }
}
