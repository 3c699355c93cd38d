package org.intranet.notification.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.intranet.contracts.EventTypes;
import org.intranet.contracts.MentionsResolved;
import org.intranet.contracts.PostPublished;
import org.intranet.contracts.Topics;
import org.intranet.kit.readcopy.EmployeeCopy;
import org.intranet.kit.readcopy.EmployeeCopies;
import org.intranet.notification.domain.PostNotifier;
import org.intranet.testsupport.kafka.TestTopics;
import org.intranet.testsupport.http.Denials;
import org.intranet.testsupport.oidc.TestTokens;
import org.intranet.testsupport.quarkus.KafkaResource;
import org.intranet.testsupport.quarkus.OidcResource;
import org.intranet.testsupport.quarkus.PostgresResource;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcResource.class, scope = TestResourceScope.GLOBAL)
class NotificationResourceTest {
    private static final Duration EVENTUALLY = Duration.ofSeconds(30);
    private static final List<String> EVERYONE = List.of("all");

    @Inject
    EmployeeCopies employees;
    @Inject
    EntityManager entityManager;

    private static String token(String user) {
        return TestTokens.user(user).roles("employee").sign();
    }

    private static JsonPath list(String user, String query) {
        return given().auth().oauth2(token(user)).when().get("/api/notifications" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    private static long unreadCount(String user) {
        return given().auth().oauth2(token(user)).get("/api/notifications/unread-count")
                .then().statusCode(200).extract().jsonPath().getLong("count");
    }

    private static List<Map<String, Object>> itemsAbout(String user, String postId) {
        return list(user, "?limit=100").<Map<String, Object>>getList("items").stream()
                .filter(item -> postId.equals(item.get("postId"))).toList();
    }

    private static void awaitNotified(String user, String postId) {
        await().atMost(EVENTUALLY).until(() -> !itemsAbout(user, postId).isEmpty());
    }

    private Optional<EmployeeCopy> copyOf(String username) {
        return QuarkusTransaction.requiringNew().call(() -> employees.find(Events.id(username)));
    }

    /** Stored rows, visible or not: a withheld mention must not be stored either (it would be pushed live). */
    private long storedRows(String username, String postId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM notifications WHERE recipient_id = :recipient AND post_id = :post")
                .setParameter("recipient", Events.id(username)).setParameter("post", postId)
                .getSingleResult()).longValue());
    }

