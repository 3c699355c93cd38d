package org.intranet.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes what the browser measured of the home feed's cold first loads (Navigation Timing, and when the first post
 * was on screen) to target/web-first-load.md, for bench/results/web.md. Measured, not asserted: timings depend on
 * the machine, and performance is judged in bench/.
 */
final class FirstLoadReport {

    static final Path FILE = Path.of("target", "web-first-load.md");

    private FirstLoadReport() {
    }

    static void write(List<Map<String, Object>> loads) throws IOException {
        StringBuilder out = new StringBuilder("# Home feed, first load with a cold cache (" + Instant.now() + ")\n\n")
                .append("| run | response end | DOM content loaded | load | first post on screen | script bytes |\n")
                .append("|---|---|---|---|---|---|\n");
        List<Long> shown = new ArrayList<>();
        for (int i = 0; i < loads.size(); i++) {
            Map<String, Object> l = loads.get(i);
            shown.add(number(l, "feedShownMs"));
            out.append("| ").append(i + 1).append(" | ").append(number(l, "responseEndMs")).append(" ms | ")
                    .append(number(l, "domContentLoadedMs")).append(" ms | ").append(number(l, "loadMs")).append(" ms | ")
                    .append(number(l, "feedShownMs")).append(" ms | ").append(number(l, "scriptBytesOnTheWire"))
                    .append(" |\n");
        }
        shown.sort(null);
        out.append("\nMedian first post on screen: ").append(shown.get(shown.size() / 2)).append(" ms\n");
        Files.createDirectories(FILE.getParent());
        Files.writeString(FILE, out);
        System.out.print(out);
    }

    private static long number(Map<String, Object> load, String key) {
        return ((Number) load.get(key)).longValue();
    }
}
