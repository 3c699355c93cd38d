package org.intranet.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.intranet.notification.domain.NotificationPreferences.Digest;
import org.intranet.notification.domain.NotificationPreferences.QuietHours;
import org.junit.jupiter.api.Test;

/** When e-mail may go: quiet hours and digest periods, in the person's zone (DST included). */
class SchedulesTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void quietHoursSpanningMidnightEndTheNextMorningOnlyWhenInside() {
        QuietHours night = new QuietHours(LocalTime.of(19, 0), LocalTime.of(8, 0));
        // 2026-11-30 is a Monday; Paris is UTC+1 in winter
        Instant evening = Instant.parse("2026-11-30T20:30:00Z"); // 21:30 in Paris
        assertThat(night.end(evening, PARIS)).isEqualTo(Instant.parse("2026-12-01T07:00:00Z"));
        Instant earlyMorning = Instant.parse("2026-12-01T05:00:00Z"); // 06:00 in Paris
        assertThat(night.end(earlyMorning, PARIS)).isEqualTo(Instant.parse("2026-12-01T07:00:00Z"));
        Instant day = Instant.parse("2026-11-30T11:00:00Z");
        assertThat(night.end(day, PARIS)).as("outside: now").isEqualTo(day);
        assertThat(night.end(Instant.parse("2026-12-01T07:00:00Z"), PARIS)).as("08:00 is no longer quiet")
                .isEqualTo(Instant.parse("2026-12-01T07:00:00Z"));
    }

    @Test
    void quietHoursWithinADayEndTheSameDay() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0));
        assertThat(lunch.end(Instant.parse("2026-11-30T11:30:00Z"), PARIS))
                .isEqualTo(Instant.parse("2026-11-30T13:00:00Z"));
        assertThat(lunch.end(Instant.parse("2026-11-30T13:00:00Z"), PARIS))
                .isEqualTo(Instant.parse("2026-11-30T13:00:00Z"));
    }

    @Test
    void aDailyPeriodStartsAtTheHourInThePersonsZone() {
        assertThat(Digests.periodStart(Digest.DAILY, PARIS, 8, DayOfWeek.MONDAY,
                Instant.parse("2026-11-30T07:30:00Z"))).isEqualTo(Instant.parse("2026-11-30T07:00:00Z"));
        assertThat(Digests.periodStart(Digest.DAILY, PARIS, 8, DayOfWeek.MONDAY,
                Instant.parse("2026-11-30T06:30:00Z"))).as("before 08:00: yesterday's")
                .isEqualTo(Instant.parse("2026-11-29T07:00:00Z"));
        // the night clocks go forward (29 March 2026): 08:00 is UTC+2
        assertThat(Digests.periodStart(Digest.DAILY, PARIS, 8, DayOfWeek.MONDAY,
                Instant.parse("2026-03-29T12:00:00Z"))).isEqualTo(Instant.parse("2026-03-29T06:00:00Z"));
    }

    @Test
    void aWeeklyPeriodStartsOnItsDay() {
        assertThat(Digests.periodStart(Digest.WEEKLY, PARIS, 8, DayOfWeek.MONDAY,
                Instant.parse("2026-12-03T12:00:00Z"))).as("a Thursday: Monday's")
                .isEqualTo(Instant.parse("2026-11-30T07:00:00Z"));
        assertThat(Digests.periodStart(Digest.WEEKLY, PARIS, 8, DayOfWeek.MONDAY,
                Instant.parse("2026-11-30T06:00:00Z"))).as("Monday before 08:00: the previous Monday's")
                .isEqualTo(Instant.parse("2026-11-23T07:00:00Z"));
    }
}
