package org.intranet.notification.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.intranet.contracts.AnnouncementPublished;
import org.intranet.contracts.CommentChanged;
import org.intranet.contracts.EventTypes;
import org.intranet.contracts.PostPublished;
import org.intranet.kit.readcopy.EmployeeCopies;
import org.intranet.testsupport.oidc.TestTokens;
import org.intranet.testsupport.quarkus.KafkaResource;
import org.intranet.testsupport.quarkus.OidcResource;
import org.intranet.testsupport.quarkus.PostgresResource;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every kind of notification, its grouping, and who it never reaches, through the real broker and database. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcResource.class, scope = TestResourceScope.GLOBAL)
class NotificationKindsTest {
    private static final Duration EVENTUALLY = Duration.ofSeconds(30);
    private static final List<String> EVERYONE = List.of("all");

    @Inject
    EntityManager entityManager;
    @Inject
    EmployeeCopies employees;

    /** Names unique to one test: the database is shared by every test class. */
    private static String someone(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String token(String user) {
        return TestTokens.user(user).roles("employee").sign();
    }

    private static List<Map<String, Object>> items(String user) {
        return given().auth().oauth2(token(user)).get("/api/notifications?limit=100")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    private static List<Map<String, Object>> about(String user, String postId, String type) {
        return items(user).stream().filter(i -> postId.equals(i.get("postId")) && type.equals(i.get("type")))
                .toList();
    }

    /** Waits until the user has exactly one notification of this type about the post matching the condition. */
    private static Map<String, Object> awaitOne(String user, String postId, String type,
            java.util.function.Predicate<Map<String, Object>> condition) {
        await().atMost(EVENTUALLY).until(() -> {
            List<Map<String, Object>> found = about(user, postId, type);
            return found.size() == 1 && condition.test(found.get(0));
        });
        return about(user, postId, type).get(0);
    }

    private static void markRead(String user, Object id) {
        given().auth().oauth2(token(user)).post("/api/notifications/" + id + "/read").then().statusCode(204);
    }

    private long stored(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = entityManager.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    private void awaitEmployee(String username) {
        await().atMost(EVENTUALLY).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> employees.find(Events.id(username))).isPresent());
    }

    @Test
    void commentsAreOneNotificationPerPostAndRepliesReachTheThread() {
        String paula = someone("paula");
        String ann = someone("ann");
        String ben = someone("ben");
        String cal = someone("cal");
        String dee = someone("dee");
        Events.publishEmployee(Events.employee(ann, "Ann Ames", "Sales", "ACTIVE", 1));
        Events.publishEmployee(Events.employee(ben, "Ben Bole", "Sales", "ACTIVE", 1));
        Events.publishEmployee(Events.employee(cal, "Cal Cole", "Sales", "ACTIVE", 1));
        Events.publishEmployee(Events.employee(dee, "Dee Dorn", "Sales", "ACTIVE", 1));
        List.of(ann, ben, cal, dee).forEach(this::awaitEmployee);
        PostPublished post = Events.post(paula, "<p>Roadmap</p>", EVERYONE);
        Events.publishPost(post);

        CommentChanged first = Events.comment(post, null, ann, "<p>Great <i>plan</i></p>");
        Events.publishComment(first);
        Map<String, Object> onPaulasPost = awaitOne(paula, post.postId(), "COMMENT", n -> true);
        assertThat(onPaulasPost.get("text")).isEqualTo("Ann Ames commented on your post: Great plan");
        assertThat(onPaulasPost.get("actorCount")).isEqualTo(1);
        assertThat(onPaulasPost.get("subject")).isEqualTo(Map.of("kind", "COMMENT", "id", first.commentId()));

        Events.publishComment(Events.comment(post, null, ben, "<p>Agreed</p>"));
        Map<String, Object> grouped = awaitOne(paula, post.postId(), "COMMENT",
                n -> n.get("actorCount").equals(2));
        assertThat(grouped.get("id")).as("the same notification, updated").isEqualTo(onPaulasPost.get("id"));
        assertThat(grouped.get("text")).isEqualTo("Ben Bole and 1 other commented on your post: Agreed");
        markRead(paula, grouped.get("id"));

        Events.publishComment(Events.comment(post, first, cal, "<p>Me too</p>"));
        Map<String, Object> replyToAnn = awaitOne(ann, post.postId(), "COMMENT", n -> true);
        assertThat(replyToAnn.get("text")).isEqualTo("Cal Cole replied to your comment: Me too");
        Map<String, Object> backOnTop = awaitOne(paula, post.postId(), "COMMENT", n -> n.get("actorCount").equals(3));
        assertThat(backOnTop.get("read")).as("a new person makes it unread again").isEqualTo(false);

        Events.publishComment(Events.comment(post, first, dee, "<p>Count me in</p>"));
        assertThat(awaitOne(ann, post.postId(), "COMMENT", n -> n.get("actorCount").equals(2)).get("text"))
                .isEqualTo("Dee Dorn and 1 other replied to your comment: Count me in");
        assertThat(awaitOne(cal, post.postId(), "COMMENT", n -> true).get("text"))
                .isEqualTo("Dee Dorn replied in a thread you are in: Count me in");

        // paula's count now has dee too; eli's reply names paula: she is told by a mention, not also by a comment
        assertThat(awaitOne(paula, post.postId(), "COMMENT", n -> n.get("actorCount").equals(4)).get("text"))
                .isEqualTo("Dee Dorn and 3 others commented on your post: Count me in");
        String eli = someone("eli");
        Events.publishComment(Events.comment(post, first, eli, "<p>See @paula</p>", paula));
        assertThat(awaitOne(dee, post.postId(), "COMMENT", n -> true).get("actorId")).isEqualTo(Events.id(eli));
        assertThat(awaitOne(paula, post.postId(), "MENTION", n -> true).get("actorId")).isEqualTo(Events.id(eli));
        assertThat(about(paula, post.postId(), "COMMENT").get(0).get("actorCount")).isEqualTo(4);
        // cal again: counted once in ann's
        Events.publishComment(Events.comment(post, first, cal, "<p>Again</p>"));
        awaitOne(eli, post.postId(), "COMMENT", n -> n.get("actorId").equals(Events.id(cal)));
        assertThat(about(ann, post.postId(), "COMMENT").get(0).get("actorCount")).isEqualTo(3);
        assertThat(about(cal, post.postId(), "COMMENT")).as("never told of one's own reply").hasSize(1);
        assertThat(about(cal, post.postId(), "COMMENT").get(0).get("actorCount")).as("dee and eli").isEqualTo(2);
        assertThat(about(dee, post.postId(), "COMMENT").get(0).get("actorCount")).as("eli and cal").isEqualTo(2);
    }

    @Test
    void reactionsAreOneNotificationPerPostCountingEachPersonOnce() {
        String rita = someone("rita");
        PostPublished post = Events.post(rita, "<p>Shipped!</p>", EVERYONE);
        Events.publishPost(post);
        List<String> fans = List.of(someone("f1"), someone("f2"), someone("f3"), someone("f4"), someone("f5"));
        fans.forEach(fan -> Events.publishReaction(post, null, null, fan, "LIKE", null));
        Map<String, Object> five = awaitOne(rita, post.postId(), "REACTION", n -> n.get("actorCount").equals(5));
        assertThat(five.get("text")).isEqualTo("Someone and 4 others reacted to your post");
        assertThat(five.get("actorId")).isEqualTo(Events.id(fans.get(4)));
        markRead(rita, five.get("id"));

        // a switch of type, a reaction taken back and given again, and rita's own: none counts; a sixth person does
        Events.publishReaction(post, null, null, fans.get(0), "CELEBRATE", "LIKE");
        Events.feed(EventTypes.REACTION_REMOVED, post.postId(), Map.of("postId", post.postId(),
                "employeeId", Events.id(fans.get(1)), "type", "LIKE"));
        Events.publishReaction(post, null, null, fans.get(1), "LIKE", null);
        Events.publishReaction(post, null, null, rita, "LIKE", null);
        String sixth = someone("f6");
        Events.publishReaction(post, null, null, sixth, "SUPPORT", null);
        Map<String, Object> six = awaitOne(rita, post.postId(), "REACTION", n -> n.get("actorCount").equals(6));
        assertThat(six.get("read")).isEqualTo(false);
        assertThat(six.get("id")).isEqualTo(five.get("id"));

        CommentChanged comment = Events.comment(post, null, fans.get(0), "<p>Nice</p>");
        Events.publishComment(comment);
        Events.publishReaction(post, comment.commentId(), fans.get(0), sixth, "FUNNY", null);
        Map<String, Object> onComment = awaitOne(fans.get(0), post.postId(), "REACTION", n -> true);
        assertThat(onComment.get("text")).isEqualTo("Someone reacted to your comment");
        assertThat(onComment.get("commentId")).isEqualTo(comment.commentId());
        assertThat(stored("SELECT count(*) FROM notifications WHERE post_id = ?1 AND type = 'REACTION'",
                post.postId())).as("one row per reacted-to author, however many reactions").isEqualTo(2);
    }

    @Test
    void followsAndBeingAddedToAGroupAreTold() {
        String fay = someone("fay");
        String tom = someone("tom");
        Events.publishEmployee(Events.employee(fay, "Fay Fox", "Sales", "ACTIVE", 1));
        awaitEmployee(fay);
        Events.publishFollow(EventTypes.FOLLOW_ADDED, fay, tom);
        Events.publishFollow(EventTypes.FOLLOW_REMOVED, fay, tom);
        Events.publishFollow(EventTypes.FOLLOW_ADDED, fay, tom);
        await().atMost(EVENTUALLY).until(() -> items(tom).stream().anyMatch(i -> "FOLLOW".equals(i.get("type"))));
        Map<String, Object> follow = items(tom).get(0);
        assertThat(follow.get("text")).isEqualTo("Fay Fox started following you");
        assertThat(follow.get("subject")).isEqualTo(Map.of("kind", "PERSON", "id", Events.id(fay)));

        String olga = someone("olga");
        String mia = someone("mia");
        String guild = "guild-" + UUID.randomUUID();
        // one key for all, so they are consumed in this order
        String key = "groups-" + UUID.randomUUID();
        Events.feed(EventTypes.GROUP_CREATED, key, Events.group(guild, "Design Guild", 1));
        Events.feed(EventTypes.MEMBER_ADDED, key, Events.membership(guild, olga, olga));
        Events.feed(EventTypes.MEMBER_ADDED, key, Events.membership(guild, mia, olga));
        Events.feed(EventTypes.MEMBER_ADDED, key, Events.membership(guild, mia, olga)); // a role change
        String joinedAlone = "club-" + UUID.randomUUID();
        Events.feed(EventTypes.MEMBER_ADDED, key, Events.membership(joinedAlone, mia, mia));
        String second = "team-" + UUID.randomUUID();
        Events.feed(EventTypes.MEMBER_ADDED, key, Events.membership(second, mia, olga));
        await().atMost(EVENTUALLY).until(() -> items(mia).stream().anyMatch(i -> second.equals(i.get("groupId"))));
        List<Map<String, Object>> groups = items(mia);
        assertThat(groups).extracting(i -> i.get("groupId")).containsExactly(second, guild);
        assertThat(groups.get(1).get("text")).isEqualTo("Someone added you to Design Guild");
        assertThat(groups.get(1).get("subject")).isEqualTo(Map.of("kind", "GROUP", "id", guild));
        assertThat(items(olga)).as("nobody is told of joining by themselves").isEmpty();
    }

    @Test
    void announcementsAreWrittenOnlyWhenSomeoneLooksAndOnlyForTheirAudience() {
        String hr = someone("hr");
        String seller = someone("seller");
        String engineer = someone("engineer");
        // announcements to "all" or to a shared department would reach other tests' people
        String sales = someone("Sales");
        Events.publishEmployee(Events.employee(seller, "Sam Seller", sales, "ACTIVE", 1));
        Events.publishEmployee(Events.employee(engineer, "Eve Engineer", "Engineering", "ACTIVE", 1));
        awaitEmployee(seller);
        awaitEmployee(engineer);
        AnnouncementPublished mustRead = Events.announcement(hr, List.of("dept:" + sales), true, null);
        AnnouncementPublished expired = Events.announcement(hr, List.of("dept:" + sales), false,
                Instant.now().minusSeconds(60));
        String key = "announcements-" + UUID.randomUUID(); // consumed in this order
        Events.feed(EventTypes.ANNOUNCEMENT_PUBLISHED, key, expired);
        Events.feed(EventTypes.ANNOUNCEMENT_PUBLISHED, key, mustRead);
        await().atMost(EVENTUALLY).until(() -> stored("SELECT count(*) FROM broadcasts WHERE post_id = ?1",
                mustRead.postId()) == 1);
        assertThat(stored("SELECT count(*) FROM notifications WHERE post_id = ?1", mustRead.postId()))
                .as("publishing writes no row per person").isZero();

        long before = given().auth().oauth2(token(seller)).get("/api/notifications/unread-count").then()
                .statusCode(200).extract().jsonPath().getLong("count");
        assertThat(before).as("the count includes it at once").isEqualTo(1);
        List<Map<String, Object>> sellers = items(seller);
        assertThat(sellers).hasSize(1);
        assertThat(sellers.get(0)).containsEntry("type", "ANNOUNCEMENT").containsEntry("mustRead", true)
                .containsEntry("postId", mustRead.postId())
                .containsEntry("text", "Must read from Someone: Office closed on Friday");
        assertThat(items(engineer)).as("outside the audience").isEmpty();
        assertThat(stored("SELECT count(*) FROM notifications WHERE post_id = ?1", mustRead.postId()))
                .as("one row: the seller's, written when she looked").isEqualTo(1);
        assertThat(stored("SELECT count(*) FROM notifications WHERE post_id = ?1", expired.postId())).isZero();

        Events.publishAcknowledged(mustRead, seller);
        await().atMost(EVENTUALLY).until(() -> Boolean.TRUE.equals(items(seller).get(0).get("read")));
    }

    @Test
    void subscribersHearOfEveryNewPostInAGroupTheyMaySee() {
        String member = someone("member");
        String outsider = someone("outsider");
        String group = "g-" + UUID.randomUUID();
        for (String user : List.of(member, outsider)) {
            given().auth().oauth2(token(user)).contentType("application/json")
                    .body(Map.of("subscribed", Map.of("groups", List.of(group))))
                    .put("/api/notification-preferences").then().statusCode(200);
        }
        Events.feed(EventTypes.GROUP_CREATED, group, Events.group(group, "Night Shift", 3));
        Events.feed(EventTypes.MEMBER_ADDED, group, Events.membership(group, member, member));
        PostPublished post = Events.groupPost(someone("poster"), group);
        Events.publishPost(group, UUID.randomUUID().toString(), post);
        assertThat(awaitOne(member, post.postId(), "GROUP", n -> true).get("text"))
                .isEqualTo("Someone posted in Night Shift: Group news");
        assertThat(stored("SELECT count(*) FROM notifications WHERE post_id = ?1", post.postId()))
                .as("the outsider's subscription to a private group tells them nothing").isEqualTo(1);
    }

    @Test
    void preferencesSilenceWhatIsTurnedOffButNotAMustRead() {
        String quinn = someone("quinn");
        PostPublished liked = Events.post(quinn, "<p>One</p>", EVERYONE);
        PostPublished muted = Events.post(quinn, "<p>Two</p>", EVERYONE);
        given().auth().oauth2(token(quinn)).contentType("application/json")
                .body(Map.of("channels", Map.of("REACTION", Map.of("inApp", false), "ANNOUNCEMENT",
                        Map.of("inApp", false)), "muted", Map.of("posts", List.of(muted.postId()))))
                .put("/api/notification-preferences").then().statusCode(200);
        String key = "prefs-" + UUID.randomUUID();
        Events.publishPost(key, UUID.randomUUID().toString(), liked);
        Events.publishPost(key, UUID.randomUUID().toString(), muted);
        Events.feed(EventTypes.REACTION_SET, key, Events.reaction(liked, null, null, someone("fan"), "LIKE", null));
        Events.feed(EventTypes.COMMENT_ADDED, key, Events.comment(muted, null, someone("chatty"), "<p>Hm</p>"));
        Events.feed(EventTypes.COMMENT_ADDED, key, Events.comment(liked, null, someone("chatty"), "<p>Yes</p>"));
        awaitOne(quinn, liked.postId(), "COMMENT", n -> true);
        assertThat(items(quinn)).as("no reaction (turned off), nothing about the muted post")
                .extracting(i -> i.get("type") + " " + i.get("postId"))
                .containsExactly("COMMENT " + liked.postId());

        List<String> toQuinn = List.of("user:" + Events.id(quinn));
        AnnouncementPublished mustRead = Events.announcement(someone("hr"), toQuinn, true, null);
        AnnouncementPublished plain = Events.announcement(someone("hr"), toQuinn, false, null);
        Events.feed(EventTypes.ANNOUNCEMENT_PUBLISHED, key, plain);
        Events.feed(EventTypes.ANNOUNCEMENT_PUBLISHED, key, mustRead);
        await().atMost(EVENTUALLY).until(() -> items(quinn).stream()
                .anyMatch(i -> mustRead.postId().equals(i.get("postId"))));
        assertThat(items(quinn)).noneMatch(i -> plain.postId().equals(i.get("postId")));
    }

    @Test
    void aDeletedPostOrCommentTakesItsNotificationsAway() {
        String owner = someone("owner");
        String named = someone("named");
        PostPublished post = Events.post(owner, "<p>Draft @x</p>", EVERYONE, named);
        Events.publishPost(post);
        CommentChanged comment = Events.comment(post, null, someone("c"), "<p>cc @x</p>", named);
        Events.publishComment(comment);
        await().atMost(EVENTUALLY).until(() -> about(named, post.postId(), "MENTION").size() == 2);
        Events.publishCommentDeleted(comment);
        await().atMost(EVENTUALLY).until(() -> about(named, post.postId(), "MENTION").size() == 1);
        assertThat(about(named, post.postId(), "MENTION").get(0).get("commentId")).isNull();
        Events.publishPostDeleted(post);
        await().atMost(EVENTUALLY).until(() -> stored("SELECT count(*) FROM notifications WHERE post_id = ?1",
                post.postId()) == 0);
    }

    /**
     * An event older than the horizon (its de-dup row would have been pruned: a replay from the beginning) notifies
     * nobody, while what keeps state (membership) is still applied.
     */
    @Test
    void anEventOlderThanTheHorizonNotifiesNobodyButStillKeepsState() {
        String named = someone("named");
        String group = "old-" + UUID.randomUUID();
        String key = "stale-" + UUID.randomUUID();
        java.time.Instant longAgo = Instant.now().minus(Duration.ofDays(20));
        PostPublished old = Events.post(someone("author"), "<p>Long ago @x</p>", EVERYONE, named);
        Events.topics().send(org.intranet.contracts.Topics.FEED, key, Events.json(old),
                org.intranet.testsupport.kafka.TestTopics.cloudEventHeaders(UUID.randomUUID().toString(),
                        EventTypes.POST_PUBLISHED, EventTypes.FEED_SOURCE, old.postId()), longAgo);
        Events.topics().send(org.intranet.contracts.Topics.FEED, key,
                Events.json(Events.membership(group, named, someone("owner"))),
                org.intranet.testsupport.kafka.TestTopics.cloudEventHeaders(UUID.randomUUID().toString(),
                        EventTypes.MEMBER_ADDED, EventTypes.FEED_SOURCE, group), longAgo);
        PostPublished fresh = Events.post(someone("author"), "<p>Now @x</p>", EVERYONE, named);
        Events.publishPost(key, UUID.randomUUID().toString(), fresh);
        awaitOne(named, fresh.postId(), "MENTION", n -> true);
        assertThat(items(named)).as("neither the old mention nor the old group add")
                .extracting(i -> i.get("postId")).containsExactly(fresh.postId());
        assertThat(stored("SELECT count(*) FROM group_members WHERE group_id = ?1", group))
                .as("the membership copy is kept").isEqualTo(1);
    }
}
