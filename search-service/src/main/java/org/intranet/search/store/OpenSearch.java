package org.intranet.search.store;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.http.HttpEntity;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.intranet.search.domain.SearchUnavailableException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The one place that talks HTTP to OpenSearch, through the low-level REST client (plain JSON, no compatibility
 * headers, so OpenSearch accepts it). Every failure becomes a {@link SearchUnavailableException} whose message
 * carries the engine's error type for the log; callers name the statuses they handle themselves.
 */
@ApplicationScoped
public class OpenSearch {
    private static final ContentType NDJSON = ContentType.create("application/x-ndjson", "UTF-8");

    private final RestClient client;
    private final ObjectMapper json;

    OpenSearch(RestClient client, ObjectMapper json) {
        this.client = client;
        this.json = json;
    }

    /** An answer: its HTTP status and JSON body (a missing node when the body is empty). */
    public record Reply(int status, JsonNode body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    public ObjectMapper json() {
        return json;
    }

    /** A request body built as maps and lists (the query DSL), as a JSON tree. */
    public JsonNode tree(Object value) {
        return json.valueToTree(value);
    }

    /** Sends a request; a status outside 2xx and {@code tolerated} is a failure. */
    public Reply send(String method, String path, JsonNode body, Map<String, String> params, int... tolerated) {
        Request request = new Request(method, path);
        params.forEach(request::addParameter);
        if (body != null) {
            request.setEntity(new StringEntity(write(body), ContentType.APPLICATION_JSON));
        }
        return perform(request, tolerated);
    }

    public Reply send(String method, String path, JsonNode body, int... tolerated) {
        return send(method, path, body, Map.of(), tolerated);
    }

    /** Sends newline-delimited JSON ({@code _msearch}, {@code _bulk}). */
    public Reply sendLines(String method, String path, Iterable<? extends JsonNode> lines) {
        StringBuilder ndjson = new StringBuilder();
        for (JsonNode line : lines) {
            ndjson.append(write(line)).append('\n');
        }
        Request request = new Request(method, path);
        request.setEntity(new StringEntity(ndjson.toString(), NDJSON));
        return perform(request);
    }

    private Reply perform(Request request, int... tolerated) {
        if (tolerated.length > 0) {
            // consumed by the low-level client: these statuses come back as answers instead of exceptions
            request.addParameter("ignore", Arrays.stream(tolerated).mapToObj(String::valueOf)
                    .collect(Collectors.joining(",")));
        }
        try {
            Response response = client.performRequest(request);
            return new Reply(response.getStatusLine().getStatusCode(), read(response.getEntity()));
        } catch (ResponseException e) {
            Response response = e.getResponse();
            int status = response.getStatusLine().getStatusCode();
            JsonNode error = readQuietly(response.getEntity());
            throw new SearchUnavailableException("OpenSearch answered " + status + " to " + request.getMethod() + " "
                    + request.getEndpoint() + ": " + error.path("error").path("type").asText("?") + " "
                    + error.path("error").path("reason").asText(""), e);
        } catch (IOException e) {
            throw new SearchUnavailableException("OpenSearch did not answer " + request.getMethod() + " "
                    + request.getEndpoint() + ": " + e, e);
        }
    }

    private String write(JsonNode body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialize an OpenSearch request", e);
        }
    }

    private JsonNode read(HttpEntity entity) throws IOException {
        if (entity == null) {
            return MissingNode.getInstance();
        }
        try (InputStream in = entity.getContent()) {
            JsonNode node = json.readTree(in);
            return node == null ? MissingNode.getInstance() : node;
        }
    }

    private JsonNode readQuietly(HttpEntity entity) {
        try {
            return read(entity);
        } catch (IOException | RuntimeException e) {
            return MissingNode.getInstance();
        }
    }
}
