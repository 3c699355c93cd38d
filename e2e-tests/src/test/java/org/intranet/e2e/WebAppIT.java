package org.intranet.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.intranet.e2e.Stack.as;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;

import io.restassured.http.ContentType;

/**
 * The web app in a real browser against the running stack, on the one origin ./intranet up serves
 * (http://127.0.0.1:8080): real Keycloak sign-in, then what people do in the morning. Screenshots of each screen
 * land in target/screenshots.
 */
class WebAppIT {
    private static final Duration EVENTUALLY = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(500);

    private static WebBrowser browser;
    private final List<Page> pages = new ArrayList<>();

    @BeforeAll
    static void startBrowser() {
        // CI installs Chromium (.ci/run); on a developer's machine without it the browser tests say so and skip
        if (WebBrowser.chromiumMissing() && !"true".equals(System.getenv("CI"))) {
            assumeFalse(true, "no " + WebBrowser.CHROMIUM + ": apt-get install chromium to run the browser tests");
        }
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        browser = new WebBrowser();
    }

    /** Each page as the test left it (what a failure looked like), then its person's context goes. */
    @AfterEach
    void closePages(TestInfo test) {
        for (int i = 0; i < pages.size(); i++) {
            WebBrowser.screenshot(pages.get(i), "last-" + test.getTestMethod().orElseThrow().getName() + "-" + i);
            pages.get(i).context().close();
        }
    }

