package org.intranet.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.intranet.kit.store.Sql;
import org.intranet.notification.store.NotificationStore;
import org.intranet.testsupport.quarkus.KafkaResource;
import org.intranet.testsupport.quarkus.OidcResource;
import org.intranet.testsupport.quarkus.PostgresResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Read notifications older than the retention go, in batches; unread ones and recently read ones stay. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcResource.class, scope = TestResourceScope.GLOBAL)
class NotificationRetentionTest {
    @Inject
    NotificationRetention retention;
    @Inject
    NotificationStore store;
    @Inject
    Sql sql;

    private UUID notification(String recipient, Instant created, Instant read) {
        UUID id = UUID.randomUUID();
        String postId = UUID.randomUUID().toString();
        store.insertOrLock(new Notification(id, recipient, NotificationType.MENTION, "mention:post:" + postId,
                "actor", "Actor", 1, Notification.Subject.post(postId, null, "actor"), "text", List.of("all"), false,
                created, read));
        return id;
    }

    private boolean exists(UUID id) {
        return sql.one("SELECT 1 FROM notifications WHERE id = ?", rs -> 1, id).isPresent();
    }

    @Test
    void readNotificationsOlderThanTheRetentionAreDeletedInBatches() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant longAgo = now.minus(Duration.ofDays(200));
        String who = "retention-" + UUID.randomUUID();
        // more than one batch (1,000) of old read ones
        List<UUID> old = new java.util.ArrayList<>();
        for (int i = 0; i < 1_050; i++) {
            old.add(notification(who, longAgo, longAgo.plusSeconds(i)));
        }
        UUID recentlyRead = notification(who, longAgo, now.minus(Duration.ofDays(10)));
        UUID oldUnread = notification(who, longAgo, null);

        assertThat(retention.prune()).isGreaterThanOrEqualTo(1_050);

        assertThat(old).noneMatch(this::exists);
        assertThat(exists(recentlyRead)).isTrue();
        assertThat(exists(oldUnread)).isTrue();
        assertThat(retention.prune()).isZero();
    }

    @Test
    void deDupRowsOlderThanTheEventHorizonAndEmailsDoneLongAgoAreDeleted() {
        String consumer = "retention-" + UUID.randomUUID();
        Instant now = Instant.now();
        sql.update("INSERT INTO processed_events (consumer, event_id, processed_at) VALUES (?, 'old', ?), "
                + "(?, 'recent', ?)", consumer, now.minus(Duration.ofDays(15)), consumer,
                now.minus(Duration.ofDays(13)));
        String who = "mailed-" + UUID.randomUUID();
        sql.update("INSERT INTO emails (id, recipient_id, kind, due_at, outcome, created_at, done_at) VALUES "
                + "(gen_random_uuid(), ?, 'DIGEST', ?, 'SENT', ?, ?), "
                + "(gen_random_uuid(), ?, 'DIGEST', ?, 'SENT', ?, ?), "
                + "(gen_random_uuid(), ?, 'DIGEST', ?, NULL, ?, NULL)",
                who, now, now, now.minus(Duration.ofDays(31)), who, now, now, now.minus(Duration.ofDays(29)),
                who, now.minus(Duration.ofDays(40)), now.minus(Duration.ofDays(40)));

        retention.prune();

        assertThat(sql.list("SELECT event_id FROM processed_events WHERE consumer = ?", rs -> rs.getString(1),
                consumer)).containsExactly("recent");
        assertThat(sql.one("SELECT count(*) FROM emails WHERE recipient_id = ?", rs -> rs.getLong(1), who))
                .as("the one done 29 days ago and the one not sent yet stay").contains(2L);
    }
}
