package org.intranet.feed.domain;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How far an announcement got: its audience now, who of them saw it and who acknowledged it, in all and per
 * department and location. Rates are fractions of the audience (0 when it is empty).
 */
public record Reach(int audience, int seen, int acknowledged, double seenRate, double acknowledgedRate,
        List<Part> byDepartment, List<Part> byLocation) {

    /** One (department, location) of the audience, as the store counts it; either may be null. */
    public record Cell(String department, String location, int audience, int seen, int acknowledged) {
    }

    /** One department or location ({@code name} null: people without one). */
    public record Part(String name, int audience, int seen, int acknowledged) {
        Part plus(Cell c) {
            return new Part(name, audience + c.audience(), seen + c.seen(), acknowledged + c.acknowledged());
        }
    }

    public static Reach of(List<Cell> cells) {
        int audience = cells.stream().mapToInt(Cell::audience).sum();
        int seen = cells.stream().mapToInt(Cell::seen).sum();
        int acknowledged = cells.stream().mapToInt(Cell::acknowledged).sum();
        return new Reach(audience, seen, acknowledged, rate(seen, audience), rate(acknowledged, audience),
                parts(cells, Cell::department), parts(cells, Cell::location));
    }

    /** The largest first, then by name (people without one last). */
    private static List<Part> parts(List<Cell> cells, Function<Cell, String> key) {
        Map<String, Part> parts = new LinkedHashMap<>();
        for (Cell c : cells) {
            String name = key.apply(c);
            parts.compute(String.valueOf(name), (k, part) -> (part == null ? new Part(name, 0, 0, 0) : part).plus(c));
        }
        return parts.values().stream().sorted(Comparator.comparingInt(Part::audience).reversed()
                .thenComparing(Part::name, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
    }

    private static double rate(int part, int whole) {
        return whole == 0 ? 0 : Math.round(part * 10_000.0 / whole) / 10_000.0;
    }
}
