package org.intranet.feed.store;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.feed.domain.Link;
import org.intranet.feed.domain.Revision;
import org.intranet.kit.store.Sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Every text a post has had (post_revisions) and the tags it carries now (post_tags). */
@ApplicationScoped
public class RevisionStore {
    private static final TypeReference<List<Link>> LINKS = new TypeReference<>() {
    };
    private final Sql sql;
    private final ObjectMapper json;

    RevisionStore(Sql sql, ObjectMapper json) {
        this.sql = sql;
        this.json = json;
    }

    public void add(UUID postId, Revision revision) {
        sql.update("""
                INSERT INTO post_revisions (post_id, revision, body, links, written_by, written_at)
                VALUES (?, ?, ?, CAST(? AS jsonb), ?, ?)""",
                postId, revision.revision(), revision.body(), write(revision.links()), revision.writtenBy(),
                revision.writtenAt());
    }

    /** Newest first (the first one is the current text), below revision {@code before}, limit + 1 of them. */
    public List<Revision> of(UUID postId, int before, int limit) {
        return sql.list("""
                SELECT revision, body, links::text, written_by, written_at FROM post_revisions
                WHERE post_id = ? AND revision < ? ORDER BY revision DESC LIMIT ?""",
                rs -> new Revision(rs.getInt(1), rs.getString(2), read(rs.getString(3)), rs.getString(4),
                        Sql.instant(rs, 5)), postId, before, limit + 1);
    }

    /** Replaces the post's tags (a topic feed walks post_tags). */
    public void tag(UUID postId, java.time.Instant createdAt, List<String> tags) {
        sql.update("DELETE FROM post_tags WHERE post_id = ?", postId);
        if (!tags.isEmpty()) {
            sql.update("""
                    INSERT INTO post_tags (tag, created_at, post_id)
                    SELECT t, ?, ? FROM unnest(?) AS t ON CONFLICT DO NOTHING""", createdAt, postId, tags);
        }
    }

    private String write(List<Link> links) {
        try {
            return json.writeValueAsString(links);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Link> read(String text) {
        try {
            return json.readValue(text, LINKS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("post_revisions.links is not a list of links", e);
        }
    }
}