    private boolean isMember(String groupId, String username) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM group_members WHERE group_id = :group AND employee_id = :employee")
                .setParameter("group", groupId).setParameter("employee", Events.id(username))
                .getSingleResult()).longValue() == 1);
    }

    /** The ids in someone's GDPR export. */
    private static List<String> exported(String user) {
        return given().auth().oauth2(token(user)).get("/api/notifications/me/export")
                .then().statusCode(200).body("service", equalTo("notification-service"))
                .extract().jsonPath().getList("notifications.id");
    }

    private void awaitMember(String groupId, String username) {
        await().atMost(EVENTUALLY).until(() -> isMember(groupId, username));
    }

    private long processedRows(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM processed_events WHERE consumer = :consumer AND event_id = :event")
                .setParameter("consumer", PostNotifier.CONSUMER).setParameter("event", eventId)
                .getSingleResult()).longValue());
    }

    private void awaitEmployee(String username, long version) {
        await().atMost(EVENTUALLY).until(() -> copyOf(username).map(e -> e.version() >= version).orElse(false));
    }

    @Test
    void mentionedEmployeeIsNotifiedOnceAndMarksItRead() {
        Events.publishEmployee(Events.employee("alice", "Alice Martin", "Engineering", "ACTIVE", 1));
        Events.publishEmployee(Events.employee("bob", "Bob Stone", "Sales", "ACTIVE", 1));
        awaitEmployee("alice", 1);
        PostPublished post = Events.post("alice",
                "<p>Welcome <a href=\"/people/bob\">@bob</a> to <a href=\"/topics/onboarding\">#onboarding</a> "
                        + "&amp; <b>enjoy</b></p>", EVERYONE, "bob", "alice");
        String eventId = UUID.randomUUID().toString();
        Events.publishPost(post.postId(), eventId, post);
        Events.publishPost(post.postId(), eventId, post); // redelivery of the same event
        // same key, sent after the duplicate: once it is applied, so is the duplicate
        PostPublished barrier = Events.post("alice", "<p>hi @zed</p>", EVERYONE, "zed");
        Events.publishPost(post.postId(), UUID.randomUUID().toString(), barrier);
        awaitNotified("zed", barrier.postId());

        JsonPath page = list("bob", "");
        assertThat(page.getList("items")).hasSize(1);
        assertThat(page.getString("items[0].type")).isEqualTo("MENTION");
        assertThat(page.getString("items[0].postId")).isEqualTo(post.postId());
        assertThat(page.getString("items[0].actorId")).isEqualTo(Events.id("alice"));
        assertThat(page.getString("items[0].actorName")).isEqualTo("Alice Martin");
        assertThat(page.getString("items[0].text"))
                .isEqualTo("Alice Martin mentioned you: Welcome @bob to #onboarding & enjoy");
        assertThat(page.getBoolean("items[0].read")).isFalse();
        assertThat(page.getString("items[0].groupId")).isNull();
        assertThat(Instant.parse(page.getString("items[0].createdAt"))).isBefore(Instant.now().plusSeconds(1));
        assertThat(page.getString("next")).isNull();
        assertThat(unreadCount("bob")).isEqualTo(1);
        assertThat(itemsAbout("alice", post.postId())).as("the author is not notified of her own mention").isEmpty();
        assertThat(storedRows("alice", post.postId())).isZero();

        String id = page.getString("items[0].id");
        given().auth().oauth2(token("bob")).post("/api/notifications/" + id + "/read").then().statusCode(204);
        assertThat(unreadCount("bob")).isZero();
        given().auth().oauth2(token("bob")).post("/api/notifications/" + id + "/read").then().statusCode(204);
        assertThat(list("bob", "").getBoolean("items[0].read")).isTrue();
        assertThat(list("bob", "?unread=true").getList("items")).isEmpty();
        assertThat(list("bob", "?unread=false").getList("items")).hasSize(1);
    }

    @Test
    void aPrivateGroupPostNotifiesMembersKnownFromMembershipEventsOnlyAndLeavingTheGroupHidesIt() {
        String group = "g1-" + UUID.randomUUID();
        Events.publishMembership(EventTypes.MEMBER_ADDED, group, "gail");
        // membership is keyed by group, the post by post id: no order between them, so wait for the copy first
        awaitMember(group, "gail");
        PostPublished post = Events.groupPost("carl", group, "bob", "gail");
        Events.publishPost(post);
        awaitNotified("gail", post.postId());

        // both mentions are decided in one transaction: gail's being listed means bob's was decided too
        assertThat(itemsAbout("bob", post.postId())).as("bob is not a member of the group").isEmpty();
        assertThat(storedRows("bob", post.postId())).isZero();
        List<Map<String, Object>> gails = itemsAbout("gail", post.postId());
        assertThat(gails).singleElement().satisfies(item -> assertThat(item.get("groupId")).isEqualTo(group));
        String id = (String) gails.get(0).get("id");
        given().auth().oauth2(token("bob")).post("/api/notifications/" + id + "/read").then().statusCode(404);
        assertThat(exported("gail")).contains(id);

        Events.publishMembership(EventTypes.MEMBER_REMOVED, group, "gail");
        await().atMost(EVENTUALLY).until(() -> itemsAbout("gail", post.postId()).isEmpty());
        // the export is a read path like the list: what she may no longer see is not hers to download
        assertThat(exported("gail")).doesNotContain(id);
        assertThat(unreadCount("gail")).isZero();
        given().auth().oauth2(token("gail")).post("/api/notifications/" + id + "/read").then().statusCode(404);
    }

    @Test
    void recognisedColleaguesAreToldOnceEachWithTheValueAndOnlyIfTheyMaySeeIt() {
        Events.publishEmployee(Events.employee("rita", "Rita Giver", "Sales", "ACTIVE", 1));
        awaitEmployee("rita", 1);
        PostPublished post = Events.recognitionPost("rita", null, EVERYONE, "Own it", "ravi", "rosa");
        Events.publishPost(post);
        Events.publishRecognition(Events.recognition(post, "Own it", "ravi", "rosa", "rita"));
        awaitNotified("ravi", post.postId());
        awaitNotified("rosa", post.postId());

        // a recipient mentioned in the text too gets one notification, the recognition, not a mention besides
        assertThat(itemsAbout("ravi", post.postId())).singleElement().satisfies(item -> {
            assertThat(item.get("type")).isEqualTo("RECOGNITION");
            assertThat(item.get("actorName")).isEqualTo("Rita Giver");
            assertThat((String) item.get("text")).startsWith("Rita Giver recognised you for Own it");
        });
        assertThat(storedRows("rita", post.postId())).as("the giver is never told about their own kudos").isZero();

        // in a private group only members are told; a second delivery under a new event id adds nothing
        String group = "g-kudos-" + UUID.randomUUID();
        Events.publishMembership(EventTypes.MEMBER_ADDED, group, "ravi");
        awaitMember(group, "ravi");
        PostPublished inGroup = Events.recognitionPost("rita", group, List.of("group:" + group), "Think big",
                "ravi", "rosa");
        Events.publishPost(inGroup);
        Events.publishRecognition(Events.recognition(inGroup, "Think big", "ravi", "rosa"));
        Events.publishRecognition(Events.recognition(inGroup, "Think big", "ravi", "rosa"));
        awaitNotified("ravi", inGroup.postId());
        PostPublished barrier = Events.post("rita", "<p>hi @zed</p>", EVERYONE, "zed");
        Events.publishPost(inGroup.postId(), UUID.randomUUID().toString(), barrier);
        awaitNotified("zed", barrier.postId());
        assertThat(storedRows("rosa", inGroup.postId())).as("rosa is not in the group").isZero();
        assertThat(storedRows("ravi", inGroup.postId())).isEqualTo(1);
    }

    @Test
    void aMentionResolvedLaterNotifiesTheNamedEmployeeOnceEvenWhenDeliveredTwiceAndNeverItsWriter() {
        Events.publishEmployee(Events.employee("alma", "Alma Writer", "Sales", "ACTIVE", 1));
        awaitEmployee("alma", 1);
        // "@rosa" named nobody feed-service knew when alma wrote it
        PostPublished post = Events.post("alma", "<p>Welcome @rosa</p>", EVERYONE);
        Events.publishPost(post);
        MentionsResolved resolved = Events.mentionsResolved(post, null, "alma", post.body(), "rosa", "alma");
        String eventId = UUID.randomUUID().toString();
        Events.publishMentionsResolved(eventId, resolved);
        Events.publishMentionsResolved(eventId, resolved); // redelivery of the same event
        // same key (the post id), sent after the duplicate: once it is applied, so is the duplicate
        PostPublished barrier = Events.post("alma", "<p>hi @zed</p>", EVERYONE, "zed");
        Events.publishPost(post.postId(), UUID.randomUUID().toString(), barrier);
        awaitNotified("zed", barrier.postId());

        assertThat(itemsAbout("rosa", post.postId())).singleElement().satisfies(item -> {
            assertThat(item.get("type")).isEqualTo("MENTION");
            assertThat(item.get("actorId")).isEqualTo(Events.id("alma"));
            assertThat(item.get("text")).isEqualTo("Alma Writer mentioned you: Welcome @rosa");
        });
        assertThat(storedRows("rosa", post.postId())).isOne();
        assertThat(processedRows(eventId)).as("applied once per event id, not only kept single by the unique index")
                .isOne();
        assertThat(storedRows("alma", post.postId())).as("the writer is not notified of her own mention").isZero();
    }

    @Test
    void aMentionResolvedInACommentIsAboutItsPostAndReachesOnlyThoseThePostsAudienceAdmits() {
        String group = "g2-" + UUID.randomUUID();
        Events.publishMembership(EventTypes.MEMBER_ADDED, group, "gina");
        awaitMember(group, "gina");
        PostPublished post = Events.groupPost("hanna", group);
        Events.publishPost(post);
        String commentId = UUID.randomUUID().toString();
        Events.publishMentionsResolved(UUID.randomUUID().toString(),
                Events.mentionsResolved(post, commentId, "ivan", "<p>Ask @gina or @nils</p>", "gina", "nils"));
        awaitNotified("gina", post.postId());

        assertThat(itemsAbout("gina", post.postId())).singleElement().satisfies(item -> {
            assertThat(item.get("actorId")).isEqualTo(Events.id("ivan"));
            assertThat(item.get("groupId")).isEqualTo(group);
            assertThat(item.get("text")).isEqualTo("Someone mentioned you: Ask @gina or @nils");
        });
        // both resolved in one transaction: gina's being listed means nils's was decided too
        assertThat(storedRows("nils", post.postId())).as("nils is not a member of the group").isZero();
    }

    @Test
    void aDepartmentPostNotifiesMentionedEmployeesOfThatDepartmentOnly() {
        Events.publishEmployee(Events.employee("sam", "Sam Sales", "Sales", "ACTIVE", 3));
        Events.publishEmployee(Events.employee("erik", "Erik Eng", "Engineering", "ACTIVE", 3));
        awaitEmployee("sam", 3);
        awaitEmployee("erik", 3);
        PostPublished post = Events.post("hanna", "<p>Sales kick-off</p>", List.of("dept:Sales"), "sam", "erik");
        Events.publishPost(post);
        awaitNotified("sam", post.postId());

        // both mentions are applied in one transaction: sam's being visible means erik's was decided too
        assertThat(itemsAbout("erik", post.postId())).isEmpty();
        assertThat(storedRows("erik", post.postId())).isZero();
        assertThat(unreadCount("erik")).isZero();
    }

    @Test
    void aReaderWithoutAProfileCopyIsJudgedByTokenClaimsUntilTheCopyArrives() {
        String postId = "dept-only-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                INSERT INTO notifications (id, recipient_id, type, actor_id, actor_name, post_id, text, audience,
                                           created_at, group_key)
                VALUES (gen_random_uuid(), :recipient, 'MENTION', 'someone', 'Someone', :post,
                        'Someone mentioned you: Sales only', ARRAY['dept:Sales'], now(), 'mention:post:' || :post)""")
                .setParameter("recipient", Events.id("yves")).setParameter("post", postId).executeUpdate());
        String claimsSales = TestTokens.user("yves").claim("department", "Sales").sign();
        String claimsNothing = TestTokens.user("yves").sign();

        given().auth().oauth2(claimsSales).get("/api/notifications").then().statusCode(200)
                .body("items.postId", contains(postId));
        given().auth().oauth2(claimsNothing).get("/api/notifications").then().statusCode(200)
                .body("items", hasSize(0));

        Events.publishEmployee(Events.employee("yves", "Yves", "Engineering", "ACTIVE", 1));
        awaitEmployee("yves", 1);
        given().auth().oauth2(claimsSales).get("/api/notifications").then().statusCode(200)
                .body("items", hasSize(0));
        given().auth().oauth2(claimsSales).get("/api/notifications/unread-count").then().body("count", equalTo(0));
    }

    @Test
    void anErasedEmployeesNotificationsGoAndThoseTheyCausedLoseTheirNameAndWords() {
        Events.publishEmployee(Events.employee("erika", "Erika Erased", "Sales", "ACTIVE", 1));
        Events.publishEmployee(Events.employee("nils", "Nils Stays", "Sales", "ACTIVE", 1));
        awaitEmployee("erika", 1);
        awaitEmployee("nils", 1);
        PostPublished toHer = Events.post("nils", "<p>Thanks @erika</p>", EVERYONE, "erika");
        PostPublished fromHer = Events.post("erika", "<p>Her own words for @nils</p>", EVERYONE, "nils");
        Events.publishPost(toHer);
        Events.publishPost(fromHer);
        awaitNotified("erika", toHer.postId());
        awaitNotified("nils", fromHer.postId());

        String erika = Events.id("erika");
        Events.send(Topics.PROFILE, erika, "{\"id\":\"" + erika + "\",\"erasedAt\":\"" + Instant.now()
                + "\",\"by\":\"admin\"}", TestTopics.cloudEventHeaders(UUID.randomUUID().toString(),
                        EventTypes.EMPLOYEE_ERASED, EventTypes.PROFILE_SOURCE, erika));
        await().atMost(EVENTUALLY).until(() -> storedRows("erika", toHer.postId()) == 0);
        Map<String, Object> caused = itemsAbout("nils", fromHer.postId()).get(0);
        assertThat(caused.get("actorName")).isNull();
        assertThat(caused.get("actorId")).isNull();
        assertThat((String) caused.get("text")).doesNotContain("Erika").doesNotContain("Her own words");
        assertThat(copyOf("erika")).hasValueSatisfying(copy -> assertThat(copy.active()).isFalse());
    }

    @Test
    void employeesWhoLeftAreNotNotified() {
        Events.publishEmployee(Events.employee("lena", "Lena Left", "Sales", "LEFT", 2));
        Events.publishEmployee(Events.employee("mia", "Mia Stays", "Sales", "ACTIVE", 2));
        awaitEmployee("lena", 2);
        PostPublished post = Events.post("hanna", "<p>Farewell</p>", EVERYONE, "lena", "mia");
        Events.publishPost(post);
        awaitNotified("mia", post.postId());
        assertThat(itemsAbout("lena", post.postId())).isEmpty();
        assertThat(storedRows("lena", post.postId())).isZero();
    }

    @Test
    void anOlderSnapshotNeverOverwritesANewerOne() {
        String key = "ordering-" + UUID.randomUUID();
        Events.publishEmployee(key, Events.employee("nora", "Nora New", "Sales", "ACTIVE", 5));
        Events.publishEmployee(key, Events.employee("nora", "Nora Old", "Engineering", "ACTIVE", 4));
        // same partition, sent last: once it is applied, both nora snapshots were
        Events.publishEmployee(key, Events.employee("otto", "Otto", "Sales", "ACTIVE", 1));
        awaitEmployee("otto", 1);

        EmployeeCopy nora = copyOf("nora").orElseThrow();
        assertThat(nora.version()).isEqualTo(5);
        assertThat(nora.displayName()).isEqualTo("Nora New");
        assertThat(nora.department()).isEqualTo("Sales");
        assertThat(nora.email()).isEqualTo("nora@example.com");
    }

    @Test
    void handlesDifferingOnlyInCaseAreTwoPeopleInTheReadCopy() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Events.publishEmployee(Events.employee("Case" + suffix, "Upper", "Sales", "ACTIVE", 1));
        Events.publishEmployee(Events.employee("case" + suffix, "Lower", "Legal", "ACTIVE", 1));
        awaitEmployee("Case" + suffix, 1);
        awaitEmployee("case" + suffix, 1);
        assertThat(copyOf("Case" + suffix).orElseThrow().department()).isEqualTo("Sales");
        assertThat(copyOf("case" + suffix).orElseThrow().department()).isEqualTo("Legal");
    }

    @Test
    void nobodySeesOrMarksSomeoneElsesNotification() {
        PostPublished post = Events.post("carol", "<p>Thanks @alice</p>", EVERYONE, "alice");
        Events.publishPost(post);
        awaitNotified("alice", post.postId());
        String alicesId = (String) itemsAbout("alice", post.postId()).get(0).get("id");

        assertThat(itemsAbout("bob", post.postId())).isEmpty();
        assertThat(exported("alice")).contains(alicesId);
        assertThat(exported("bob")).doesNotContain(alicesId);
        given().auth().oauth2(token("bob")).post("/api/notifications/" + alicesId + "/read")
                .then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404)).body("detail", containsString("no notification"));
        given().auth().oauth2(token("bob")).post("/api/notifications/" + UUID.randomUUID() + "/read")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(token("bob")).post("/api/notifications/not-a-uuid/read")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(token("bob")).post("/api/notifications/read-all").then().statusCode(200);
        assertThat(itemsAbout("alice", post.postId()).get(0).get("read")).as("bob's read-all is bob's only")
                .isEqualTo(false);

        given().auth().oauth2(token("alice")).post("/api/notifications/" + alicesId + "/read")
                .then().statusCode(204);
        assertThat(itemsAbout("alice", post.postId()).get(0).get("read")).isEqualTo(true);
    }

    @Test
    void readAllMarksEveryUnreadNotificationAndSaysHowMany() {
        for (int i = 0; i < 3; i++) {
            Events.publishPost(Events.post("hanna", "<p>ping " + i + "</p>", EVERYONE, "rita"));
        }
        await().atMost(EVENTUALLY).until(() -> unreadCount("rita") == 3);
        given().auth().oauth2(token("rita")).post("/api/notifications/read-all")
                .then().statusCode(200).body("updated", equalTo(3));
        assertThat(unreadCount("rita")).isZero();
        given().auth().oauth2(token("rita")).post("/api/notifications/read-all")
                .then().statusCode(200).body("updated", equalTo(0));
        assertThat(list("rita", "").getList("items")).hasSize(3);
    }

    @Test
    void theUnreadCountStopsAtAThousand() {
        // rows straight into the table: 1,001 events through the broker would prove nothing more
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                INSERT INTO notifications (id, recipient_id, type, actor_id, actor_name, post_id, text, audience,
                                           created_at, group_key)
                SELECT gen_random_uuid(), :recipient, 'MENTION', 'someone', 'Someone', 'bulk-' || g,
                       'Someone mentioned you', ARRAY['all'], now() - g * interval '1 second',
                       'mention:post:bulk-' || g
                FROM generate_series(1, 1001) g""").setParameter("recipient", Events.id("xena")).executeUpdate());
        assertThat(unreadCount("xena")).isEqualTo(1000);
        given().auth().oauth2(token("xena")).post("/api/notifications/read-all")
                .then().statusCode(200).body("updated", equalTo(1001));
        assertThat(unreadCount("xena")).isZero();
    }

    @Test
    void poisonFeedEventsGoToTheDeadLetterTopicAndLaterEventsAreStillApplied() {
        String key = "poison-" + UUID.randomUUID();
        String unreadable = UUID.randomUUID().toString();
        Events.send(Topics.FEED, key, "{\"postId\": ", TestTopics.cloudEventHeaders(unreadable,
                EventTypes.POST_PUBLISHED, EventTypes.FEED_SOURCE, key));
        String incomplete = UUID.randomUUID().toString();
        Events.send(Topics.FEED, key, "{\"body\":\"no post id, no author\"}", TestTopics.cloudEventHeaders(incomplete,
                EventTypes.POST_PUBLISHED, EventTypes.FEED_SOURCE, key));
        Events.send(Topics.FEED, key, "{\"not\":\"a cloud event\"}", Map.of());
        PostPublished good = Events.post("hanna", "<p>after the poison</p>", EVERYONE, "quinn");
        Events.publishPost(key, UUID.randomUUID().toString(), good);

        awaitNotified("quinn", good.postId());
        List<ConsumerRecord<String, String>> dead = Events.topics().await(
                Topics.deadLetter(Topics.FEED, "notification"), r -> key.equals(r.key()), 3, EVENTUALLY);
        assertThat(dead).extracting(r -> TestTopics.header(r, "ce_id")).contains(unreadable, incomplete);
        assertThat(dead).allSatisfy(r -> assertThat(TestTopics.header(r, "dead-letter-reason")).isNotBlank());
    }

    @Test
    void poisonProfileEventsGoToTheDeadLetterTopicAndLaterEventsAreStillApplied() {
        String key = "poison-" + UUID.randomUUID();
        String unreadable = UUID.randomUUID().toString();
        Events.send(Topics.PROFILE, key, "[1,2", TestTopics.cloudEventHeaders(unreadable,
                EventTypes.EMPLOYEE_UPDATED, EventTypes.PROFILE_SOURCE, key));
        Events.publishEmployee(key, Events.employee("pavel", "Pavel", "Sales", "ACTIVE", 1));

        awaitEmployee("pavel", 1);
        List<ConsumerRecord<String, String>> dead = Events.topics().await(
                Topics.deadLetter(Topics.PROFILE, "notification"), r -> key.equals(r.key()), 1, EVENTUALLY);
        assertThat(TestTopics.header(dead.get(0), "ce_id")).isEqualTo(unreadable);
    }

    @Test
    void pagesWalkAllNotificationsNewestFirstWithoutGapsOrRepeats() {
        List<String> posts = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            PostPublished post = Events.post("hanna", "<p>update " + i + "</p>", EVERYONE, "pia");
            posts.add(post.postId());
            Events.publishPost(post);
        }
        await().atMost(EVENTUALLY).until(() -> unreadCount("pia") == 25);

        JsonPath first = list("pia", "");
        assertThat(first.getList("items")).as("default limit").hasSize(20);
        assertThat(first.getString("next")).isNotNull();

        List<Map<String, Object>> all = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = list("pia", "?limit=10" + (cursor == null ? "" : "&cursor=" + cursor));
            List<Map<String, Object>> items = page.getList("items");
            sizes.add(items.size());
            all.addAll(items);
            cursor = page.getString("next");
        } while (cursor != null && sizes.size() < 10);

        assertThat(sizes).containsExactly(10, 10, 5);
        assertThat(all).extracting(item -> (String) item.get("postId")).containsExactlyInAnyOrderElementsOf(posts);
        assertThat(new HashSet<>(all.stream().map(item -> item.get("id")).toList())).hasSize(25);
        Comparator<Map<String, Object>> newestFirst = Comparator
                .comparing((Map<String, Object> item) -> Instant.parse((String) item.get("createdAt")))
                .thenComparing(item -> (String) item.get("id")).reversed(); // PostgreSQL orders uuids as hex text
        assertThat(all).isSortedAccordingTo(newestFirst);

        // the unread filter pages the same way
        String firstId = (String) all.get(0).get("id");
        given().auth().oauth2(token("pia")).post("/api/notifications/" + firstId + "/read").then().statusCode(204);
        JsonPath unread = list("pia", "?unread=true&limit=20");
        assertThat(unread.getList("items")).hasSize(20);
        JsonPath rest = list("pia", "?unread=true&limit=20&cursor=" + unread.getString("next"));
        assertThat(rest.getList("items")).hasSize(4);
        assertThat(rest.getString("next")).isNull();
    }

    @Test
    void badListParametersGetAProblemNotAServerError() {
        String token = token("vic");
        for (String query : new String[] {"?limit=0", "?limit=101", "?limit=ten", "?limit=-5"}) {
            given().auth().oauth2(token).get("/api/notifications" + query)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString("limit"));
        }
        for (String cursor : new String[] {"garbage!!", "aGVsbG8", "A".repeat(300)}) {
            given().auth().oauth2(token).queryParam("cursor", cursor).get("/api/notifications")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString("cursor"));
        }
        given().auth().oauth2(token).get("/api/notifications?unread=maybe")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("unread"));
        given().auth().oauth2(token).get("/api/notifications?limit=100")
                .then().statusCode(200).body("items", hasSize(0)).body("next", nullValue());
    }

    /** Stores a notification about a post of {@code authorId} whose audience is {@code audience}. */
    private String storeNotification(String recipient, String authorId, String audience) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                INSERT INTO notifications (id, recipient_id, type, actor_id, actor_name, post_id, author_id,
                                           group_id, text, audience, created_at, group_key)
                VALUES (:id, :recipient, 'COMMENT', 'x', 'X', :post, :author, 'left-group', 'X commented',
                        CAST(:audience AS text[]), now(), 'comment:post:' || :post)""")
                .setParameter("id", id).setParameter("recipient", Events.id(recipient))
                .setParameter("post", UUID.randomUUID().toString()).setParameter("author", authorId)
                .setParameter("audience", "{" + audience + "}").executeUpdate());
        return id.toString();
    }

    @Test
    void anAuthorAlwaysSeesNotificationsAboutTheirOwnPostAndNobodyElsesOutsideTheAudience() {
        // oskar is in no group: a post in "left-group" is outside his principals
        String aboutHisPost = storeNotification("oskar", Events.id("oskar"), "group:left-group");
        String aboutAnothers = storeNotification("oskar", Events.id("someone-else"), "group:left-group");
        List<String> listed = list("oskar", "?limit=100").getList("items.id");
        assertThat(listed).contains(aboutHisPost).doesNotContain(aboutAnothers);
        assertThat(unreadCount("oskar")).isEqualTo(1);
    }

    @Test
    void everyNotificationEndpointNeedsAnEmployeesToken() {
        Denials.assertEmployeeOnly("GET", "/api/notifications");
        Denials.assertEmployeeOnly("GET", "/api/notifications/unread-count");
        Denials.assertEmployeeOnly("GET", "/api/notifications/me/export");
        Denials.assertEmployeeOnly("POST", "/api/notifications/read-all");
        Denials.assertEmployeeOnly("POST", "/api/notifications/" + UUID.randomUUID() + "/read");
        Denials.assertEmployeeOnly("GET", "/api/notifications/stream");
    }

    @Test
    void healthMetricsAndOpenApiNeedNoToken() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("intranet_notifications"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/notifications/unread-count"))
                .body(containsString("/api/notifications/stream"));
        given().auth().oauth2(token("wendy")).get("/api/notifications/unread-count")
                .then().statusCode(200).body("count", notNullValue());
    }
}
