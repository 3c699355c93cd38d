package org.intranet.search.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.intranet.search.api.SearchFixtures.INDEXED;
import static org.intranet.search.api.SearchFixtures.announced;
import static org.intranet.search.api.SearchFixtures.as;
import static org.intranet.search.api.SearchFixtures.assertNoHit;
import static org.intranet.search.api.SearchFixtures.awaitHit;
import static org.intranet.search.api.SearchFixtures.awaitNoHit;
import static org.intranet.search.api.SearchFixtures.cap;
import static org.intranet.search.api.SearchFixtures.comment;
import static org.intranet.search.api.SearchFixtures.employee;
import static org.intranet.search.api.SearchFixtures.group;
import static org.intranet.search.api.SearchFixtures.membership;
import static org.intranet.search.api.SearchFixtures.publish;
import static org.intranet.search.api.SearchFixtures.search;
import static org.intranet.search.api.SearchFixtures.sendFeedEvent;
import static org.intranet.search.api.SearchFixtures.suggest;
import static org.intranet.search.api.SearchFixtures.unique;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.intranet.contracts.EventTypes;
import org.intranet.testsupport.oidc.TestTokens;
import org.intranet.testsupport.quarkus.KafkaResource;
import org.intranet.testsupport.quarkus.OidcResource;
import org.intranet.testsupport.quarkus.OpenSearchResource;
import org.intranet.testsupport.quarkus.PostgresResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** What people type and what they find: comments, announcements, groups, typos, phrases, facets, ranking. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OpenSearchResource.class, scope = TestResourceScope.GLOBAL)
class SearchCapabilitiesTest {

    @Test
    void aPostIsFoundByItsCommentsAndTheHitIsThePostForWhoeverMaySeeThePost() {
        String word = unique();
        String author = employee("carla" + word, "Carla " + cap(word), "Sales", "Paris", "ACTIVE", 1);
        String post = publish(author, "<p>Team lunch " + word + "</p>", List.of("all"), List.of(), "UPDATE", null,
                Instant.now());
        String comment = UUID.randomUUID().toString();
        comment(EventTypes.COMMENT_ADDED, post, comment, author, "<p>Where is the ferryboat" + word + "?</p>",
                List.of("all"));

        JsonPath found = awaitHit(as("bob", "Sales"), "ferryboat" + word, post);
        assertThat(found.getList("items.type")).containsOnly("post");
        assertThat(found.getString("items[0].highlights.comments[0]")).contains("<em>ferryboat" + word + "</em>");

        comment(EventTypes.COMMENT_EDITED, post, comment, author, "<p>By the lighthouse" + word + "</p>",
                List.of("all"));
        awaitHit(as("bob", "Sales"), "lighthouse" + word, post);
        assertNoHit(as("bob", "Sales"), "ferryboat" + word, post);
        comment(EventTypes.COMMENT_DELETED, post, comment, author, "<p>By the lighthouse" + word + "</p>",
                List.of("all"));
        awaitNoHit(as("bob", "Sales"), "lighthouse" + word, post);
        assertThat(search(as("bob", "Sales"), "lunch " + word).getList("items.id")).containsExactly(post);

        // a comment in a private group is found by members only, as its post is
        String groupId = "g" + word;
        membership(EventTypes.MEMBER_ADDED, groupId, "carla" + word);
        String secret = publish(author, "<p>Private plans " + word + "</p>", List.of("group:" + groupId),
                List.of(), "UPDATE", groupId, Instant.now());
        comment(EventTypes.COMMENT_ADDED, secret, UUID.randomUUID().toString(), author,
                "<p>Hidden harbour" + word + "</p>", List.of("group:" + groupId));
        awaitHit(as("carla" + word, "Sales"), "harbour" + word, secret);
        assertNoHit(as("bob", "Sales"), "harbour" + word, secret);
    }

