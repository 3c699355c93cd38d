package org.intranet.notification.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.ConfigProvider;
import org.intranet.contracts.AnnouncementPublished;
import org.intranet.contracts.EventTypes;
import org.intranet.contracts.PostPublished;
import org.intranet.kit.readcopy.EmployeeCopies;
import org.intranet.notification.domain.Digests;
import org.intranet.notification.domain.MustReadReminders;
import org.intranet.testsupport.oidc.TestTokens;
import org.intranet.testsupport.quarkus.KafkaResource;
import org.intranet.testsupport.quarkus.OidcResource;
import org.intranet.testsupport.quarkus.PostgresResource;
import org.intranet.testsupport.quarkus.SmtpControl;
import org.intranet.testsupport.quarkus.SmtpResource;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** E-mail through a real SMTP server (GreenMail): immediate, quiet hours, digests, reminders, unsubscribe, outages. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = SmtpResource.class, scope = TestResourceScope.GLOBAL)
class EmailTest {
    private static final Duration EVENTUALLY = Duration.ofSeconds(30);
    private static final List<String> EVERYONE = List.of("all");

    @Inject
    EntityManager entityManager;
    @Inject
    EmployeeCopies employees;
    @Inject
    Digests digests;
    @Inject
    MustReadReminders reminders;

    /** A received message, parsed. */
    record Received(String to, String subject, String listUnsubscribe, String oneClick, String text, String html) {
    }

    private static String token(String user) {
        return TestTokens.user(user).roles("employee").sign();
    }

