package org.intranet.profile.domain;

import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.utils.JsonUtils;

/**
 * A profile as a SCIM User (RFC 7643 §4.1, with the enterprise extension of §4.3), and a SCIM User back as a profile
 * change. The provisioner owns the person's identity and organisation (userName, names, email, title, department,
 * manager, employee number, location, active); bio, skills, pronouns and the rest are the employee's and never
 * appear here.
 */
public final class ScimUserDocument {
    public static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    public static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    /** The attributes a document maps, by their SCIM name; see {@link #read}. */
    enum Attribute { USER_NAME, EXTERNAL_ID, DISPLAY_NAME, GIVEN_NAME, FAMILY_NAME, TITLE, EMAIL, PHONE, LOCATION,
        TIME_ZONE, EMPLOYEE_NUMBER, DEPARTMENT, MANAGER }

    /**
     * What a PUT leaves alone when it omits them: the fields an employee may keep up themselves (RFC 7644 §3.5.1
     * lets a provider treat an omitted attribute as not asserted). A provisioner that does not map a phone number
     * must not wipe the one the employee typed; department or manager omitted do mean "none".
     */
    static final Set<Attribute> EMPLOYEE_KEPT = Set.of(Attribute.TITLE, Attribute.PHONE, Attribute.TIME_ZONE);

    private static final JsonNodeFactory JSON = JsonUtils.getJsonNodeFactory();

    private ScimUserDocument() {
    }

    /** A profile as the provisioner sees it, without {@code meta} (the API adds it with its location). */
    public static ObjectNode render(Employee e) {
        ObjectNode user = JSON.objectNode();
        ArrayNode schemas = user.putArray("schemas").add(USER);
        user.put("id", e.id);
        if (e.externalId != null) {
            user.put("externalId", e.externalId);
        }
        user.put("userName", e.username);
        ObjectNode name = user.putObject("name");
        name.put("formatted", e.displayName);
        putIfSet(name, "givenName", e.givenName);
        putIfSet(name, "familyName", e.familyName);
        user.put("displayName", e.displayName);
        putIfSet(user, "title", e.title);
        if (e.email != null) {
            user.putArray("emails").addObject().put("value", e.email).put("type", "work").put("primary", true);
        }
        if (e.phone != null) {
            user.putArray("phoneNumbers").addObject().put("value", e.phone).put("type", "work").put("primary", true);
        }
        if (e.location != null) {
            user.putArray("addresses").addObject().put("type", "work").put("locality", e.location)
                    .put("primary", true);
        }
        putIfSet(user, "timezone", e.timeZone);
        if (e.avatarUrl != null) {
            user.putArray("photos").addObject().put("value", e.avatarUrl).put("type", "photo");
        }
        user.put("active", e.status == Employee.Status.ACTIVE);
        if (e.employeeNumber != null || e.department != null || e.managerId != null) {
            schemas.add(ENTERPRISE);
            ObjectNode enterprise = user.putObject(ENTERPRISE);
            putIfSet(enterprise, "employeeNumber", e.employeeNumber);
            putIfSet(enterprise, "department", e.department);
            if (e.managerId != null) {
                enterprise.putObject("manager").put("value", e.managerId);
            }
        }
        return user;
    }

    /** A User read back: the handle and the provisioner's id it asserts, and the change to the profile. */
    public record Read(String userName, String externalId, ProfileChange change) {
    }

