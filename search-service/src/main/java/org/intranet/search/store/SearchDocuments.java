package org.intranet.search.store;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.search.domain.SearchUnavailableException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link Bulk}: one {@code _bulk} request, then its deletes and renames by query. No
 * {@code refresh=wait_for}: a document becomes searchable within the index's refresh interval (250 ms), which keeps
 * indexing throughput up.
 */
@ApplicationScoped
public class SearchDocuments {
    /**
     * Replaces fields unless the document already holds this sequence or a later one; never touches a tombstone.
     * One source for every merge, so the engine compiles it once.
     */
    static final String MERGE = """
            if (ctx._source.type == 'deleted' || (ctx._source.seq != null && ctx._source.seq >= params.seq)) {
              ctx.op = 'none';
            } else {
              ctx._source.putAll(params.fields);
              ctx._source.seq = params.seq;
              ctx._source.indexedAt = params.at;
            }""";

    /**
     * Adds, replaces or removes (leaving a text-less tombstone entry) one comment of a post, unless the post holds
     * this comment at this sequence or a later one. A post not indexed, or deleted, is left alone.
     */
    static final String COMMENT = """
            if (ctx._source.type != 'post') {
              ctx.op = 'none';
            } else {
              if (ctx._source.comments == null) {
                ctx._source.comments = new ArrayList();
              }
              def comments = ctx._source.comments;
              int at = -1;
              for (int i = 0; i < comments.size(); i++) {
                if (comments[i].id == params.entry.id) {
                  at = i;
                  break;
                }
              }
              if (at >= 0 && comments[at].seq >= params.seq) {
                ctx.op = 'none';
              } else if (at >= 0) {
                comments[at] = params.entry;
              } else {
                comments.add(params.entry);
              }
            }""";

    /** An erased person's comments on others' posts become tombstone entries. */
    static final String ERASE_COMMENTS = """
            for (def c : ctx._source.comments) {
              if (c.authorId == params.author) {
                c.remove('text');
                c.remove('authorName');
                c.remove('authorId');
                c.deleted = true;
              }
            }""";

    private final OpenSearch openSearch;

    SearchDocuments(OpenSearch openSearch) {
        this.openSearch = openSearch;
    }

    /** A write the engine refused for what it holds (a field it cannot map): the event is poison for search. */
    public record Refused<T>(T source, String reason) {
    }

    /**
     * @return the writes the engine refused for good. A stale write (an older version, a merge of an older event,
     *         an edit of a document not indexed) is not a refusal: it changes nothing, as it should
     * @throws SearchUnavailableException the engine is away, overloaded, or failed a write it may accept later
     */
    public <T> List<Refused<T>> write(Bulk<T> bulk, Map<SearchIndex, String> into) {
        List<Refused<T>> refused = new ArrayList<>();
        if (!bulk.ops().isEmpty()) {
            refused.addAll(send(bulk.ops(), into));
        }
        if (!bulk.after().isEmpty()) {
            String posts = target(SearchIndex.POSTS, into);
            // deletes and updates by query see what is searchable: make this bulk's documents so first
            openSearch.send("POST", "/" + posts + "/_refresh", null);
            for (Bulk.After after : bulk.after()) {
                switch (after) {
                    case Bulk.Erase e -> erase(e.employeeId(), target(SearchIndex.PEOPLE, into), posts);
                    case Bulk.Authors a -> authors(a.byId(), posts);
                }
            }
        }
        return refused;
    }

    /** The alias, or the concrete index a rebuild writes instead. */
    private static String target(SearchIndex index, Map<SearchIndex, String> into) {
        return into.getOrDefault(index, index.alias());
    }

