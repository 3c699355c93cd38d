package org.intranet.feed.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.feed.domain.FeedPage;
import org.intranet.feed.domain.Post;
import org.intranet.kit.paging.Position;
import org.intranet.kit.store.Sql;
import org.intranet.kit.visibility.Principals;

/**
 * Feed reads are the hot path: plain prepared statements through the kit's {@link Sql}, no ORM, one round trip per
 * page. Every query filters by the reader's principals against the post's stored audience.
 */
@ApplicationScoped
public class FeedQueries {
    private static final String COLUMNS = """
            SELECT p.id, p.author_id, e.display_name, p.kind, p.body, p.group_id, p.mentions, p.hashtags,
                   p.comment_count, p.reaction_count, p.created_at, p.updated_at
            FROM posts p LEFT JOIN employees e ON e.id = p.author_id
            """;
    /** 9999-12-31: PostgreSQL's timestamps end there, and no post is newer; with the largest id, "from the top". */
    private static final Position TOP = new Position(Instant.parse("9999-12-31T00:00:00Z"), new UUID(-1L, -1L));
    private final Sql sql;

    FeedQueries(Sql sql) {
        this.sql = sql;
    }

    /** Company-wide posts (not in a group) the reader may see, newest first. */
    public FeedPage company(Principals reader, Position after, int limit) {
        Principals.SqlFilter visible = reader.sqlFilter("p.audience", "p.author_id");
        Position from = after == null ? TOP : after;
        List<Object> params = new ArrayList<>(visible.params());
        params.addAll(List.of(from.createdAt(), from.id(), limit + 1));
        List<FeedPage.FeedItem> rows = sql.list(COLUMNS + """
                WHERE p.deleted_at IS NULL AND p.group_id IS NULL AND %s
                  AND (p.created_at, p.id) < (?, ?)
                ORDER BY p.created_at DESC, p.id DESC
                LIMIT ?""".formatted(visible.sql()), FeedQueries::item, params.toArray());
        return page(rows, limit);
    }

    /** Reads limit + 1 rows: the extra one only tells whether a next page exists. */
    private static FeedPage page(List<FeedPage.FeedItem> rows, int limit) {
        if (rows.size() <= limit) {
            return new FeedPage(rows, null);
        }
        List<FeedPage.FeedItem> items = new ArrayList<>(rows.subList(0, limit));
        FeedPage.FeedItem last = items.get(limit - 1);
        return new FeedPage(items, new Position(last.createdAt(), last.id()));
    }

    private static FeedPage.FeedItem item(ResultSet rs) throws SQLException {
        return new FeedPage.FeedItem(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                Post.Kind.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), Sql.strings(rs.getArray(7)),
                Sql.strings(rs.getArray(8)), rs.getInt(9), rs.getInt(10), Sql.instant(rs, 11), Sql.instant(rs, 12));
    }
}
