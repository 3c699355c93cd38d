package org.intranet.feed.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.intranet.feed.FeedTestSupport.token;
import static org.intranet.feed.FeedTestSupport.topics;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.intranet.contracts.EventTypes;
import org.intranet.contracts.Topics;
import org.intranet.feed.FeedFixtures;
import org.intranet.feed.store.TimelineStore;
import org.intranet.kit.store.Sql;
import org.intranet.testsupport.http.Denials;
import org.intranet.testsupport.kafka.TestTopics;
import org.intranet.testsupport.oidc.TestTokens;
import org.intranet.testsupport.quarkus.KafkaResource;
import org.intranet.testsupport.quarkus.OidcResource;
import org.intranet.testsupport.quarkus.PostgresResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The materialised home feed: fan-out on write, backfill, pruning, read-time merge, and its privacy. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcResource.class, scope = TestResourceScope.GLOBAL)
class HomeFeedTest {
    @Inject
    FeedFixtures fixtures;
    @Inject
    Sql sql;
    @Inject
    TimelineStore timelines;

    private void follow(String follower, String person) {
        given().auth().oauth2(token(follower)).put("/api/follows/people/" + TestTokens.stableId(person))
                .then().statusCode(204);
    }

    @Test
    void followingBringsRecentPostsInNewOnesFanOutAndUnfollowingTakesThemOut() {
        fixtures.employee("hf-reader");
        fixtures.employee("hf-writer");
        String before = fixtures.publish("hf-writer", "written before the follow");
        assertThat(fixtures.home("hf-reader")).doesNotContain(before); // builds the timeline

        follow("hf-reader", "hf-writer");
        fixtures.awaitHome("hf-reader", home -> home.contains(before));
        String after = fixtures.publish("hf-writer", "written after the follow");
        fixtures.awaitHome("hf-reader", home -> home.contains(after));
        assertThat(fixtures.home("hf-reader")).containsSubsequence(after, before);

        given().auth().oauth2(token("hf-reader")).delete("/api/follows/people/" + TestTokens.stableId("hf-writer"))
                .then().statusCode(204);
        fixtures.awaitHome("hf-reader", home -> !home.contains(before) && !home.contains(after));
    }

    @Test
    void ownPostsAndGroupPostsAreInTheHomeFeedUntilTheMemberLeaves() {
        String group = fixtures.group("hf-owner", "Home feed crew", "PRIVATE");
        fixtures.addMember("hf-owner", group, "hf-member");
        assertThat(fixtures.home("hf-member")).isNotNull();
        String inGroup = fixtures.publish("hf-owner", "crew only", group);
        String own = fixtures.publish("hf-member", "my own update");
        fixtures.awaitHome("hf-member", home -> home.contains(inGroup) && home.contains(own));

        given().auth().oauth2(token("hf-member")).delete("/api/groups/" + group + "/members/"
                + TestTokens.stableId("hf-member")).then().statusCode(204);
        // gone at once (the read applies the rule), and its timeline entry pruned by the consumer
        assertThat(fixtures.home("hf-member")).doesNotContain(inGroup).contains(own);
        await().atMost(Duration.ofSeconds(20)).until(() -> entry("hf-member", inGroup) == 0);
    }

    @Test
    void followedTopicsFillTheHomeFeed() {
        fixtures.employee("hf-topic-fan");
        fixtures.employee("hf-topic-writer");
        assertThat(fixtures.home("hf-topic-fan")).isNotNull();
        given().auth().oauth2(token("hf-topic-fan")).put("/api/follows/topics/HomeFeedTopic").then().statusCode(204);
        String tagged = fixtures.publish("hf-topic-writer", "news on #homefeedtopic");
        fixtures.awaitHome("hf-topic-fan", home -> home.contains(tagged));
        given().auth().oauth2(token("hf-topic-fan")).delete("/api/follows/topics/homefeedtopic").then()
                .statusCode(204);
        fixtures.awaitHome("hf-topic-fan", home -> !home.contains(tagged));
    }

    @Test
    void aDeletedPostLeavesEveryHomeFeed() {
        fixtures.employee("hf-del-reader");
        fixtures.employee("hf-del-writer");
        follow("hf-del-reader", "hf-del-writer");
        assertThat(fixtures.home("hf-del-reader")).isNotNull();
        String post = fixtures.publish("hf-del-writer", "soon gone");
        fixtures.awaitHome("hf-del-reader", home -> home.contains(post));
        given().auth().oauth2(token("hf-del-writer")).delete("/api/posts/" + post).then().statusCode(204);
        assertThat(fixtures.home("hf-del-reader")).doesNotContain(post);
        await().atMost(Duration.ofSeconds(20)).until(() -> entry("hf-del-reader", post) == 0);
    }

    @Test
    void aMissingTimelineIsBuiltOnTheFirstRead() {
        fixtures.employee("hf-new-reader");
        fixtures.employee("hf-prolific");
        String old = fixtures.publish("hf-prolific", "from before they ever opened the feed");
        follow("hf-new-reader", "hf-prolific");
        // no timeline yet (never read), so the follow's backfill has nowhere to write: the first read builds it
        assertThat(fixtures.home("hf-new-reader")).contains(old);
        assertThat(fixtures.timelineEntries("hf-new-reader")).isPositive();
    }

