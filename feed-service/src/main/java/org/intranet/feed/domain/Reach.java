package org.intranet.feed.domain;

import java.util.List;

/**
 * How far an announcement got: its audience now, who of them saw it and who acknowledged it, in all and per
 * department and location. Rates are fractions of the audience (0 when it is empty).
 */
public record Reach(int audience, int seen, int acknowledged, double seenRate, double acknowledgedRate,
        List<Part> byDepartment, List<Part> byLocation) {

    public enum By { ALL, DEPARTMENT, LOCATION }

    /** One row of the aggregate, as the store reads it. */
    public record Line(By by, String name, int audience, int seen, int acknowledged) {
    }

    /** One department or location ({@code name} null: people without one). */
    public record Part(String name, int audience, int seen, int acknowledged) {
    }

    public static Reach of(List<Line> lines) {
        Line all = lines.stream().filter(l -> l.by() == By.ALL).findFirst()
                .orElse(new Line(By.ALL, null, 0, 0, 0));
        return new Reach(all.audience(), all.seen(), all.acknowledged(), rate(all.seen(), all.audience()),
                rate(all.acknowledged(), all.audience()), parts(lines, By.DEPARTMENT), parts(lines, By.LOCATION));
    }

    private static List<Part> parts(List<Line> lines, By by) {
        return lines.stream().filter(l -> l.by() == by)
                .map(l -> new Part(l.name(), l.audience(), l.seen(), l.acknowledged())).toList();
    }

    private static double rate(int part, int whole) {
        return whole == 0 ? 0 : Math.round(part * 10_000.0 / whole) / 10_000.0;
    }
}