    @Test
    void wordsForgiveTyposTheLastWordMayBeUnfinishedPhrasesAndExclusionsAreHonoured() {
        String word = unique();
        String author = TestTokens.stableId("typist");
        String report = publish(author, "Please send the quarterly kubernetes expense report " + word, List.of("all"),
                List.of(), "UPDATE", null, Instant.now());
        String policy = publish(author, "A report on the expense policy " + word + ", cat pictures", List.of("all"),
                List.of(), "UPDATE", null, Instant.now());
        awaitHit(as("bob", "Sales"), word, policy);
        awaitHit(as("bob", "Sales"), word, report);

        JsonPath typo = search(as("bob", "Sales"), word + " quartelry");
        assertThat(typo.getList("items.id")).as("two letters swapped in a long word").containsExactly(report);
        assertThat(typo.getBoolean("typosForgiven")).isTrue();
        assertThat(search(as("bob", "Sales"), word + " quarterly").getBoolean("typosForgiven")).isFalse();
        assertThat(ids(word + " kube")).as("an unfinished last word").containsExactly(report);
        assertThat(ids(word + " kube ")).as("a finished word is not a prefix").isEmpty();
        assertThat(ids(word + " car")).as("no typo allowed in a short word").isEmpty();
        assertThat(ids(word + " \"expense report\"")).containsExactly(report);
        assertThat(ids(word + " \"report expense\"")).isEmpty();
        assertThat(ids(word + " expense -policy")).containsExactly(report);
    }

