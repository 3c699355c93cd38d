package org.intranet.feed.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.intranet.contracts.PostChanged;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "posts")
public class Post {
    public enum Kind { UPDATE, RECOGNITION, ANNOUNCEMENT }

    @Id
    public UUID id;
    @Column(name = "author_id")
    public String authorId;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    /** Sanitized HTML, safe for a web client to render. */
    public String body;
    @Column(name = "group_id")
    public String groupId;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> audience = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> mentions = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> hashtags = new ArrayList<>();
    @Column(name = "comment_count")
    public int commentCount;
    @Column(name = "reaction_count")
    public int reactionCount;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "deleted_at")
    public Instant deletedAt;
    @Column(name = "deleted_by")
    public String deletedBy;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Link> links = new ArrayList<>();
    /** Reactions per type, kept as a counter by ReactionService (never counted per read). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "reaction_counts")
    public Map<String, Integer> reactionCounts = new HashMap<>();
    /** 1 as published, +1 per edit; post_revisions holds every one. */
    public int revision = 1;
    @Column(name = "edited_at")
    public Instant editedAt;
    /** Merged into home feeds at read time rather than fanned out (see FanOut). */
    public boolean broadcast;
    /** A recognition's recipients (null for other kinds). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> recipients;
    /** A recognition's company value. */
    @Column(name = "recognition_value")
    public String recognitionValue;
    /** A recognition's badge, or null. */
    public String badge;
    /** An announcement everyone in its audience is asked to acknowledge. */
    @Column(name = "must_read")
    public boolean mustRead;
    /** An announcement shown first in the home and company feeds until then. */
    @Column(name = "pinned_until")
    public Instant pinnedUntil;
    /** An announcement leaves the feeds and the active list then (it stays readable by link). */
    @Column(name = "expires_at")
    public Instant expiresAt;
    /** Set while an announcement is scheduled: it is HR's alone until then. */
    @Column(name = "publish_at")
    public Instant publishAt;
    /** A scheduled announcement's audience, applied when it is published. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "target_audience")
    public List<String> targetAudience;

    public boolean scheduled() {
        return publishAt != null;
    }

    public boolean deleted() {
        return deletedAt != null;
    }

    public List<PostChanged.Link> contractLinks() {
        return links.stream().map(l -> new PostChanged.Link(l.url(), l.title())).toList();
    }
}
