package org.intranet.notification.config;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "intranet.notification")
public interface NotificationConfig {

    Stream stream();

    /** The zone of quiet hours and digests for someone who chose none. */
    @WithDefault("UTC")
    ZoneId defaultTimeZone();

    Broadcast broadcast();

    Email email();

    Digest digest();

    MustRead mustRead();

    interface Email {
        /** How often due e-mails are looked for ({@code @Scheduled}; {@code off} disables). */
        @WithDefault("5s")
        String poll();

        /** Where links in e-mails point: the web app's address (posts at {@code /posts/<id>}). */
        @WithDefault("http://127.0.0.1:3000")
        String webUrl();

        /** This service's public address, for the one-click unsubscribe link. */
        @WithDefault("http://127.0.0.1:8084")
        String apiUrl();

        /** Signs unsubscribe links (HMAC-SHA256); at least 32 characters, the same on every replica. */
        String unsubscribeSecret();

        /** How long an unsubscribe link works. */
        @WithDefault("60d")
        Duration unsubscribeValidity();

        /** E-mails sent per claim; a failure ends the claim (the server is likely down for all). */
        @WithDefault("20")
        int batch();

        /** Failed sends are retried after this, doubling up to {@link #retryMax()}. */
        @WithDefault("30s")
        Duration retryInitial();

        @WithDefault("1h")
        Duration retryMax();

        /** After this many failures an e-mail is given up (~ a day with the defaults); the in-app one stays. */
        @WithDefault("30")
        int maxAttempts();

        /** Sent and skipped e-mails are kept this long (to see what went out), then deleted. */
        @WithDefault("30d")
        Duration keep();
    }

    interface Digest {
        /** How often digests due are looked for ({@code @Scheduled}; {@code off} disables). */
        @WithDefault("10m")
        String interval();

        /** The local hour (in the employee's zone) a digest goes out. */
        @WithDefault("8")
        int hour();

        /** The day a weekly digest goes out. */
        @WithDefault("MONDAY")
        DayOfWeek day();

        /** How many notifications a digest lists (it says how many more there are). */
        @WithDefault("20")
        int items();
    }

    interface MustRead {
        /** How often reminders due are looked for ({@code @Scheduled}; {@code off} disables). */
        @WithDefault("1m")
        String interval();

        /** An unacknowledged must-read announcement comes back to the top of the list, unread, after this. */
        @WithDefault("4h")
        Duration inAppAfter();

        /** … and is e-mailed once after this. */
        @WithDefault("24h")
        Duration emailAfter();

        /** Reminders given per run (per stage); the next run goes on. */
        @WithDefault("500")
        int batch();
    }

    interface Broadcast {
        /**
         * How far back an announcement still reaches someone's list when they first look: older ones are in the
         * feed, not news. Shorter than {@code retention.read}, so a read one deleted is never written again.
         */
        @WithDefault("30d")
        Duration window();
    }

    Retention retention();

    interface Retention {
        /** How long a notification is kept once read; unread ones are kept until they are read. */
        @WithDefault("90d")
        Duration read();

        /**
         * Events older than this notify nobody, and their de-dup rows ({@code processed_events}) are deleted after
         * it: a replay from the beginning stays idempotent (see {@code EventHorizon}).
         */
        @WithDefault("14d")
        Duration events();

        /** Rows deleted per statement: short transactions, no long lock on the table. */
        @WithDefault("1000")
        int batch();
    }

    interface Stream {
        /** How often an idle live stream gets a comment line, so proxies do not close it. */
        @WithDefault("25s")
        Duration heartbeat();

        /** Notifications queued for one slow client before its stream is closed (it reconnects and re-lists). */
        @WithDefault("256")
        int buffer();
    }
}
