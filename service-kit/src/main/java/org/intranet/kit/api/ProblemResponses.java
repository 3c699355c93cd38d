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
 * so a client generator sees the same error model on every operation of every service.
 */
public class ProblemResponses implements OASFilter {
    private static final String SCHEMA = "Problem";
    private static final String REF = "#/components/schemas/" + SCHEMA;

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
            if (path.startsWith("/api/") || path.startsWith("/scim/")) {
                item.getOperations().forEach((method, operation) -> document(path, method, operation));
            }
        });
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        boolean changes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        if (takesInput) {
            problem(responses, "400", "The request is invalid; `detail` says what to fix");
        }
        problem(responses, "401", "No bearer token, or one that is expired, forged or not issued for this API");
        problem(responses, "403", "The token lacks a role this operation needs, or a rule forbids it");
        if (path.contains("{")) {
            problem(responses, "404", "No such resource, or one the caller may not see");
        }
        if (changes) {
            problem(responses, "409", "Someone else changed the same thing at the same time; reload and retry");
        }
        problem(responses, "500", "An unexpected failure; `detail` quotes an incident id for the logs");
        APIResponse unavailable = problem(responses, "503",
                "A dependency (database, search, identity provider) is not answering; retry after `Retry-After`");
        unavailable.addHeader("Retry-After", OASFactory.createHeader().description("Seconds to wait before retrying")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
    }

    private static APIResponse problem(APIResponses responses, String status, String description) {
        APIResponse response = OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF))));
        responses.addAPIResponse(status, response);
        return response;
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