    @Test
    void engineSyntaxIsSearchedAsTextOrRefusedAndUnknownFiltersAreRefused() {
        for (String text : List.of("title:/.*/", "\"unbalanced (quote", "a AND (b OR", "name~2 x^5 [a TO z]")) {
            as("bob", "Sales").queryParam("q", text).get("/api/search").then().statusCode(200);
        }
        for (String text : List.of("*:*", "((( )))", "-only")) {
            as("bob", "Sales").queryParam("q", text).get("/api/search")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString("word"))
                    .body("detail", not(containsString("xception")));
        }
        as("bob", "Sales").queryParam("q", "x").queryParam("colour", "red").get("/api/search")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("colour"));
        as("bob", "Sales").queryParam("q", "x").queryParam("department", "Sales").get("/api/search/suggest")
                .then().statusCode(400).body("detail", containsString("department"));
        as("bob", "Sales").queryParam("q", "x".repeat(201)).get("/api/search")
                .then().statusCode(400).contentType("application/problem+json");
        as("bob", "Sales").queryParam("q", "x").queryParam("from", "yesterday").get("/api/search")
                .then().statusCode(400).body("detail", containsString("from"));
    }

    /**
     * The permission leak test: a private group's post, an announcement for another department, and a post edited
     * before it was ever published (a scheduled one) leave no trace for those outside their audience: no hit, no
     * facet count, no topic, no group suggestion.
     */
    @Test
    void whatTheCallerMayNotSeeLeavesNoTraceInHitsFacetsOrSuggestions() {
        String word = unique();
        String dana = employee("dana" + word, "Dana " + cap(word), "Marketing", "Lyon", "ACTIVE", 1);
        awaitHit(as("bob", "Sales").queryParam("type", "people"), "dana " + word, dana);
        String groupId = "g" + word;
        group(groupId, "Garden" + word, "PRIVATE", 1);
        String openGroup = "o" + word;
        group(openGroup, "Garden" + word + " Club", "PUBLIC", 1);
        membership(EventTypes.MEMBER_ADDED, groupId, "dana" + word);
        String open = publish(dana, "Visible " + word, List.of("all"), List.of(word + "pub"), "UPDATE", null,
                Instant.now());
        String secret = publish(dana, "Members only " + word, List.of("group:" + groupId), List.of(word + "priv"),
                "UPDATE", groupId, Instant.now());
        String finance = publish(dana, "Finance only " + word, List.of("dept:Finance"), List.of(word + "fin"),
                "ANNOUNCEMENT", null, Instant.now());
        announced(finance, dana, List.of("dept:Finance"), true, null);
        String scheduled = UUID.randomUUID().toString();
        Map<String, Object> edit = new LinkedHashMap<>();
        edit.put("postId", scheduled);
        edit.put("authorId", dana);
        edit.put("kind", "ANNOUNCEMENT");
        edit.put("body", "Not yet published " + word);
        edit.put("audience", List.of("user:" + dana));
        edit.put("hashtags", List.of(word + "soon"));
        edit.put("revision", 2);
        sendFeedEvent(scheduled, EventTypes.POST_EDITED, edit);
        String marker = publish(dana, "Marker " + word, List.of("all"), List.of(), "UPDATE", null, Instant.now());

        awaitHit(as("dana" + word, "Marketing"), "members " + word, secret);
        awaitHit(as("fiona" + word, "Finance"), "finance " + word, finance);
        awaitHit(as("bob", "Sales"), "marker " + word, marker);
        await().atMost(INDEXED).untilAsserted(() ->
                assertThat(suggest(as("dana" + word, "Marketing"), "garden" + word).getList("groups.id"))
                        .contains(groupId, openGroup));

        JsonPath bob = search(as("bob", "Sales").queryParam("type", "posts"), word);
        assertThat(bob.getList("items.id")).containsExactlyInAnyOrder(open, marker);
        assertThat(bob.getInt("total")).isEqualTo(2);
        assertThat(bob.getMap("facets.tags")).containsOnlyKeys(word + "pub");
        assertThat(bob.getMap("facets.kind")).containsOnlyKeys("UPDATE");
        assertThat(bob.getMap("facets.group")).isEmpty();
        assertThat(bob.getMap("facets.author")).containsEntry(dana, 2);
        assertThat(bob.getMap("facetLabels.author")).containsEntry(dana, "Dana " + cap(word));
        assertThat(bob.getInt("facets.department.Marketing")).isEqualTo(2);
        assertThat(bob.getInt("facets.location.Lyon")).isEqualTo(2);
        assertThat(bob.getInt("facets.date.day")).isEqualTo(2);
        // with people: dana herself, counted once more in her department and location
        JsonPath all = search(as("bob", "Sales"), word);
        assertThat(all.getList("items.id")).containsExactlyInAnyOrder(open, marker, dana);
        assertThat(all.getInt("facets.department.Marketing")).isEqualTo(3);
        JsonPath bobSuggests = suggest(as("bob", "Sales"), word);
        assertThat(bobSuggests.getList("topics.tag")).containsExactly(word + "pub");
        assertThat(suggest(as("bob", "Sales"), "garden" + word).getList("groups.id")).containsExactly(openGroup);

        JsonPath member = search(as("dana" + word, "Marketing").queryParam("type", "posts"), word);
        assertThat(member.getList("items.id")).as("her own posts, whatever their audience").contains(secret, finance)
                .doesNotContain(scheduled);
        assertThat(member.getMap("facets.group")).containsOnlyKeys(groupId);
        assertThat(member.getMap("facetLabels.group")).containsEntry(groupId, "Garden" + word);
        JsonPath fiona = search(as("fiona" + word, "Finance").queryParam("type", "posts"), word);
        assertThat(fiona.getList("items.id")).contains(finance).doesNotContain(secret);
        assertThat(fiona.getBoolean("items.find { it.id == '" + finance + "' }.mustRead")).isTrue();
        assertThat(suggest(as("fiona" + word, "Finance"), word).getList("topics.tag"))
                .containsExactlyInAnyOrder(word + "pub", word + "fin");
        // the scheduled post's edit indexed nothing, not even for its author
        assertThat(search(as("dana" + word, "Marketing"), "published " + word).getList("items")).isEmpty();
    }

    @Test
    void postsIndexedBeforeTheirAuthorsProfileTakeTheirNameDepartmentAndLocationWhenItArrives() {
        String word = unique();
        String username = "late" + word;
        String post = publish(TestTokens.stableId(username), "Early bird " + word, List.of("all"), List.of(),
                "UPDATE", null, Instant.now());
        awaitHit(as("bob", "Sales"), word, post);
        assertThat(search(as("bob", "Sales").queryParam("department", "Legal"), word).getList("items")).isEmpty();

        employee(username, "Lea " + cap(word), "Legal", "Oslo", "ACTIVE", 1);
        awaitHit(as("bob", "Sales").queryParam("department", "Legal").queryParam("type", "posts"), word, post);
        awaitHit(as("bob", "Sales").queryParam("location", "Oslo").queryParam("type", "posts"), word, post);
        awaitHit(as("bob", "Sales").queryParam("type", "posts"), "lea " + word, post);
        String id = TestTokens.stableId(username);
        await().atMost(INDEXED).untilAsserted(() -> assertThat(search(as("bob", "Sales").queryParam("type", "posts"),
                word).getMap("facetLabels.author")).containsEntry(id, "Lea " + cap(word)));
        employee(username, "Leandra " + cap(word), "Finance", "Oslo", "ACTIVE", 2);
        awaitHit(as("bob", "Sales").queryParam("department", "Finance").queryParam("type", "posts"), word, post);
        // the name was read (and kept) before the change; the profile event made this replica forget it
        await().atMost(INDEXED).untilAsserted(() -> assertThat(search(as("bob", "Sales").queryParam("type", "posts"),
                word).getMap("facetLabels.author")).containsEntry(id, "Leandra " + cap(word)));
    }

    @Test
    void anExpiredAnnouncementLeavesSearch() {
        String word = unique();
        String hr = TestTokens.stableId("hanna");
        String post = publish(hr, "Canteen closed " + word, List.of("all"), List.of(), "ANNOUNCEMENT", null,
                Instant.now());
        announced(post, hr, List.of("all"), false, Instant.now().plusSeconds(4));
        awaitHit(as("bob", "Sales"), word, post);
        // the expiry is evaluated at query time: no event marks it
        awaitNoHit(as("bob", "Sales"), word, post);
    }

    @Test
    void newerPostsComeFirstAmongEqualMatches() {
        String word = unique();
        String author = TestTokens.stableId("writer");
        String old = publish(author, "Roadmap " + word, List.of("all"), List.of(), "UPDATE", null,
                Instant.now().minus(Duration.ofDays(120)));
        String recent = publish(author, "Roadmap " + word, List.of("all"), List.of(), "UPDATE", null, Instant.now());
        awaitHit(as("bob", "Sales"), word, old);
        awaitHit(as("bob", "Sales"), word, recent);
        assertThat(ids(word)).containsExactly(recent, old);
    }

    @Test
    void peopleMatchingByNameComeFirstAndThoseWhoLeftLastMarkedFormerAndNeverSuggested() {
        String word = unique();
        String byName = employee("kafka" + word, "Kafka " + cap(word), "Sales", "Paris", "ACTIVE", 1);
        String bySkill = employee("ines" + word, "Ines " + cap(word), "Sales", "Paris", "ACTIVE", 1);
        String gone = employee("kafkagone" + word, "Kafka " + cap(word) + " Senior", "Sales", "Paris", "ACTIVE", 1);
        awaitHit(as("bob", "Sales").queryParam("type", "people"), word, gone);
        employee("kafkagone" + word, "Kafka " + cap(word) + " Senior", "Sales", "Paris", "LEFT", 2);

        await().atMost(INDEXED).untilAsserted(() -> {
            JsonPath people = search(as("bob", "Sales").queryParam("type", "people"), "kafka " + word);
            assertThat(people.getList("items.id")).as(people.prettify()).containsExactly(byName, bySkill, gone);
            assertThat(people.getBoolean("items[2].former")).isTrue();
            assertThat(people.getBoolean("items[0].former")).isFalse();
        });
        assertThat(suggest(as("bob", "Sales"), "kafka" + word).getList("people.id")).contains(byName)
                .doesNotContain(gone);
    }

    private static List<String> ids(String q) {
        return search(as("bob", "Sales"), q).getList("items.id");
    }
}
