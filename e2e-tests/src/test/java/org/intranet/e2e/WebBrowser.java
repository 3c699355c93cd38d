package org.intranet.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ColorScheme;

/**
 * Debian's Chromium, headless, driven by Playwright: one browser per test class, a fresh context (cookies, storage)
 * per person, so alice, bob and hannah are signed in side by side as three people on three machines would be.
 */
final class WebBrowser implements AutoCloseable {

    static final String APP = System.getProperty("intranet.web", "http://127.0.0.1:8080");
    static final Path CHROMIUM = Paths.get(System.getProperty("intranet.chromium", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private final Playwright playwright;
    private final Browser browser;

    WebBrowser() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        // the flags keep Chromium off the network it would call at start (updates, sync, metrics): this machine
        // and CI have none, and its refused connections only slow it down
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage")));
    }

    static boolean chromiumMissing() {
        return !Files.isExecutable(CHROMIUM);
    }

    /** A new person at a desktop-sized window, in light or dark. */
    Page open(ColorScheme scheme) {
        return open(new Browser.NewContextOptions().setViewportSize(1280, 860).setColorScheme(scheme));
    }

    /** A phone-sized window (390 × 844, touch), as on the phones most of the staff will use. */
    Page openPhone(ColorScheme scheme) {
        return open(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true).setHasTouch(true)
                .setDeviceScaleFactor(2).setColorScheme(scheme));
    }

    private Page open(Browser.NewContextOptions options) {
        BrowserContext context = browser.newContext(options.setBaseURL(APP).setLocale("en-GB"));
        context.setDefaultTimeout(20_000);
        return context.newPage();
    }

    /** Signs in through the identity provider's own page, as a person does: the app never sees the password. */
    static void signIn(Page page, String user) {
        page.navigate("/");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Sign in")).click();
        page.locator("#username").fill(user);
        page.locator("#password").fill(user);
        page.locator("#kc-login").click();
        page.waitForURL(url -> url.startsWith(APP) && !url.contains("code="));
    }

    static void screenshot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(false));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