    private Page person(String user, ColorScheme scheme) {
        Page page = browser.open(scheme);
        pages.add(page);
        WebBrowser.signIn(page, user);
        return page;
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aMentionReachesBobLiveInHisBellAndFeed() {
        String marker = marker();
        Page bob = person("bob", ColorScheme.LIGHT);
        assertThat(bob.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Account: Bob"))).isVisible();
        awaitSuggested("bob");
        // bob follows alice from her profile, so her posts reach his home feed
        String aliceId = as(Stack.token("alice"), Stack.PROFILE).get("/api/profiles/me").then().statusCode(200)
                .extract().path("id");
        bob.navigate("/people/" + aliceId);
        Locator follow = bob.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName(Pattern.compile("^(Follow|Unfollow)$")));
        assertThat(follow).isVisible();
        if (follow.textContent().trim().equals("Follow")) {
            follow.click();
        }
        assertThat(follow).hasText("Unfollow");
        WebBrowser.screenshot(bob, "profile");
        bob.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Home").setExact(true)).click();
        assertThat(bob.locator("main h1")).hasText("Home");
        Locator bell = bob.locator("a[aria-label^='Notifications,']");
        assertThat(bell).isVisible();
        int before = unread(bell);

        Page alice = person("alice", ColorScheme.LIGHT);
        Locator composer = alice.getByLabel("Write a post");
        composer.click();
        composer.pressSequentially("Morning @bo");
        Locator option = alice.getByRole(AriaRole.OPTION).filter(new Locator.FilterOptions().setHasText("Bob"));
        assertThat(option.first()).isVisible();
        composer.press("Enter");
        composer.pressSequentially("the release notes are ready " + marker);
        assertThat(composer).hasValue("Morning @bob the release notes are ready " + marker);
        WebBrowser.screenshot(alice, "composer-mention");
        alice.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post").setExact(true)).click();
        Locator mine = alice.locator("article.post").filter(new Locator.FilterOptions().setHasText(marker));
        assertThat(mine).isVisible();
        assertThat(mine.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("@bob"))).isVisible();
        WebBrowser.screenshot(alice, "home-feed");

        // bob's home is already open: the stream moves his bell and offers the new post without a reload
        assertThat(bell).hasAttribute("aria-label", "Notifications, " + (before + 1) + " unread");
        Locator showNew = bob.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New posts: show them"));
        // the post must first reach bob's timeline (a consumer), which after a restart can take longer than the stream
        assertThat(showNew).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                .setTimeout(EVENTUALLY.toMillis()));
        WebBrowser.screenshot(bob, "bell-live");
        showNew.click();
        assertThat(bob.locator("article.post").filter(new Locator.FilterOptions().setHasText(marker))).isVisible();
        bell.click();
        assertThat(bob.getByText(marker).first()).isVisible();
        WebBrowser.screenshot(bob, "notifications");
    }

    @Test
    void hannahSeesReachMoveWhenAMemberAcknowledgesHerMustRead() {
        String marker = marker();
        Page bob = person("bob", ColorScheme.LIGHT);  // bob (Sales) exists before the audience is counted
        awaitSuggested("bob");

        Page hannah = person("hannah", ColorScheme.LIGHT);
        hannah.navigate("/announcements/new");
        hannah.getByLabel("Announcement").fill("New travel policy from Monday: read and acknowledge " + marker);
        hannah.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Departments"))
                .getByLabel("Sales", new Locator.GetByLabelOptions().setExact(true)).check();
        hannah.getByLabel("Must read").check();
        WebBrowser.screenshot(hannah, "announcement-compose");
        hannah.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish").setExact(true)).click();
        hannah.waitForURL("**/announcements/*/reach");
        Locator acknowledged = hannah.getByTestId("reach-acknowledged");
        assertThat(acknowledged).hasText("0");
        assertThat(hannah.getByTestId("reach-audience")).not().hasText("0");

        bob.navigate("/announcements");
        Locator announcement = bob.locator("article.announcement").filter(new Locator.FilterOptions().setHasText(marker));
        assertThat(announcement).isVisible();
        WebBrowser.screenshot(bob, "announcements");
        announcement.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Acknowledge")).click();
        assertThat(announcement.getByText("Acknowledged")).isVisible();

        await().atMost(EVENTUALLY).pollInterval(POLL).untilAsserted(() -> {
            hannah.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Refresh")).click();
            assertThat(acknowledged).hasText("1", new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions()
                    .setTimeout(2_000));
        });
        WebBrowser.screenshot(hannah, "announcement-reach");
    }

    @Test
    void aNonMemberNeverSeesAPrivateGroupsPost() {
        String marker = marker();
        String hannahToken = Stack.token("hannah");
        String group = as(hannahToken, Stack.FEED).contentType(ContentType.JSON)
                .body(Map.of("name", "Board prep " + marker, "visibility", "PRIVATE"))
                .post("/api/groups").then().statusCode(201).extract().path("id");
        String secret = as(hannahToken, Stack.FEED).contentType(ContentType.JSON)
                .body(Map.of("kind", "UPDATE", "body", "Confidential numbers " + marker, "groupId", group))
                .post("/api/posts").then().statusCode(201).extract().path("id");
        // the member finds it through search, so it is indexed: the non-member's empty result is the rule, not lag
        await().atMost(EVENTUALLY).pollInterval(POLL).untilAsserted(() ->
                as(hannahToken, Stack.SEARCH).queryParam("q", marker).get("/api/search").then().statusCode(200)
                        .body("items.id", hasItem(secret)));

        Page bob = person("bob", ColorScheme.LIGHT);
        bob.navigate("/posts/" + secret);
        assertThat(bob.getByRole(AriaRole.ALERT)).isVisible();
        assertThat(bob.getByText(marker)).hasCount(0);
        bob.navigate("/search?q=" + marker);
        assertThat(bob.getByText("Nothing found").first()).isVisible();
        assertThat(bob.locator("article.hit")).hasCount(0);
        bob.navigate("/groups/" + group);
        assertThat(bob.getByRole(AriaRole.ALERT)).isVisible();
        assertThat(bob.getByText("Confidential numbers")).hasCount(0);
        bob.navigate("/");
        assertThat(bob.locator("article.post").first()).isVisible();
        assertThat(bob.getByText("Confidential numbers")).hasCount(0);
    }

    @Test
    void aSessionThatEndsKeepsWhatWasTypedAndSignOutSignsOut() {
        String marker = marker();
        Page alice = browser.open(ColorScheme.DARK);
        pages.add(alice);
        // no live stream here: news arriving from other tests would make the app call the API (and so sign in again)
        // before "Post" does, and the draft would then be posted on return instead of waiting in the composer
        alice.route("**/api/notifications/stream", route -> route.abort());
        WebBrowser.signIn(alice, "alice");
        Locator composer = alice.getByLabel("Write a post");
        composer.fill("Draft that must survive " + marker);
        // the tokens go (as when the session ends); the next call sends alice to sign in and back
        alice.evaluate("() => Object.keys(sessionStorage).filter(k => k.startsWith('oidc.')).forEach(k => sessionStorage.removeItem(k))");
        alice.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post").setExact(true)).click();
        alice.waitForURL(url -> url.startsWith(WebBrowser.APP) && !url.contains("code="));
        assertThat(alice.getByLabel("Write a post")).hasValue("Draft that must survive " + marker);

        alice.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Account: Alice")).click();
        alice.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        alice.waitForURL(url -> url.startsWith(WebBrowser.APP));
        assertThat(alice.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))).isVisible();
        alice.reload();
        assertThat(alice.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))).isVisible();
    }

    @Test
    void theAppRenewsItsTokenWithTheRefreshTokenAndCarriesOn() {
        Page alice = browser.open(ColorScheme.LIGHT);
        pages.add(alice);
        // renew 5 s after sign-in instead of a minute before a 15-minute token expires
        alice.route("**/config.json", route -> {
            String config = route.fetch().text().replaceAll("\"renewSecondsBeforeExpiry\":\\d+",
                    "\"renewSecondsBeforeExpiry\":" + (accessTokenSeconds() - 5));
            route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType("application/json").setBody(config));
        });
        WebBrowser.signIn(alice, "alice");
        String before = alice.evaluate("() => sessionStorage.getItem(Object.keys(sessionStorage).find(k => k.startsWith('oidc.user:')))").toString();
        Request renewal = alice.waitForRequest(
                r -> r.url().endsWith("/protocol/openid-connect/token") && r.postData().contains("grant_type=refresh_token"),
                new Page.WaitForRequestOptions().setTimeout(30_000), () -> { });
        Assertions.assertThat(renewal.response().status()).isEqualTo(200);
        await().atMost(EVENTUALLY).pollInterval(POLL).until(() -> !before.equals(alice.evaluate(
                "() => sessionStorage.getItem(Object.keys(sessionStorage).find(k => k.startsWith('oidc.user:')))")));
        // the next API call goes out with the renewed token and is answered
        Response company = alice.waitForResponse(r -> r.url().contains("/api/feed/company"),
                () -> alice.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Company").setExact(true)).click());
        Assertions.assertThat(company.status()).isEqualTo(200);
        assertThat(alice.locator("main h1")).hasText("Company");
        assertThat(alice.getByRole(AriaRole.ALERT)).hasCount(0);
        assertThat(alice.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))).hasCount(0);
    }

    @Test
    void everyScreenRendersOnADesktopAndOnAPhoneInTheDark() {
        String aliceId = as(Stack.token("alice"), Stack.PROFILE).get("/api/profiles/me").then().statusCode(200)
                .extract().path("id");
        Map<String, String> screens = new java.util.LinkedHashMap<>();
        screens.put("home", "/");
        screens.put("company", "/company");
        screens.put("groups", "/groups");
        screens.put("announcements", "/announcements");
        screens.put("announcement-new", "/announcements/new");
        screens.put("recognition", "/recognition");
        screens.put("people", "/people");
        screens.put("profile-alice", "/people/" + aliceId);
        screens.put("org-chart", "/people/" + aliceId + "/org");
        screens.put("me", "/me");
        screens.put("notifications", "/notifications");
        screens.put("notification-settings", "/settings/notifications");
        screens.put("search", "/search?q=release");
        Page desktop = person("hannah", ColorScheme.LIGHT);
        Page phone = browser.openPhone(ColorScheme.DARK);
        pages.add(phone);
        WebBrowser.signIn(phone, "hannah");
        List<String> barriers = new ArrayList<>();
        screens.forEach((name, path) -> {
            for (Page page : List.of(desktop, phone)) {
                page.navigate(path);
                assertThat(page.locator("main h1")).isVisible();
                // the notification stream keeps the network busy for good: wait for the screen's own loading to end
                page.waitForFunction("() => !document.querySelector('main').innerText.includes('Loading')");
                assertThat(page.getByRole(AriaRole.ALERT)).hasCount(0);
                WebBrowser.screenshot(page, name + (page == phone ? "-phone-dark" : "-desktop"));
                barriers.addAll(Accessibility.seriousViolations(page, name + (page == phone ? " (phone, dark)" : "")));
            }
            // nothing wider than a phone's screen: no sideways scrolling
            Assertions.assertThat(phone.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")).as(path)
                    .isEqualTo(true);
        });
        // WCAG 2.1 A and AA as axe-core checks them (labels, names, contrast in both themes, landmarks)
        Assertions.assertThat(barriers).as("serious or critical accessibility violations").isEmpty();
    }

    @Test
    void theHomeFeedsFirstLoadIsMeasuredWithAColdCache() throws Exception {
        // at least one post in alice's home feed, whatever ran before on this stack
        as(Stack.token("alice"), Stack.FEED).contentType(ContentType.JSON)
                .body(Map.of("kind", "UPDATE", "body", "Measuring the first load " + marker()))
                .post("/api/posts").then().statusCode(201);
        Page alice = person("alice", ColorScheme.LIGHT);
        assertThat(alice.locator("article.post").first()).isVisible();
        CDPSession devtools = alice.context().newCDPSession(alice);
        // the moment the first post is on screen, taken inside the page (the test's polling would add its own delay)
        alice.addInitScript("new MutationObserver((_, o) => { if (document.querySelector('article.post')) {"
                + " window.__feedShown = performance.now(); o.disconnect(); } })"
                + ".observe(document, {childList: true, subtree: true});");
        List<Map<String, Object>> loads = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            devtools.send("Network.clearBrowserCache");
            alice.reload();
            alice.waitForFunction("() => window.__feedShown !== undefined");
            @SuppressWarnings("unchecked")
            Map<String, Object> load = (Map<String, Object>) alice.evaluate("() => {"
                    + " const n = performance.getEntriesByType('navigation')[0];"
                    + " const scripts = performance.getEntriesByType('resource').filter(r => r.initiatorType === 'script' || r.name.endsWith('.js'));"
                    + " return { feedShownMs: Math.round(window.__feedShown), responseEndMs: Math.round(n.responseEnd),"
                    + " domContentLoadedMs: Math.round(n.domContentLoadedEventEnd), loadMs: Math.round(n.loadEventEnd),"
                    + " scriptBytesOnTheWire: scripts.reduce((a, r) => a + r.transferSize, 0) }; }");
            loads.add(load);
        }
        FirstLoadReport.write(loads);
    }

    /** The realm's access token lifetime, read from a token (local realm: 900 s). */
    private static long accessTokenSeconds() {
        String token = Stack.token("alice");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        long exp = Long.parseLong(payload.replaceAll(".*\"exp\":(\\d+).*", "$1"));
        long iat = Long.parseLong(payload.replaceAll(".*\"iat\":(\\d+).*", "$1"));
        return exp - iat;
    }

    /** Bob's profile reached search (the mention autocomplete asks it). */
    private static void awaitSuggested(String user) {
        String token = Stack.token("alice");
        await().atMost(EVENTUALLY).pollInterval(POLL).untilAsserted(() ->
                as(token, Stack.SEARCH).queryParam("q", user).get("/api/search/suggest").then().statusCode(200)
                        .body(org.hamcrest.Matchers.containsStringIgnoringCase(user)));
    }

    private static int unread(Locator bell) {
        String label = bell.getAttribute("aria-label");
        return Integer.parseInt(label.replaceAll("\\D+", ""));
    }

    private static String marker() {
        return "e2e" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
