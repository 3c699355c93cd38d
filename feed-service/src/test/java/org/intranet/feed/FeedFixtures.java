package org.intranet.feed;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.intranet.feed.FeedTestSupport.token;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.kit.store.Sql;
import org.intranet.testsupport.oidc.TestTokens;

import io.restassured.http.ContentType;

/** People, groups and posts for feed tests, made through the real API (and the read-copy, as profile would). */
@ApplicationScoped
public class FeedFixtures {
    private final Sql sql;

    FeedFixtures(Sql sql) {
        this.sql = sql;
    }

    /** An active employee in feed's read-copy, as a profile event would leave it; returns their id. */
    public String employee(String username) {
        return employee(username, "Engineering");
    }

    /** An active employee of {@code department} in feed's read-copy; returns their id. */
    public String employee(String username, String department) {
        String id = TestTokens.stableId(username);
        sql.update("""
                INSERT INTO employees (id, username, display_name, department, location, status, version)
                VALUES (?, ?, ?, ?, 'Paris', 'ACTIVE', 0) ON CONFLICT (id) DO NOTHING""",
                id, username, username + " Test", department);
        return id;
    }

    /** The employee moved to another department, as their profile's next snapshot would say. */
    public void moveTo(String username, String department) {
        sql.update("UPDATE employees SET department = ?, version = version + 1 WHERE id = ?", department,
                TestTokens.stableId(username));
    }

    /** The employee left the company, as their profile's snapshot would say. */
    public void leave(String username) {
        sql.update("UPDATE employees SET status = 'LEFT' WHERE id = ?", TestTokens.stableId(username));
    }

    /** Posts stored with this author, deleted or not. */
    public int postsBy(String username) {
        return sql.one("SELECT count(*) FROM posts WHERE author_id = ?", rs -> rs.getInt(1),
                TestTokens.stableId(username)).orElseThrow();
    }

    public String publish(String author, String body) {
        return publish(author, body, null);
    }

    public String publish(String author, String body, String groupId) {
        return given().auth().oauth2(token(author)).contentType(ContentType.JSON)
                .body(groupId == null ? "{\"kind\":\"UPDATE\",\"body\":\"" + body + "\"}"
                        : "{\"kind\":\"UPDATE\",\"body\":\"" + body + "\",\"groupId\":\"" + groupId + "\"}")
                .post("/api/posts").then().statusCode(201).extract().path("id");
    }

    public String group(String owner, String name, String visibility) {
        employee(owner);
        return given().auth().oauth2(token(owner)).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"visibility\":\"" + visibility + "\"}")
                .post("/api/groups").then().statusCode(201).extract().path("id");
    }

    /** {@code by} adds {@code who} (or {@code who} joins, when they are the same). */
    public void addMember(String by, String groupId, String who) {
        employee(who);
        given().auth().oauth2(token(by)).put("/api/groups/" + groupId + "/members/" + TestTokens.stableId(who))
                .then().statusCode(200);
    }

    public List<String> home(String user) {
        return given().auth().oauth2(token(user)).queryParam("limit", 100).get("/api/feed/home")
                .then().statusCode(200).extract().path("items.id");
    }

    /** Waits until the home feed satisfies the condition (fan-out is asynchronous, from the event stream). */
    public void awaitHome(String user, Predicate<List<String>> condition) {
        await().atMost(Duration.ofSeconds(20)).until(() -> home(user), condition::test);
    }

    public int timelineEntries(String user) {
        return sql.one("SELECT count(*) FROM timelines WHERE owner_id = ?", rs -> rs.getInt(1),
                TestTokens.stableId(user)).orElseThrow();
    }
}
