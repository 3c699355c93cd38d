package org.intranet.kit.api;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the errors every API operation can answer, as the kit's {@link ProblemMapper} produces them: an RFC
 * 7807 {@code application/problem+json} body ({@code Problem}) for 400 (when it takes input), 401, 403, 404 (when
 * it names a resource), 409 (when it changes something), 500 and 503 (with {@code Retry-After}). Written once here,
 * so a client generator sees the same error model on every operation of every service. Under {@code /scim/} the
 * same statuses are SCIM error bodies (RFC 7644 §3.12, {@code application/scim+json}, {@code ScimError}), which is
 * what SCIM clients parse; profile-service rewrites its problems there.
 */
public class ProblemResponses implements OASFilter {
    private static final String SCHEMA = "Problem";
    private static final String SCIM_SCHEMA = "ScimError";

    /** The error body of a family of paths: its media type and schema. */
    private record ErrorBody(String mediaType, String schema) {
        String ref() {
            return "#/components/schemas/" + schema;
        }
    }

    private static final ErrorBody PROBLEM = new ErrorBody(Problem.MEDIA_TYPE, SCHEMA);
    private static final ErrorBody SCIM = new ErrorBody("application/scim+json", SCIM_SCHEMA);

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addSchema(SCHEMA, problemSchema());
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().forEach((method, operation) -> document(path, method, operation, PROBLEM));
            } else if (path.startsWith("/scim/")) {
                components.addSchema(SCIM_SCHEMA, scimErrorSchema());
                item.getOperations().forEach((method, operation) -> document(path, method, operation, SCIM));
            }
        });
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation, ErrorBody body) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        boolean changes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        if (takesInput) {
            problem(responses, body, "400", "The request is invalid; `detail` says what to fix");
        }
        problem(responses, body, "401", "No bearer token, or one that is expired, forged or not issued for this API");
        problem(responses, body, "403", "The token lacks a role this operation needs, or a rule forbids it");
        if (path.contains("{")) {
            problem(responses, body, "404", "No such resource, or one the caller may not see");
        }
        if (changes) {
            problem(responses, body, "409", "Someone else changed the same thing at the same time; reload and retry");
        }
        if (changes && body == SCIM) {
            problem(responses, body, "412", "If-Match names a version the resource no longer has; read it again");
        }
        problem(responses, body, "500", "An unexpected failure; `detail` quotes an incident id for the logs");
        APIResponse unavailable = problem(responses, body, "503",
                "A dependency (database, search, identity provider) is not answering; retry after `Retry-After`");
        unavailable.addHeader("Retry-After", OASFactory.createHeader().description("Seconds to wait before retrying")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
    }

    private static APIResponse problem(APIResponses responses, ErrorBody body, String status, String description) {
        APIResponse response = OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(body.mediaType(),
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(body.ref()))));
        responses.addAPIResponse(status, response);
        return response;
    }

    private static Schema scimErrorSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("A SCIM error (RFC 7644 §3.12)")
                .addRequired("schemas").addRequired("status")
                .addProperty("schemas", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(text))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("The HTTP status, as a string"))
                .addProperty("scimType", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("invalidFilter, invalidSyntax, invalidPath, invalidValue, uniqueness, "
                                + "mutability, noTarget, tooMany"))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("What to fix, in words a person can act on"));
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema violation = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .properties(Map.of("field", text, "message", text));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An RFC 7807 problem: what went wrong and what to do about it")
                .addRequired("type").addRequired("title").addRequired("status")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("A URI reference naming the kind of problem, e.g. /problems/validation"))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("What to fix, in words a person can act on"))
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(violation));
    }
}
