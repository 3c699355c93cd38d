package org.intranet.notification.api;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.intranet.kit.domain.InvalidRequestException;
import org.intranet.notification.domain.NotificationPreferences;
import org.intranet.notification.domain.NotificationPreferences.Channels;
import org.intranet.notification.domain.NotificationPreferences.Digest;
import org.intranet.notification.domain.NotificationPreferences.QuietHours;
import org.intranet.notification.domain.NotificationType;

/**
 * Notification preferences as clients send and read them (ARCHITECTURE §6). A PUT replaces them all: what it leaves
 * out takes its default. Parsed here, so that each mistake is a 400 naming the field.
 *
 * @param channels   per type ({@code MENTION}, {@code COMMENT}, …): {@code {"inApp":true,"email":false}}
 * @param muted      posts and groups nothing is notified about (must-read announcements excepted)
 * @param subscribed groups whose every new post is notified
 * @param quietHours {@code {"from":"19:00","to":"08:00"}}: no e-mail then, in {@code timeZone}
 * @param timeZone   an IANA zone, e.g. {@code Europe/Paris}
 * @param digest     {@code DAILY}, {@code WEEKLY} or {@code OFF}
 */
public record PreferencesBody(Map<String, ChannelsBody> channels, Muted muted, Subscribed subscribed,
        QuietHoursBody quietHours, String timeZone, String digest) {
    static final int MAX_IDS = 500;
    static final int MAX_ID_LENGTH = 128;
    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

    /** @param email null leaves the type's default */
    public record ChannelsBody(Boolean inApp, Boolean email) {
    }

    public record Muted(List<String> posts, List<String> groups) {
    }

    public record Subscribed(List<String> groups) {
    }

    /** @param from {@code HH:mm}; after {@code to} when quiet spans midnight */
    public record QuietHoursBody(String from, String to) {
    }

    static PreferencesBody of(NotificationPreferences p) {
        Map<String, ChannelsBody> channels = new TreeMap<>();
        p.channels().forEach((type, c) -> channels.put(type.name(), new ChannelsBody(c.inApp(), c.email())));
        QuietHours quiet = p.quietHours();
        return new PreferencesBody(channels, new Muted(List.copyOf(p.mutedPosts()), List.copyOf(p.mutedGroups())),
                new Subscribed(List.copyOf(p.subscribedGroups())),
                quiet == null ? null : new QuietHoursBody(HOURS.format(quiet.from()), HOURS.format(quiet.to())),
                p.timeZone().getId(), p.digest().name());
    }

    /** @param defaults what each field left out takes */
    NotificationPreferences toPreferences(NotificationPreferences defaults) {
        Map<NotificationType, Channels> chosen = new EnumMap<>(NotificationType.class);
        if (channels != null) {
            channels.forEach((name, c) -> {
                NotificationType type = type(name);
                if (c == null) {
                    throw new InvalidRequestException("channels." + name + " must be an object such as "
                            + "{\"inApp\":true,\"email\":false}");
                }
                Channels base = defaults.channels().get(type);
                chosen.put(type, new Channels(c.inApp() != null ? c.inApp() : base.inApp(),
                        c.email() != null ? c.email() : base.email()));
            });
        }
        return new NotificationPreferences(chosen, ids("muted.posts", muted == null ? null : muted.posts()),
                ids("muted.groups", muted == null ? null : muted.groups()),
                ids("subscribed.groups", subscribed == null ? null : subscribed.groups()), quiet(),
                zone(defaults.timeZone()), digest(defaults.digest()));
    }

    private static NotificationType type(String name) {
        try {
            return NotificationType.valueOf(name == null ? "" : name);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("channels has an unknown type '" + name + "'; the types are "
                    + Arrays.toString(NotificationType.values()));
        }
    }

    private static Set<String> ids(String field, List<String> values) {
        if (values == null) {
            return Set.of();
        }
        if (values.size() > MAX_IDS) {
            throw new InvalidRequestException(field + " holds at most " + MAX_IDS + " ids");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String value : values) {
            if (value == null || value.isBlank() || value.length() > MAX_ID_LENGTH) {
                throw new InvalidRequestException(field + " must hold ids of 1 to " + MAX_ID_LENGTH + " characters");
            }
            ids.add(value.strip());
        }
        return ids;
    }

    private QuietHours quiet() {
        if (quietHours == null) {
            return null;
        }
        LocalTime from = time("quietHours.from", quietHours.from());
        LocalTime to = time("quietHours.to", quietHours.to());
        if (from.equals(to)) {
            throw new InvalidRequestException("quietHours.from and quietHours.to must differ; leave quietHours out "
                    + "for none");
        }
        return new QuietHours(from, to);
    }

    private static LocalTime time(String field, String value) {
        try {
            if (value == null) {
                throw new DateTimeParseException("missing", "", 0);
            }
            return LocalTime.parse(value.strip(), HOURS);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field + " must be a time of day as HH:mm, e.g. 19:00");
        }
    }

    private ZoneId zone(ZoneId defaultZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return defaultZone;
        }
        try {
            return ZoneId.of(timeZone.strip());
        } catch (DateTimeException e) {
            throw new InvalidRequestException("timeZone '" + timeZone + "' is not a known time zone; use an IANA "
                    + "name such as Europe/Paris");
        }
    }

    private Digest digest(Digest defaultDigest) {
        if (digest == null || digest.isBlank()) {
            return defaultDigest;
        }
        try {
            return Digest.valueOf(digest.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("digest must be DAILY, WEEKLY or OFF");
        }
    }
}
