package org.intranet.feed.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.feed.domain.FeedPage;
import org.intranet.feed.domain.Post;
import org.intranet.feed.domain.Reader;

/**
 * Feed reads are the hot path: plain prepared statements, no ORM, one round trip per page. Every query filters
 * by the reader's principals against the post's stored audience.
 */
@ApplicationScoped
public class FeedQueries {
    private static final String COLUMNS = """
            SELECT p.id, p.author_id, e.display_name, p.kind, p.body, p.group_id, p.mentions, p.hashtags,
                   p.comment_count, p.reaction_count, p.created_at, p.updated_at
            FROM posts p LEFT JOIN employees e ON e.id = p.author_id
            """;
    private final DataSource dataSource;

    FeedQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public FeedPage company(Reader reader, FeedPage.Position after, int limit) {
        String sql = COLUMNS + """
                WHERE p.deleted_at IS NULL AND p.group_id IS NULL
                  AND (p.audience && ? OR p.author_id = ?)
                  AND (p.created_at, p.id) < (?, ?)
                ORDER BY p.created_at DESC, p.id DESC
                LIMIT ?""";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("text", reader.principals().toArray()));
            ps.setString(2, reader.id());
            bindPosition(ps, 3, after);
            ps.setInt(5, limit + 1);
            return page(ps, limit);
        } catch (SQLException e) {
            throw new IllegalStateException("company feed query failed", e);
        }
    }

    private static void bindPosition(PreparedStatement ps, int index, FeedPage.Position after) throws SQLException {
        if (after == null) {
            ps.setTimestamp(index, Timestamp.valueOf("9999-12-31 00:00:00"));
            ps.setObject(index + 1, new UUID(-1L, -1L));
        } else {
            ps.setTimestamp(index, Timestamp.from(after.createdAt()));
            ps.setObject(index + 1, after.id());
        }
    }

    /** Reads limit + 1 rows: the extra one only tells whether a next page exists. */
    private static FeedPage page(PreparedStatement ps, int limit) throws SQLException {
        List<FeedPage.FeedItem> items = new ArrayList<>();
        boolean more = false;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (items.size() == limit) {
                    more = true;
                    break;
                }
                items.add(new FeedPage.FeedItem(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        Post.Kind.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), strings(rs.getArray(7)),
                        strings(rs.getArray(8)), rs.getInt(9), rs.getInt(10), rs.getTimestamp(11).toInstant(),
                        rs.getTimestamp(12).toInstant()));
            }
        }
        FeedPage.FeedItem last = items.isEmpty() ? null : items.get(items.size() - 1);
        return new FeedPage(items, more ? new FeedPage.Position(last.createdAt(), last.id()) : null);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
