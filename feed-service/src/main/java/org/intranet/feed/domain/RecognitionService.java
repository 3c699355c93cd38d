package org.intranet.feed.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.feed.config.FeedConfig;
import org.intranet.feed.store.FeedQueries;
import org.intranet.feed.store.RecognitionStore;
import org.intranet.kit.api.Caller;
import org.intranet.kit.domain.ConflictException;
import org.intranet.kit.domain.InvalidRequestException;
import org.intranet.kit.domain.NotFoundException;
import org.intranet.kit.paging.Position;
import org.intranet.kit.readcopy.EmployeeCopies;
import org.intranet.kit.readcopy.EmployeeCopy;
import org.intranet.kit.visibility.Readers;

/**
 * Kudos: the rules a recognition must pass before it is stored (recipients, the company's values and badges, the
 * giving budget), and what was received (the wall, one person's page), always counted over what the reader may see.
 */
@ApplicationScoped
public class RecognitionService {
    /** Periods of the wall: calendar ones in UTC, so "this month" means the same to everyone. */
    public enum Period { WEEK, MONTH, QUARTER }

    private final FeedConfig.Recognition config;
    private final RecognitionStore store;
    private final FeedQueries queries;
    private final EmployeeCopies employees;
    private final Readers readers;
    private final Map<String, String> valuesByKey;
    private final Clock clock = Clock.systemUTC();

    RecognitionService(FeedConfig config, RecognitionStore store, FeedQueries queries, EmployeeCopies employees,
            Readers readers) {
        this.config = config.recognition();
        this.store = store;
        this.queries = queries;
        this.employees = employees;
        this.readers = readers;
        if (this.config.values().isEmpty()) {
            throw new IllegalStateException("intranet.feed.recognition.values names no value");
        }
        this.valuesByKey = this.config.values().stream().map(FeedConfig.Recognition.Value::name)
                .collect(Collectors.toMap(RecognitionService::key, Function.identity(), (a, b) -> a));
    }

    /** The company's values and badges, and what is left of the caller's budget this month (null: no budget). */
    public record Catalogue(List<CompanyValue> values, List<String> badges, Integer monthlyBudget,
            Integer remaining, Instant budgetResetsAt) {
    }

    /** One of the company's values, as configured. */
    public record CompanyValue(String name, String description) {
    }

    public Catalogue catalogue(Caller caller) {
        OptionalInt budget = config.monthlyBudget();
        Integer remaining = budget.isPresent()
                ? Math.max(0, budget.getAsInt() - store.givenSince(caller.id(), monthStart())) : null;
        List<CompanyValue> values = config.values().stream()
                .map(v -> new CompanyValue(v.name(), v.description().orElse(null))).toList();
        return new Catalogue(values, config.badges().orElse(List.of()),
                budget.isPresent() ? budget.getAsInt() : null, remaining,
                budget.isPresent() ? nextMonthStart() : null);
    }

    /**
     * Checks a recognition and completes the post with it; called in the publishing transaction, which it holds
     * the giver's budget lock for.
     *
     * @param group the post's group, or null for a company-wide one
     */
    public void prepare(Caller author, Draft draft, Group group, Post post) {
        List<String> recipients = recipients(author, draft.recipients());
        post.recognitionValue = value(draft.value());
        post.badge = badge(draft.badge());
        checkRecipients(recipients, group);
        post.recipients = recipients;
        OptionalInt budget = config.monthlyBudget();
        if (budget.isPresent()) {
            store.lockGiver(author.id());
            int given = store.givenSince(author.id(), monthStart());
            if (given + recipients.size() > budget.getAsInt()) {
                throw new ConflictException("this recognises %d people, and you have recognised %d of your %d this month; the budget resets on %s"
                        .formatted(recipients.size(), given, budget.getAsInt(), nextMonthStart()));
            }
        }
    }

    /** Records who received a stored recognition, in the publishing transaction. */
    public void record(Post post) {
        store.add(post);
    }

