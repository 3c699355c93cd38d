package org.intranet.notification.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.kit.store.Sql;
import org.intranet.notification.domain.NotificationPreferences;
import org.intranet.notification.domain.NotificationPreferences.Channels;
import org.intranet.notification.domain.NotificationPreferences.Digest;
import org.intranet.notification.domain.NotificationPreferences.QuietHours;
import org.intranet.notification.domain.NotificationType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The {@code preferences} and {@code group_subscriptions} tables. */
@ApplicationScoped
public class PreferenceStore {
    private static final TypeReference<Map<String, Channels>> CHANNELS = new TypeReference<>() {
    };
    private final Sql sql;
    private final ObjectMapper json;

    PreferenceStore(Sql sql, ObjectMapper json) {
        this.sql = sql;
        this.json = json;
    }

    /**
     * What was saved; a type saved by no one yet (added in a later version) is absent from {@code channels}.
     *
     * @param defaultZone the zone of a row that names none
     */
    public Optional<NotificationPreferences> find(String employeeId, ZoneId defaultZone) {
        return sql.one("""
                SELECT channels::text, muted_posts, muted_groups, time_zone, quiet_from, quiet_to, digest,
                       ARRAY(SELECT group_id FROM group_subscriptions WHERE employee_id = p.employee_id
                             ORDER BY group_id)
                FROM preferences p WHERE employee_id = ?""", rs -> row(rs, defaultZone), employeeId);
    }

    /** Replaces everything the employee chose, subscriptions included. */
    public void save(String employeeId, NotificationPreferences p, Instant now) {
        QuietHours quiet = p.quietHours();
        sql.update("""
                INSERT INTO preferences (employee_id, channels, muted_posts, muted_groups, time_zone, quiet_from,
                                         quiet_to, digest, updated_at)
                VALUES (?, CAST(? AS jsonb), ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (employee_id) DO UPDATE SET channels = EXCLUDED.channels,
                    muted_posts = EXCLUDED.muted_posts, muted_groups = EXCLUDED.muted_groups,
                    time_zone = EXCLUDED.time_zone, quiet_from = EXCLUDED.quiet_from, quiet_to = EXCLUDED.quiet_to,
                    digest = EXCLUDED.digest, updated_at = EXCLUDED.updated_at""",
                employeeId, channelsJson(p.channels()), List.copyOf(p.mutedPosts()), List.copyOf(p.mutedGroups()),
                p.timeZone().getId(), quiet == null ? null : quiet.from(), quiet == null ? null : quiet.to(),
                p.digest().name(), now);
        sql.update("DELETE FROM group_subscriptions WHERE employee_id = ? AND NOT (group_id = ANY(?))", employeeId,
                List.copyOf(p.subscribedGroups()));
        sql.update("INSERT INTO group_subscriptions (group_id, employee_id) SELECT g, ? FROM unnest(?) g "
                + "ON CONFLICT DO NOTHING", employeeId, List.copyOf(p.subscribedGroups()));
    }

    /**
     * What decides where one notification goes.
     *
     * @param inApp null when they never chose for this type; {@code email} likewise
     * @param zone  null when they chose none
     */
    public record Choice(Boolean inApp, Boolean email, boolean mutedPost, boolean mutedGroup, String zone,
            LocalTime quietFrom, LocalTime quietTo) {
    }

    public Optional<Choice> choice(String employeeId, NotificationType type, String postId, String groupId) {
        return sql.one("""
                SELECT (channels -> ? ->> 'inApp')::boolean, (channels -> ? ->> 'email')::boolean,
                       ? = ANY(muted_posts), ? = ANY(muted_groups), time_zone, quiet_from, quiet_to
                FROM preferences WHERE employee_id = ?""",
                rs -> new Choice((Boolean) rs.getObject(1), (Boolean) rs.getObject(2), rs.getBoolean(3),
                        rs.getBoolean(4), rs.getString(5), rs.getObject(6, LocalTime.class),
                        rs.getObject(7, LocalTime.class)), type.name(), type.name(), postId, groupId, employeeId);
    }

    /** Who turned on notifications for every new post in the group. */
    public List<String> subscribersOf(String groupId) {
        return sql.list("SELECT employee_id FROM group_subscriptions WHERE group_id = ?", rs -> rs.getString(1),
                groupId);
    }

    /** Erasure: nothing of their choices stays. */
    public void forget(String employeeId) {
        sql.update("DELETE FROM group_subscriptions WHERE employee_id = ?", employeeId);
        sql.update("DELETE FROM preferences WHERE employee_id = ?", employeeId);
    }

    private String channelsJson(Map<NotificationType, Channels> channels) {
        try {
            return json.writeValueAsString(channels);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("channels are not serializable", e);
        }
    }

    private NotificationPreferences row(ResultSet rs, ZoneId defaultZone) throws SQLException {
        Map<NotificationType, Channels> channels = new EnumMap<>(NotificationType.class);
        try {
            json.readValue(rs.getString(1), CHANNELS).forEach((type, c) -> {
                for (NotificationType known : NotificationType.values()) {
                    if (known.name().equals(type)) {
                        channels.put(known, c);
                    }
                }
            });
        } catch (JsonProcessingException e) {
            throw new SQLException("stored channels are not JSON", e);
        }
        String zone = rs.getString(4);
        LocalTime from = rs.getObject(5, LocalTime.class);
        LocalTime to = rs.getObject(6, LocalTime.class);
        return new NotificationPreferences(channels, new LinkedHashSet<>(Sql.strings(rs.getArray(2))),
                new LinkedHashSet<>(Sql.strings(rs.getArray(3))), new LinkedHashSet<>(Sql.strings(rs.getArray(8))),
                from == null || to == null ? null : new QuietHours(from, to),
                zone == null ? defaultZone : ZoneId.of(zone), Digest.valueOf(rs.getString(7)));
    }
}
