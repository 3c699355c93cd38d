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
 * them). The {@code posts} index holds posts and comments: a comment carries its post's id and audience, so it is
 * found, filtered and counted like the post. Every post and comment document carries the {@code seq} (the event's
 * sequence) that {@link Bulk#merge} compares, and a deleted one stays as a {@code deleted} tombstone with its
 * sequence, so no older event brings it back.
 */
@ApplicationScoped
public class IndexDocuments {
    public static final String POST = "post";
    public static final String COMMENT = "comment";
    public static final String DELETED = "deleted";

    private final ObjectMapper json;

    IndexDocuments(ObjectMapper json) {
        this.json = json;
    }

    public ObjectNode post(PostPublished p, String authorName, long seq) {
        ObjectNode doc = base(POST, p.postId(), seq);
        doc.put("postId", p.postId()).put("authorId", p.authorId()).put("authorName", authorName)
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

    public ObjectNode comment(CommentChanged c, String authorName, long seq) {
        ObjectNode doc = base(COMMENT, c.commentId(), seq);
        doc.put("postId", c.postId()).put("parentId", c.parentId()).put("authorId", c.authorId())
                .put("authorName", authorName).put("postAuthorId", c.postAuthorId()).put("createdAt", instant(c.at()));
        doc.setAll(commentEdit(c));
        return doc;
    }

    /** What a comment's edit replaces: its text, and its post's audience as the event states it now. */
    public ObjectNode commentEdit(CommentChanged c) {
        ObjectNode fields = json.createObjectNode();
        text(fields, c.body());
        fields.put("groupId", c.groupId());
        strings(fields, "audience", c.audience());
        strings(fields, "mentions", c.mentions());
        return fields;
    }

    public ObjectNode tombstone(String id, long seq) {
        return base(DELETED, id, seq);
    }

    public ObjectNode person(EmployeeCopy copy, Instant updatedAt) {
        ObjectNode doc = base("person", copy.id(), copy.version());
        doc.remove("seq");
        doc.put("username", copy.username()).put("displayName", copy.displayName()).put("title", copy.title())
                .put("department", copy.department()).put("location", copy.location()).put("status", copy.status())
                .put("updatedAt", instant(updatedAt));
        strings(doc, "skills", copy.skills());
        return doc;
    }

    /** A group, seen by whoever may see its posts: everyone for a public group, its members for a private one. */
    public ObjectNode group(GroupChanged g) {
        ObjectNode doc = base("group", g.groupId(), g.version());
        doc.remove("seq");
        boolean open = !"PRIVATE".equalsIgnoreCase(g.visibility());
        doc.put("name", g.name()).put("description", g.description())
                .put("visibility", open ? "PUBLIC" : "PRIVATE").put("memberCount", g.memberCount());
        strings(doc, "audience", List.of(open ? Audience.EVERYONE : Audience.group(g.groupId())));
        return doc;
    }

    private ObjectNode base(String type, String id, long seq) {
        ObjectNode doc = json.createObjectNode();
        doc.put("type", type).put("id", id).put("seq", seq).put("indexedAt", Instant.now().toString());
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