    /** One page of the wall: people ranked by recognitions received in the period. */
    public record WallPage(Instant from, List<Recognised> items, Recognised last) {
    }

    public WallPage wall(Caller caller, Period period, String department, List<String> after, int limit) {
        Integer afterTotal = null;
        String afterId = null;
        if (after != null) {
            try {
                afterTotal = Integer.valueOf(after.get(0));
            } catch (NumberFormatException e) {
                throw new InvalidRequestException("cursor is not one of this list's");
            }
            afterId = after.get(1);
        }
        Instant from = start(period);
        String dept = department == null || department.isBlank() ? null : department.strip();
        List<Recognised> rows = store.wall(readers.of(caller), from, dept, afterTotal, afterId,
                limit + 1);
        if (rows.size() <= limit) {
            return new WallPage(from, rows, null);
        }
        List<Recognised> items = new ArrayList<>(rows.subList(0, limit));
        return new WallPage(from, items, items.get(limit - 1));
    }

    /** What one person received that the caller may see: counts per value and a page of the items. */
    public record Received(EmployeeCopy person, Map<String, Integer> byValue, FeedPage items) {
        public int total() {
            return byValue.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    public Received received(Caller caller, String personId, Position after, int limit) {
        EmployeeCopy person = employees.find(personId)
                .orElseThrow(() -> new NotFoundException("no employee " + personId));
        var reader = readers.of(caller);
        return new Received(person, store.received(reader, personId),
                queries.received(reader, personId, after, limit));
    }

    private static List<String> recipients(Caller author, List<String> asked) {
        Set<String> recipients = new LinkedHashSet<>();
        for (String id : asked) {
            recipients.add(id.strip());
        }
        if (recipients.isEmpty()) {
            throw new InvalidRequestException("a recognition names 1 to 20 recipients (employee ids)");
        }
        if (recipients.contains(author.id())) {
            throw new InvalidRequestException("you cannot recognise yourself; name your colleagues as recipients");
        }
        return List.copyOf(recipients);
    }

    private void checkRecipients(List<String> recipients, Group group) {
        Map<String, RecognitionStore.Candidate> known = store.candidates(recipients, group == null ? null : group.id())
                .stream().collect(Collectors.toMap(RecognitionStore.Candidate::id, Function.identity()));
        for (String id : recipients) {
            RecognitionStore.Candidate candidate = known.get(id);
            if (candidate == null) {
                throw new InvalidRequestException("recipient " + id + " is no employee known here");
            }
            if (!candidate.active()) {
                throw new InvalidRequestException("recipient " + id + " has left the company");
            }
            if (group != null && group.isPrivate() && !candidate.groupMember()) {
                // they could not see it: recognise them in public, or add them to the group first
                throw new InvalidRequestException("recipient " + id + " is not a member of private group "
                        + group.id() + " and could not see this recognition");
            }
        }
    }

    private String value(String asked) {
        String value = asked == null ? null : valuesByKey.get(key(asked));
        if (value == null) {
            throw new InvalidRequestException("value must be one of the company's values: "
                    + String.join(", ", valuesByKey.values().stream().sorted().toList()));
        }
        return value;
    }

    private String badge(String asked) {
        if (asked == null || asked.isBlank()) {
            return null;
        }
        List<String> badges = config.badges().orElse(List.of());
        return badges.stream().filter(b -> b.equalsIgnoreCase(asked.strip())).findFirst()
                .orElseThrow(() -> new InvalidRequestException(badges.isEmpty() ? "this company has no badges"
                        : "badge must be one of: " + String.join(", ", badges)));
    }

    private static String key(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }

    private Instant start(Period period) {
        LocalDate today = LocalDate.now(clock);
        LocalDate first = switch (period) {
            case WEEK -> today.with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
            case MONTH -> today.withDayOfMonth(1);
            case QUARTER -> today.with(IsoFields.DAY_OF_QUARTER, 1);
        };
        return first.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private Instant monthStart() {
        return start(Period.MONTH);
    }

    private Instant nextMonthStart() {
        return LocalDate.now(clock).withDayOfMonth(1).plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