    /** An employee with an address ({@code <username>@example.com}), known to the read-copy. */
    private String employee(String name, String department) {
        String username = name.split(" ")[0].toLowerCase(java.util.Locale.ROOT) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        Events.publishEmployee(Events.employee(username, name, department, "ACTIVE", 1));
        await().atMost(EVENTUALLY).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> employees.find(Events.id(username))).isPresent());
        return username;
    }

    private static List<Received> mailTo(String username) throws Exception {
        List<Received> mine = new ArrayList<>();
        for (String raw : SmtpControl.received()) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
            String to = message.getRecipients(jakarta.mail.Message.RecipientType.TO)[0].toString();
            if (!to.equals(username + "@example.com")) {
                continue;
            }
            String text = null;
            String html = null;
            Multipart parts = (Multipart) message.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    text = (String) part.getContent();
                } else if (part.isMimeType("text/html")) {
                    html = (String) part.getContent();
                }
            }
            mine.add(new Received(to, message.getSubject(), message.getHeader("List-Unsubscribe", null),
                    message.getHeader("List-Unsubscribe-Post", null), text, html));
        }
        return mine;
    }

    private static List<Received> awaitMail(String username, int count) {
        await().atMost(EVENTUALLY).until(() -> mailTo(username).size() >= count);
        try {
            return mailTo(username);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = entityManager.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    /** The path and query of the link in {@code <…>}, to call on the test's port. */
    private static String pathOf(String listUnsubscribe) {
        URI uri = URI.create(listUnsubscribe.substring(1, listUnsubscribe.length() - 1));
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    private static void putPreferences(String user, Map<String, Object> preferences) {
        given().auth().oauth2(token(user)).contentType("application/json").body(preferences)
                .put("/api/notification-preferences").then().statusCode(200);
    }

    @Test
    void aMentionIsEmailedWithAOneClickUnsubscribeThatStopsThatTypeOnly() throws Exception {
        String mel = employee("Mel Mailer", "Ops");
        PostPublished post = Events.post("author", "<p>Hi <b>@mel</b> &amp; welcome</p>", EVERYONE, mel);
        Events.publishPost(post);
        Received mention = awaitMail(mel, 1).get(0);
        assertThat(mention.subject()).isEqualTo("Someone mentioned you: Hi @mel & welcome");
        assertThat(mention.text()).contains("Hello Mel Mailer,", "Someone mentioned you: Hi @mel & welcome",
                "http://127.0.0.1:3000/posts/" + post.postId());
        assertThat(mention.html()).contains("Someone mentioned you: Hi @mel &amp; welcome")
                .contains("href=\"http://127.0.0.1:3000/posts/" + post.postId() + "\"");
        assertThat(mention.listUnsubscribe()).startsWith("<http").contains("/api/notifications/unsubscribe?token=");
        assertThat(mention.oneClick()).isEqualTo("List-Unsubscribe=One-Click");

        given().accept("text/html").get(pathOf(mention.listUnsubscribe())).then().statusCode(200)
                .body(containsString("no more e-mails about mention notifications"));
        given().auth().oauth2(token(mel)).get("/api/notification-preferences").then()
                .body("channels.MENTION.email", equalTo(false)).body("channels.MENTION.inApp", equalTo(true))
                .body("channels.RECOGNITION.email", equalTo(true));

        // after that: a mention is not e-mailed, a recognition (e-mailed by default) is; one key keeps the order
        String key = "mail-" + UUID.randomUUID();
        PostPublished second = Events.post("author", "<p>Again @mel</p>", EVERYONE, mel);
        Events.publishPost(key, UUID.randomUUID().toString(), second);
        PostPublished kudos = Events.recognitionPost("author", null, EVERYONE, "Own it", mel);
        Events.publishPost(key, UUID.randomUUID().toString(), kudos);
        Events.feed(EventTypes.RECOGNITION_GIVEN, key, Events.recognition(kudos, "Own it", mel));
        List<Received> all = awaitMail(mel, 2);
        assertThat(all).extracting(Received::subject).containsExactly("Someone mentioned you: Hi @mel & welcome",
                "Someone recognised you for Own it: Thank you!");
        await().atMost(EVENTUALLY).until(() -> count("SELECT count(*) FROM emails WHERE recipient_id = ?1 "
                + "AND outcome IS NULL", Events.id(mel)) == 0);
        assertThat(mailTo(mel)).hasSize(2);
    }

    @Test
    void forgedOrExpiredUnsubscribeLinksAre400AndChangeNothing() {
        String user = "unsub-" + UUID.randomUUID();
        String valid = sign(Events.id(user) + "\nDIGEST\n" + Instant.now().plusSeconds(3600).getEpochSecond());
        String expired = sign(Events.id(user) + "\nDIGEST\n" + Instant.now().minusSeconds(60).getEpochSecond());
        String altered = valid.substring(0, 5) + (valid.charAt(5) == 'A' ? 'B' : 'A') + valid.substring(6);
        for (String bad : List.of(expired, altered, "garbage", "a.b", "")) {
            given().queryParam("token", bad).get("/api/notifications/unsubscribe").then().statusCode(400)
                    .contentType("application/problem+json").body("detail", containsString("not valid"));
        }
        given().post("/api/notifications/unsubscribe").then().statusCode(400);
        given().auth().oauth2(token(user)).get("/api/notification-preferences").then()
                .body("digest", equalTo("WEEKLY"));
        // the same signature over the real payload works, by the RFC 8058 POST a mail client sends
        given().queryParam("token", valid).contentType("application/x-www-form-urlencoded")
                .formParam("List-Unsubscribe", "One-Click").post("/api/notifications/unsubscribe").then()
                .statusCode(200).body("stopped", equalTo("DIGEST"));
        given().auth().oauth2(token(user)).get("/api/notification-preferences").then().body("digest", equalTo("OFF"));
    }

    private static String sign(String payload) {
        try {
            String secret = ConfigProvider.getConfig().getValue("intranet.notification.email.unsubscribe-secret",
                    String.class);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
            return b64.encodeToString(bytes) + "." + b64.encodeToString(mac.doFinal(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void whileTheSmtpServerIsDownMailWaitsAndGoesOutOnceItIsBack() throws Exception {
        String sam = employee("Sam Outage", "Ops");
        SmtpControl.stopSmtp();
        try {
            PostPublished post = Events.post("author", "<p>Ping @sam</p>", EVERYONE, sam);
            Events.publishPost(post);
            await().atMost(EVENTUALLY).until(() -> count("SELECT count(*) FROM emails WHERE recipient_id = ?1 "
                    + "AND attempts >= 2 AND outcome IS NULL", Events.id(sam)) == 1);
            assertThat(given().auth().oauth2(token(sam)).get("/api/notifications").then().statusCode(200).extract()
                    .jsonPath().getList("items.postId")).as("in the app all along").containsExactly(post.postId());
            assertThat(mailTo(sam)).isEmpty();
        } finally {
            SmtpControl.restartSmtp();
        }
        awaitMail(sam, 1);
        await().atMost(EVENTUALLY).until(() -> count("SELECT count(*) FROM emails WHERE recipient_id = ?1 "
                + "AND outcome = 'SENT'", Events.id(sam)) == 1);
        assertThat(mailTo(sam)).as("sent once").hasSize(1);
    }

    @Test
    void quietHoursHoldEmailUntilTheyEndInThePersonsZone() {
        String quiet = employee("Quinn Quiet", "Ops");
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.ofHours(5)).truncatedTo(ChronoUnit.MINUTES);
        LocalTime from = now.minusHours(1).toLocalTime();
        LocalTime to = now.plusHours(1).toLocalTime();
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        putPreferences(quiet, Map.of("timeZone", "Asia/Karachi", "quietHours",
                Map.of("from", hhmm.format(from), "to", hhmm.format(to))));
        Events.publishPost(Events.post("author", "<p>Late @q</p>", EVERYONE, quiet));
        await().atMost(EVENTUALLY).until(() -> count("SELECT count(*) FROM emails WHERE recipient_id = ?1",
                Events.id(quiet)) == 1);
        Instant due = QuarkusTransaction.requiringNew().call(() -> (Instant) entityManager
                .createNativeQuery("SELECT due_at FROM emails WHERE recipient_id = ?1")
                .setParameter(1, Events.id(quiet)).getSingleResult());
        ZonedDateTime end = now.with(to);
        assertThat(due).isEqualTo((end.isAfter(now) ? end : end.plusDays(1)).toInstant());
        assertThat(count("SELECT count(*) FROM emails WHERE recipient_id = ?1 AND outcome IS NULL",
                Events.id(quiet))).as("waiting").isEqualTo(1);
    }

    @Test
    void aDailyDigestListsWhatIsStillUnreadOnce() throws Exception {
        String dina = employee("Dina Digest", "Ops");
        putPreferences(dina, Map.of("digest", "DAILY", "channels", Map.of("MENTION", Map.of("email", false))));
        String key = "digest-" + UUID.randomUUID();
        PostPublished read = Events.post("author", "<p>Old news @d</p>", EVERYONE, dina);
        PostPublished unread = Events.post("author", "<p>Fresh news @d</p>", EVERYONE, dina);
        Events.publishPost(key, UUID.randomUUID().toString(), read);
        Events.publishPost(key, UUID.randomUUID().toString(), unread);
        await().atMost(EVENTUALLY).until(() -> given().auth().oauth2(token(dina)).get("/api/notifications")
                .then().extract().jsonPath().getList("items").size() == 2);
        String readId = given().auth().oauth2(token(dina)).get("/api/notifications").then().extract().jsonPath()
                .getString("items.find { it.postId == '" + read.postId() + "' }.id");
        given().auth().oauth2(token(dina)).post("/api/notifications/" + readId + "/read").then().statusCode(204);

        Instant now = Instant.now();
        digests.run(now.minus(Duration.ofDays(1)));
        assertThat(count("SELECT count(*) FROM emails WHERE recipient_id = ?1 AND kind = 'DIGEST'",
                Events.id(dina))).as("a first period is only noted").isZero();
        digests.run(now);
        digests.run(now); // the same period again: claimed already
        Received digest = awaitMail(dina, 1).get(0);
        assertThat(digest.subject()).isEqualTo("Your intranet digest: 1 unread notification");
        assertThat(digest.text()).contains("Someone mentioned you: Fresh news @d").doesNotContain("Old news");
        assertThat(digest.html()).contains("/posts/" + unread.postId());
        assertThat(digest.listUnsubscribe()).contains("token=");
        assertThat(count("SELECT count(*) FROM emails WHERE recipient_id = ?1 AND kind = 'DIGEST'",
                Events.id(dina))).isEqualTo(1);
    }

    @Test
    void anUnacknowledgedMustReadComesBackInTheAppThenByEmailOnce() throws Exception {
        String team = "Team-" + UUID.randomUUID();
        String reader = employee("Rae Reader", team);
        String acker = employee("Ack Acker", team);
        Instant now = Instant.now();
        AnnouncementPublished dayOld = published(team, now.minus(Duration.ofHours(25)));
        Events.publishAcknowledged(dayOld, acker);
        await().atMost(EVENTUALLY).until(() -> count("SELECT count(*) FROM acknowledgements WHERE post_id = ?1",
                dayOld.postId()) == 1);
        String id = given().auth().oauth2(token(reader)).get("/api/notifications").then().extract().jsonPath()
                .getString("items[0].id");
        given().auth().oauth2(token(reader)).post("/api/notifications/" + id + "/read").then().statusCode(204);

        reminders.run(Instant.now());
        reminders.run(Instant.now()); // given already: nothing more
        Map<String, Object> reminded = given().auth().oauth2(token(reader)).get("/api/notifications").then()
                .extract().jsonPath().getMap("items[0]");
        assertThat(reminded).containsEntry("id", id).containsEntry("read", false).containsEntry("mustRead", true);
        assertThat((String) reminded.get("text")).startsWith("Reminder: Must read from Someone");
        Received email = awaitMail(reader, 1).get(0);
        assertThat(email.subject()).startsWith("Please read and acknowledge: Reminder: Must read from Someone");
        assertThat(email.text()).contains("This announcement is a must-read", "Office closed on Friday",
                "/posts/" + dayOld.postId());
        assertThat(given().auth().oauth2(token(acker)).get("/api/notifications").then().extract().jsonPath()
                .getList("items")).as("who acknowledged is not reminded").isEmpty();

        // five hours old: back on top in the app, not e-mailed yet
        AnnouncementPublished recent = published(team, now.minus(Duration.ofHours(5)));
        await().atMost(EVENTUALLY).until(() -> count("SELECT count(*) FROM broadcasts WHERE post_id = ?1",
                recent.postId()) == 1);
        reminders.run(Instant.now());
        assertThat(count("SELECT count(*) FROM reminders WHERE employee_id = ?1", Events.id(reader)))
                .as("day-old: in the app and by e-mail; recent: in the app").isEqualTo(3);
        assertThat(count("SELECT count(*) FROM reminders WHERE employee_id = ?1 AND post_id = ?2", Events.id(acker),
                dayOld.postId())).as("acknowledged: never reminded").isZero();
        await().atMost(EVENTUALLY).until(() -> count("SELECT count(*) FROM emails WHERE recipient_id = ?1 "
                + "AND outcome IS NULL", Events.id(reader)) == 0);
        assertThat(mailTo(reader)).as("e-mailed once").hasSize(1);
        assertThat(mailTo(acker)).isEmpty();
    }

    private static AnnouncementPublished published(String department, Instant at) {
        AnnouncementPublished a = Events.announcement("hr-" + UUID.randomUUID(), List.of("dept:" + department), true,
                null);
        AnnouncementPublished dated = new AnnouncementPublished(a.postId(), a.authorId(), a.audience(), true, null,
                null, a.body(), at);
        Events.feed(EventTypes.ANNOUNCEMENT_PUBLISHED, a.postId(), dated);
        return dated;
    }
}
