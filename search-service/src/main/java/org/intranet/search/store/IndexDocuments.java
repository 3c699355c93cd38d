package org.intranet.search.store;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.contracts.AnnouncementPublished;
import org.intranet.contracts.CommentChanged;
import org.intranet.contracts.GroupChanged;
import org.intranet.contracts.PostChanged;
import org.intranet.contracts.PostPublished;
import org.intranet.kit.readcopy.EmployeeCopy;
import org.intranet.kit.text.PlainText;
import org.intranet.kit.visibility.Audience;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The shapes of the indexed documents, from the events' payloads ({@code src/main/resources/search/*.json} maps
 * them). A post's comments are in its document ({@link Bulk#comment}). Every post document carries the {@code seq}
 * (the event's sequence) that {@link Bulk#merge} compares, and a deleted one stays as a {@code deleted} tombstone
 * with its sequence, so no older event brings it back.
 */
@ApplicationScoped
public class IndexDocuments {
    public static final String POST = "post";
    public static final String DELETED = "deleted";

    private final ObjectMapper json;

    IndexDocuments(ObjectMapper json) {
        this.json = json;
    }

    /** @param author the read-copy's author, or null when their profile has not arrived yet */
    public ObjectNode post(PostPublished p, EmployeeCopy author, long seq) {
        ObjectNode doc = base(POST, p.postId()).put("seq", seq);
        doc.put("authorId", p.authorId()).put("authorName", author == null ? null : author.name())
                .put("authorDepartment", author == null ? null : author.department())
                .put("authorLocation", author == null ? null : author.location())
                .put("kind", p.kind()).put("createdAt", instant(p.createdAt()));
        text(doc, p.body());
        doc.put("groupId", p.groupId());
        strings(doc, "audience", p.audience());
        strings(doc, "mentions", p.mentions());
        strings(doc, "hashtags", tags(p.hashtags()));
        strings(doc, "recipients", p.recipients());
        doc.put("value", p.value());
        return doc;
    }

    /** What an edit replaces: the text and what is derived from it. */
    public ObjectNode edit(PostChanged p) {
        ObjectNode fields = json.createObjectNode();
        text(fields, p.body());
        fields.put("kind", p.kind()).put("groupId", p.groupId()).put("editedAt", instant(p.editedAt()));
        strings(fields, "audience", p.audience());
        strings(fields, "mentions", p.mentions());
        strings(fields, "hashtags", tags(p.hashtags()));
        return fields;
    }

    /** What only an announcement has: must-read, pinning and expiry (an expired one leaves search). */
    public ObjectNode announcement(AnnouncementPublished a) {
        ObjectNode fields = json.createObjectNode();
        fields.put("mustRead", a.mustRead()).put("pinnedUntil", instant(a.pinnedUntil()))
                .put("expiresAt", instant(a.expiresAt()));
        strings(fields, "audience", a.audience());
        return fields;
    }

    /** A comment as its post's {@code comments} holds it: its text, who wrote it, its own sequence. */
    public ObjectNode comment(CommentChanged c, EmployeeCopy author, long seq) {
        ObjectNode entry = json.createObjectNode();
        entry.put("id", c.commentId()).put("seq", seq).put("authorId", c.authorId()).put("authorName", author == null ? null : author.name())
                .put("text", PlainText.of(c.body())).put("at", instant(c.at()));
        return entry;
    }

    /** A deleted comment's entry: no text, so nothing of it is found, and its sequence, so nothing older returns. */
    public ObjectNode deletedComment(CommentChanged c, long seq) {
        ObjectNode entry = json.createObjectNode();
        entry.put("id", c.commentId()).put("seq", seq).put("deleted", true);
        return entry;
    }

    public ObjectNode tombstone(String id, long seq) {
        return base(DELETED, id).put("seq", seq);
    }

    public ObjectNode person(EmployeeCopy copy, Instant updatedAt) {
        ObjectNode doc = base("person", copy.id());
        doc.put("username", copy.username()).put("displayName", copy.displayName()).put("title", copy.title())
                .put("department", copy.department()).put("location", copy.location()).put("status", copy.status())
                .put("updatedAt", instant(updatedAt));
        strings(doc, "skills", copy.skills());
        return doc;
    }

    /** A group, seen by whoever may see its posts: everyone for a public group, its members for a private one. */
    public ObjectNode group(GroupChanged g) {
        ObjectNode doc = base("group", g.groupId());
        boolean open = !"PRIVATE".equalsIgnoreCase(g.visibility());
        doc.put("name", g.name()).put("description", g.description())
                .put("visibility", open ? "PUBLIC" : "PRIVATE").put("memberCount", g.memberCount());
        strings(doc, "audience", List.of(open ? Audience.EVERYONE : Audience.group(g.groupId())));
        return doc;
    }

    private ObjectNode base(String type, String id) {
        ObjectNode doc = json.createObjectNode();
        doc.put("type", type).put("id", id).put("indexedAt", Instant.now().toString());
        return doc;
    }

    /** The sanitized HTML is analysed as HTML; its plain text is what hits show and highlight. */
    private static void text(ObjectNode doc, String html) {
        doc.put("body", html).put("text", PlainText.of(html));
    }

    private static void strings(ObjectNode doc, String field, List<String> values) {
        ArrayNode array = doc.putArray(field);
        if (values != null) {
            values.forEach(array::add);
        }
    }

    private static List<String> tags(List<String> hashtags) {
        return hashtags == null ? List.of() : hashtags.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
    }

    private static String instant(Instant at) {
        return at == null ? null : at.toString();
    }
}
