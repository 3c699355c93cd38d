package org.intranet.kit.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The thin prepared-statement helper for read-copies and hot read paths (the persistence rule in
 * {@code docs/conventions.md}: Panache/ORM for aggregates, this for everything that is a query or an upsert).
 * Inside a transaction the pool hands out that transaction's connection, so these statements commit or roll back
 * with the ORM's writes and the outbox row; outside one, each call runs on its own auto-commit connection.
 * <p>
 * Parameters bind by type: {@code String[]} and {@code Collection<String>} as {@code text[]}, {@link Instant} as
 * {@code timestamptz}, anything else (null included) through {@code setObject}.
 */
@ApplicationScoped
public class Sql {
    private final DataSource dataSource;

    /**
     * The bean runs on the default datasource; a store may make its own over a named one (feed-service reads its
     * feeds on a pool whose sessions plan each statement once).
     */
    public Sql(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... params) {
        return run(sql, params, ps -> {
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
            return rows;
        });
    }

    public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... params) {
        return run(sql, params, ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(mapper.map(rs)) : Optional.empty();
            }
        });
    }

    /** @return the number of rows changed */
    public int update(String sql, Object... params) {
        return run(sql, params, PreparedStatement::executeUpdate);
    }

    public static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.copyOf(Arrays.asList((String[]) array.getArray()));
    }

    public static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private interface Statement<T> {
        T run(PreparedStatement ps) throws SQLException;
    }

    private <T> T run(String sql, Object[] params, Statement<T> statement) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                bind(connection, ps, i + 1, params[i]);
            }
            return statement.run(ps);
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    private static void bind(Connection connection, PreparedStatement ps, int index, Object value)
            throws SQLException {
        if (value instanceof String[] texts) {
            ps.setArray(index, connection.createArrayOf("text", texts));
        } else if (value instanceof Collection<?> texts) {
            ps.setArray(index, connection.createArrayOf("text", texts.toArray(String[]::new)));
        } else if (value instanceof Instant instant) {
            ps.setObject(index, instant.atOffset(ZoneOffset.UTC));
        } else {
            ps.setObject(index, value);
        }
    }

    /** A failed statement; the kit's problem mapper turns a lost connection into a 503, anything else into a 500. */
    public static class SqlFailure extends RuntimeException {
        SqlFailure(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
