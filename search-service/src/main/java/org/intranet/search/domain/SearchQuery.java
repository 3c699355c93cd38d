package org.intranet.search.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.intranet.kit.domain.InvalidRequestException;

/**
 * A validated search: the text as typed and as read ({@link UserText}), which types, the filters, the page size
 * and where the page starts. Department and location filter people by theirs and posts by their author's; filters
 * only posts have (kind, tag, author, group, dates) leave people out, so {@code type=all&tag=x} answers posts only.
 */
public record SearchQuery(String text, UserText terms, Scope scope, Filters filters, int limit, SearchAfter after) {
    private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59Z");


    public record Filters(String department, String location, String kind, String tag, String author, String group,
            Instant from, Instant to) {

        static Filters of(String department, String location, String kind, String tag, String author, String group,
                String from, String to) {
            Instant start = instant("from", from, false);
            Instant end = instant("to", to, true);
            if (start != null && end != null && start.isAfter(end)) {
                throw new InvalidRequestException("from must not be after to");
            }
            return new Filters(trim(department), trim(location),
                    kind == null || kind.isBlank() ? null : kind.strip().toUpperCase(Locale.ROOT),
                    tag == null || tag.isBlank() ? null : tag.strip().replaceFirst("^#", "").toLowerCase(Locale.ROOT),
                    trim(author), trim(group), start, end);
        }

        boolean onlyPostsHave() {
            return kind != null || tag != null || author != null || group != null || from != null || to != null;
        }
    }

    public static SearchQuery of(String text, String type, Filters filters, int limit, SearchAfter after) {
        if (text == null || text.isBlank()) {
            throw new InvalidRequestException("q must not be blank");
        }
        UserText terms = UserText.parse(text);   // unstripped: a trailing space says the last word is finished
        if (terms.isEmpty()) {
            throw new InvalidRequestException("q has no word to search for: give at least one word or \"phrase\" "
                    + "with a letter or a digit");
        }
        return new SearchQuery(text.strip(), terms, Scope.parse(type), filters, limit, after);
    }

    public static Filters filters(String department, String location, String kind, String tag, String author,
            String group, String from, String to) {
        return Filters.of(department, location, kind, tag, author, group, from, to);
    }

    public boolean searchesPosts() {
        return scope.includesPosts();
    }

    public boolean searchesPeople() {
        return scope.includesPeople() && !filters.onlyPostsHave();
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** An instant, or a date (start of day for {@code from}, end of day for {@code to}, UTC). */
    private static Instant instant(String name, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return endOfDay ? day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusMillis(1)
                        : day.atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            Instant at = Instant.parse(v);
            if (at.isBefore(FIRST) || at.isAfter(LAST)) {
                throw new InvalidRequestException(name + " must be between the years 1 and 9999");
            }
            return at;
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(name + " must be a date (2026-01-31) or an instant (2026-01-31T09:00:00Z)");
        }
    }
}
