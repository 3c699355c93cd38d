package org.intranet.search.store;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.search.domain.SearchUnavailableException;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes documents under explicit ids (the post id, the employee id), so applying an event again rewrites the same
 * document instead of adding one. No {@code refresh=wait_for}: a document becomes searchable within the index's
 * refresh interval (1 s), which keeps indexing throughput up.
 */
@ApplicationScoped
public class SearchDocuments {
    private static final Logger LOG = Logger.getLogger(SearchDocuments.class);
    private final OpenSearch openSearch;

    SearchDocuments(OpenSearch openSearch) {
        this.openSearch = openSearch;
    }

    public record PersonDocument(String id, String username, String displayName, String title, String department,
            String location, List<String> skills, String status, Instant updatedAt) {
    }

    public record PostDocument(String id, String authorId, String authorName, String kind, String body, String text,
            String groupId, List<String> audience, List<String> mentions, List<String> hashtags, Instant createdAt) {
    }

    /** The fields of a post that an edit replaces. */
    public record EditedPost(String id, String kind, String body, String text, String groupId, List<String> audience,
            List<String> mentions, List<String> hashtags) {
    }

    /**
     * Indexes a person under the snapshot's version as an external version: OpenSearch itself refuses to replace a
     * newer snapshot with an older one (409, ignored here), and the same version may be written again.
     */
    public void indexPerson(PersonDocument person, long version) {
        ObjectNode doc = openSearch.json().valueToTree(person);
        doc.put("type", "person").put("indexedAt", Instant.now().toString());
        OpenSearch.Reply reply = openSearch.send("PUT", "/" + SearchIndex.PEOPLE.alias() + "/_doc/" + id(person.id()),
                doc, Map.of("version", String.valueOf(version), "version_type", "external_gte"), 409);
        if (reply.status() == 409) {
            LOG.debugf("person %s version %d is older than the indexed one: skipped", person.id(), version);
        }
    }

    public void indexPost(PostDocument post) {
        ObjectNode doc = openSearch.json().valueToTree(post);
        doc.put("type", "post").put("indexedAt", Instant.now().toString());
        openSearch.send("PUT", "/" + SearchIndex.POSTS.alias() + "/_doc/" + id(post.id()), doc);
    }

    /**
     * Replaces what an edit can change (text, kind, group, audience, mentions, hashtags) and keeps the rest (author
     * name, {@code createdAt}). Events of one post arrive in order (keyed by post id), so the last edit wins; a
     * revision that arrives out of order (a replayed dead letter) is not detected here.
     *
     * @return false when the post is not in the index (nothing to change)
     */
    public boolean updatePost(EditedPost post) {
        ObjectNode doc = openSearch.json().valueToTree(post);
        doc.remove("id");
        doc.put("indexedAt", Instant.now().toString());
        ObjectNode body = openSearch.json().createObjectNode();
        body.set("doc", doc);
        // an author rename (_update_by_query) may touch the same document at the same moment: retry, don't fail
        return found(openSearch.send("POST", "/" + SearchIndex.POSTS.alias() + "/_update/" + id(post.id()), body,
                Map.of("retry_on_conflict", "3"), 404));
    }

    /** @return false when the post was not in the index */
    public boolean deletePost(String postId) {
        return found(openSearch.send("DELETE", "/" + SearchIndex.POSTS.alias() + "/_doc/" + id(postId), null, 404));
    }

    /** Erasure: the person's document and every post document they wrote; @return how many posts went */
    public long erase(String employeeId) {
        openSearch.send("DELETE", "/" + SearchIndex.PEOPLE.alias() + "/_doc/" + id(employeeId), null, 404);
        ObjectNode body = openSearch.json().createObjectNode();
        body.putObject("query").putObject("term").put("authorId", employeeId);
        JsonNode done = openSearch.send("POST", "/" + SearchIndex.POSTS.alias() + "/_delete_by_query", body,
                Map.of("conflicts", "proceed", "refresh", "true")).body();
        if (done.path("version_conflicts").asLong() > 0) {
            // a post of theirs changed meanwhile and was skipped: fail, so the consumer erases again
            throw new SearchUnavailableException("erasing the posts of " + employeeId + " met "
                    + done.path("version_conflicts").asLong() + " version conflicts; retrying");
        }
        return done.path("deleted").asLong();
    }

    /** A missing document is an answer; a missing index is a failure (the consumer retries it). */
    private static boolean found(OpenSearch.Reply reply) {
        if (reply.status() == 404 && "index_not_found_exception".equals(
                reply.body().path("error").path("type").asText())) {
            throw new SearchUnavailableException("the posts index does not exist yet");
        }
        return reply.ok();
    }

    /**
     * Puts an author's current name on their posts (posts carry only the author id; the name comes from the
     * employee read-copy). Sees posts refreshed so far; a post indexed in the last second keeps the name it was
     * indexed with until the next change.
     */
    public long renameAuthor(String authorId, String displayName) {
        ObjectNode body = openSearch.json().createObjectNode();
        body.putObject("query").putObject("term").put("authorId", authorId);
        ObjectNode script = body.putObject("script");
        script.put("lang", "painless");
        script.put("source", "ctx._source.authorName = params.name; ctx._source.indexedAt = params.at");
        ObjectNode params = script.putObject("params");
        params.put("name", displayName);
        params.put("at", Instant.now().toString());
        return openSearch.send("POST", "/" + SearchIndex.POSTS.alias() + "/_update_by_query", body,
                Map.of("conflicts", "proceed")).body().path("updated").asLong();
    }

    private static String id(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