    private <T> List<Refused<T>> send(List<Bulk.Op<T>> ops, Map<SearchIndex, String> into) {
        List<JsonNode> lines = new ArrayList<>(ops.size() * 2);
        String now = Instant.now().toString();
        for (Bulk.Op<T> op : ops) {
            ObjectNode action = openSearch.json().createObjectNode();
            if (op.kind() == Bulk.Kind.PUT) {
                action.putObject("index").put("_index", target(op.index(), into)).put("_id", op.id())
                        .put("version", op.version()).put("version_type", "external_gte");
                lines.add(action);
                lines.add(op.fields());
                continue;
            }
            action.putObject("update").put("_index", target(op.index(), into)).put("_id", op.id())
                    .put("retry_on_conflict", 3);
            ObjectNode body = openSearch.json().createObjectNode();
            ObjectNode script = body.putObject("script").put("lang", "painless")
                    .put("source", op.kind() == Bulk.Kind.MERGE ? MERGE : COMMENT);
            ObjectNode params = script.putObject("params").put("seq", op.version()).put("at", now);
            params.set(op.kind() == Bulk.Kind.MERGE ? "fields" : "entry", op.fields());
            lines.add(action);
            lines.add(body);
        }
        JsonNode reply = openSearch.sendLines("POST", "/_bulk", lines).body();
        List<Refused<T>> refused = new ArrayList<>();
        if (!reply.path("errors").asBoolean()) {
            return refused;
        }
        JsonNode items = reply.path("items");
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i).elements().next();
            int status = item.path("status").asInt();
            String type = item.path("error").path("type").asText("");
            if (status < 300 || status == 409 || "document_missing_exception".equals(type)) {
                continue;   // written, stale, or an edit of something not indexed (never published, or erased)
            }
            if (status == 429 || status >= 500 || "index_not_found_exception".equals(type)) {
                throw new SearchUnavailableException("bulk write of " + op(ops, i) + " failed with " + status + " "
                        + type + ": " + item.path("error").path("reason").asText());
            }
            refused.add(new Refused<>(ops.get(i).source(), status + " " + type + ": "
                    + item.path("error").path("reason").asText()));
        }
        return refused;
    }

    /** Erasure: the person's document, every post they wrote, and the text of their comments on others' posts. */
    private void erase(String employeeId, String people, String posts) {
        openSearch.send("DELETE", "/" + people + "/_doc/"
                + URLEncoder.encode(employeeId, StandardCharsets.UTF_8).replace("+", "%20"), null, 404);
        deleteByQuery(posts, term("authorId", employeeId), "the posts of " + employeeId);
        ObjectNode body = openSearch.json().createObjectNode();
        body.set("query", term("comments.authorId", employeeId));
        ObjectNode script = body.putObject("script").put("lang", "painless").put("source", ERASE_COMMENTS);
        script.putObject("params").put("author", employeeId);
        JsonNode done = openSearch.send("POST", "/" + posts + "/_update_by_query", body,
                Map.of("conflicts", "proceed", "refresh", "true")).body();
        if (done.path("version_conflicts").asLong() > 0) {
            throw new SearchUnavailableException("erasing the comments of " + employeeId + " met "
                    + done.path("version_conflicts").asLong() + " version conflicts; retrying");
        }
    }

    private void deleteByQuery(String index, JsonNode query, String what) {
        ObjectNode body = openSearch.json().createObjectNode();
        body.set("query", query);
        JsonNode done = openSearch.send("POST", "/" + index + "/_delete_by_query", body,
                Map.of("conflicts", "proceed", "refresh", "true")).body();
        if (done.path("version_conflicts").asLong() > 0) {
            // a document changed meanwhile and was skipped: fail, so the batch is written again
            throw new SearchUnavailableException("deleting " + what + " met " + done.path("version_conflicts")
                    .asLong() + " version conflicts; retrying");
        }
    }

    /**
     * Puts authors' current name, department and location on their posts, in one request for the batch (they serve
     * matching by name and the department and location filters; hits take names from the read-copy). Sees what is
     * refreshed; a post indexed in the last second keeps what it was indexed with until its author changes again.
     */
    private void authors(Map<String, Bulk.Author> authors, String posts) {
        ObjectNode body = openSearch.json().createObjectNode();
        var ids = body.putObject("query").putObject("terms").putArray("authorId");
        authors.keySet().forEach(ids::add);
        ObjectNode script = body.putObject("script");
        script.put("lang", "painless");
        script.put("source", """
                def a = params.authors[ctx._source.authorId];
                if (a == null) {
                  ctx.op = 'noop';
                } else {
                  ctx._source.authorName = a.name;
                  ctx._source.authorDepartment = a.department;
                  ctx._source.authorLocation = a.location;
                }""");
        script.putObject("params").set("authors", openSearch.tree(authors));
        openSearch.send("POST", "/" + posts + "/_update_by_query", body, Map.of("conflicts", "proceed"));
    }

    private ObjectNode term(String field, String value) {
        ObjectNode term = openSearch.json().createObjectNode();
        term.putObject("term").put(field, value);
        return term;
    }

    private static String op(List<? extends Bulk.Op<?>> ops, int i) {
        Bulk.Op<?> op = ops.get(i);
        return op.index().alias() + "/" + op.id();
    }
}
