package org.intranet.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Page;

/**
 * Runs axe-core (the web app's devDependency, so the version is the lock file's) in a page and returns its serious and
 * critical WCAG 2.1 A/AA violations, one line each: rule, impact, and the first elements it names.
 */
final class Accessibility {

    static final Path AXE = Path.of("..", "web", "src", "main", "webui", "node_modules", "axe-core", "axe.min.js");

    private Accessibility() {
    }

    private static String source;

    private static String source() {
        if (source == null) {
            try {
                source = Files.readString(AXE);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(AXE + " is missing: build the web module first (npm ci)", e);
            }
        }
        return source;
    }

    static List<String> seriousViolations(Page page, String screen) {
        // evaluated through the driver, not added as a <script>: the app's Content-Security-Policy (script-src 'self')
        // rightly refuses inline scripts
        page.evaluate("() => { " + source() + "\n}");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) page.evaluate("async () => {"
                + " const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });"
                + " return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + "   .map(v => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '),"
                + "     count: v.nodes.length })); }");
        List<String> lines = new ArrayList<>();
        for (Map<String, Object> v : violations) {
            lines.add(screen + ": " + v.get("id") + " (" + v.get("impact") + ", " + v.get("count") + " elements: "
                    + v.get("targets") + ")");
        }
        return lines;
    }
}