    /**
     * Reads a whole User (a POST, a PUT, or the result of a PATCH). An attribute the document has sets the field; an
     * attribute it omits is cleared when it is in {@code clearWhenAbsent} and left alone otherwise. {@code active}
     * may be a boolean or the text {@code "True"}/{@code "False"} (Entra ID sends both); omitted, the status stays.
     */
    public static Read read(JsonNode user, Set<Attribute> clearWhenAbsent) throws BadRequestException {
        if (!(user instanceof ObjectNode)) {
            throw BadRequestException.invalidSyntax("a User must be a JSON object");
        }
        String userName = text(user, "userName");
        if (userName == null || userName.isBlank()) {
            throw BadRequestException.invalidValue("userName is required");
        }
        JsonNode name = user.path("name");
        JsonNode enterprise = ScimNodes.field(user, ENTERPRISE);
        String displayName = text(user, "displayName");
        if (displayName == null || displayName.isBlank()) {
            displayName = text(name, "formatted");
        }
        if (displayName == null || displayName.isBlank()) {
            String given = text(name, "givenName");
            String family = text(name, "familyName");
            String both = ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
            displayName = both.isEmpty() ? userName : both;
        }
        Fields f = new Fields(clearWhenAbsent);
        ProfileChange change = new ProfileChange(clip(displayName, 200),
                f.text(Attribute.GIVEN_NAME, text(name, "givenName")),
                f.text(Attribute.FAMILY_NAME, text(name, "familyName")),
                f.text(Attribute.EMAIL, multiValued(user, "emails", "value", true)),
                f.text(Attribute.TITLE, text(user, "title")),
                f.text(Attribute.DEPARTMENT, text(enterprise, "department")),
                f.text(Attribute.LOCATION, multiValued(user, "addresses", "locality", false)),
                f.text(Attribute.MANAGER, manager(enterprise)),
                f.text(Attribute.TIME_ZONE, text(user, "timezone")),
                f.text(Attribute.PHONE, multiValued(user, "phoneNumbers", "value", false)),
                null, null, null, null, null, null,
                f.text(Attribute.EMPLOYEE_NUMBER, text(enterprise, "employeeNumber")),
                status(user), null);
        return new Read(userName.strip(), text(user, "externalId"), change);
    }

    /** Values as a {@link ProfileChange} takes them: null leaves a field, "" clears it. */
    private record Fields(Set<Attribute> clearWhenAbsent) {
        String text(Attribute attribute, String value) {
            if (value != null) {
                return value;
            }
            return clearWhenAbsent.contains(attribute) ? "" : null;
        }
    }

    private static Employee.Status status(JsonNode user) throws BadRequestException {
        JsonNode active = ScimNodes.field(user, "active");
        if (active == null || active.isNull()) {
            return null;
        }
        if (active.isBoolean()) {
            return active.booleanValue() ? Employee.Status.ACTIVE : Employee.Status.LEFT;
        }
        String text = active.isTextual() ? active.textValue().strip().toLowerCase(Locale.ROOT) : "";
        return switch (text) {
            case "true" -> Employee.Status.ACTIVE;
            case "false" -> Employee.Status.LEFT;
            default -> throw BadRequestException.invalidValue("active must be true or false, not " + active);
        };
    }

    /** The manager's id: the RFC's {@code {"value": id}}, or the bare id some clients send (Entra ID). */
    private static String manager(JsonNode enterprise) throws BadRequestException {
        JsonNode manager = ScimNodes.field(enterprise, "manager");
        if (manager == null || manager.isNull()) {
            return null;
        }
        if (manager.isTextual()) {
            return manager.textValue();
        }
        if (manager.isObject()) {
            return text(manager, "value");
        }
        throw BadRequestException.invalidValue("manager must be {\"value\": \"<id>\"} or an id");
    }

    /**
     * Of a multi-valued attribute: the primary value, else the work one, else (when {@code anyType}) the first. A
     * profile has one phone and one office: a mobile or fax number, a home address, is not it.
     */
    private static String multiValued(JsonNode user, String attribute, String sub, boolean anyType)
            throws BadRequestException {
        JsonNode values = ScimNodes.field(user, attribute);
        if (values == null || values.isNull()) {
            return null;
        }
        if (!values.isArray()) {
            throw BadRequestException.invalidValue(attribute + " must be a list");
        }
        JsonNode work = null;
        for (JsonNode value : values) {
            JsonNode primary = ScimNodes.field(value, "primary");
            if (primary != null && (primary.asBoolean(false) || "true".equalsIgnoreCase(primary.asText()))) {
                return text(value, sub);
            }
            JsonNode type = ScimNodes.field(value, "type");
            if (work == null && type != null && "work".equalsIgnoreCase(type.asText())) {
                work = value;
            }
        }
        if (work == null && anyType && !values.isEmpty()) {
            work = values.get(0);
        }
        return work == null ? null : text(work, sub);
    }

    private static String text(JsonNode node, String attribute) throws BadRequestException {
        JsonNode value = ScimNodes.field(node, attribute);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw BadRequestException.invalidValue(attribute + " must be a single value");
        }
        return value.asText();
    }

    private static void putIfSet(ObjectNode node, String attribute, String value) {
        if (value != null) {
            node.put(attribute, value);
        }
    }

    private static String clip(String value, int max) {
        String s = value.strip();
        return s.length() <= max ? s : s.substring(0, max);
    }
}