    @Test
    void aStaleEntryForAPostTheReaderMayNotSeeNeverShows() {
        String group = fixtures.group("hf-secret-owner", "Stale secrets", "PRIVATE");
        String secret = fixtures.publish("hf-secret-owner", "members only", group);
        fixtures.employee("hf-outsider");
        assertThat(fixtures.home("hf-outsider")).isNotNull();
        // an entry that should not be there (a race, a bug, a membership that ended): the read still applies the rule
        sql.update("""
                INSERT INTO timelines (owner_id, created_at, post_id, author_id, group_id)
                SELECT ?, created_at, id, author_id, group_id FROM posts WHERE id = ?""",
                TestTokens.stableId("hf-outsider"), UUID.fromString(secret));
        assertThat(fixtures.home("hf-outsider")).doesNotContain(secret);
    }

    @Test
    void postsOfGroupsTooLargeToFanOutAreMergedAtReadForMembersOnly() {
        String group = fixtures.group("hf-big-owner", "Everyone at once", "PUBLIC");
        fixtures.addMember("hf-big-member", group, "hf-big-member");
        fixtures.employee("hf-big-outsider");
        assertThat(fixtures.home("hf-big-member")).isNotNull();
        assertThat(fixtures.home("hf-big-outsider")).isNotNull();
        sql.update("UPDATE groups SET member_count = 50000 WHERE id = ?", group);
        String post = fixtures.publish("hf-big-owner", "to the whole crowd", group);
        assertThat(sql.one("SELECT broadcast FROM posts WHERE id = ?", rs -> rs.getBoolean(1),
                UUID.fromString(post))).hasValue(true);
        assertThat(fixtures.home("hf-big-member")).contains(post);
        assertThat(fixtures.home("hf-big-outsider")).doesNotContain(post);
        assertThat(entry("hf-big-member", post)).isZero();
    }

    @Test
    void fanOutIsIdempotentWhenTheEventIsDeliveredAgain() {
        fixtures.employee("hf-dup-reader");
        fixtures.employee("hf-dup-writer");
        follow("hf-dup-reader", "hf-dup-writer");
        assertThat(fixtures.home("hf-dup-reader")).isNotNull();
        String post = fixtures.publish("hf-dup-writer", "delivered twice");
        fixtures.awaitHome("hf-dup-reader", home -> home.contains(post));
        ConsumerRecord<String, String> published = topics().exactly(Topics.FEED, r -> post.equals(r.key())
                && EventTypes.POST_PUBLISHED.equals(TestTopics.header(r, "ce_type")), 1, Duration.ofSeconds(20),
                Duration.ofSeconds(1)).get(0);
        topics().send(Topics.FEED, post, published.value(), TestTopics.cloudEventHeaders(
                TestTopics.header(published, "ce_id"), EventTypes.POST_PUBLISHED, EventTypes.FEED_SOURCE, post));
        // a marker on the same partition (same key) is applied after the redelivery
        String marker = UUID.randomUUID().toString();
        topics().send(Topics.FEED, post, "{\"postId\":\"" + post + "\"}", TestTopics.cloudEventHeaders(marker,
                EventTypes.POST_DELETED, EventTypes.FEED_SOURCE, post));
        await().atMost(Duration.ofSeconds(20)).until(() -> entry("hf-dup-reader", post) == 0);
        assertThat(sql.one("SELECT count(*) FROM timelines WHERE post_id = ?", rs -> rs.getInt(1),
                UUID.fromString(post))).hasValue(0);
    }

    @Test
    void timelinesAreTrimmedToTheirSize() {
        String owner = fixtures.employee("hf-trimmed");
        assertThat(fixtures.home("hf-trimmed")).isNotNull();
        sql.update("""
                INSERT INTO timelines (owner_id, created_at, post_id, author_id)
                SELECT ?, now() - make_interval(secs => n), gen_random_uuid(), 'someone'
                FROM generate_series(1, 850) AS n""", owner);
        sql.update("UPDATE timeline_owners SET trimmed_at = NULL WHERE owner_id = ?", owner);
        Instant newest = sql.one("SELECT max(created_at) FROM timelines WHERE owner_id = ?",
                rs -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant(), owner).orElseThrow();
        timelines.trim(100_000, 800, Instant.now());
        assertThat(fixtures.timelineEntries("hf-trimmed")).isEqualTo(800);
        assertThat(sql.one("SELECT max(created_at) FROM timelines WHERE owner_id = ?",
                rs -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant(), owner)).hasValue(newest);
    }

    @Test
    void theHomeFeedNeedsAnEmployeeToken() {
        Denials.assertEmployeeOnly("GET", "/api/feed/home");
    }

    private int entry(String user, String post) {
        return sql.one("SELECT count(*) FROM timelines WHERE owner_id = ? AND post_id = ?", rs -> rs.getInt(1),
                TestTokens.stableId(user), UUID.fromString(post)).orElseThrow();
    }
}
