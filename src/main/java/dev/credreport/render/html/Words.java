package dev.credreport.render.html;

import dev.credreport.report.Absence;
import dev.credreport.report.ReportValue;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Report values in words for people: dates, ages, and "never" or "n/a" for the tokens. */
final class Words {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Words() {
    }

    static String date(Instant time) {
        return DATE.format(time);
    }

    static String minute(Instant time) {
        return MINUTE.format(time);
    }

    /** {@code 2024-05-21 (41d ago)}. */
    static String dated(Instant time, Instant asOf) {
        return date(time) + " (" + age(time, asOf) + ")";
    }

    /** {@code 41d ago}, {@code 7h ago}, {@code in 3d}. */
    static String age(Instant time, Instant asOf) {
        Duration between = Duration.between(time, asOf);
        if (between.isNegative()) {
            return "in " + span(between.negated());
        }
        return span(between) + " ago";
    }

    static String span(Duration duration) {
        if (duration.toMinutes() < 60) {
            return duration.toMinutes() + "m";
        }
        if (duration.toHours() < 48) {
            return duration.toHours() + "h";
        }
        return duration.toDays() + "d";
    }

    /** A time cell: the date and age, "never" for a time that never was, "n/a" where none applies. */
    static String time(ReportValue<Instant> value, Instant asOf) {
        if (value.isPresent()) {
            return dated(value.value(), asOf);
        }
        return value.is(Absence.NO_INFORMATION) ? "never" : "n/a";
    }

    /** A time for a table cell: the date and, apart, the age. */
    static UserRow.When when(Instant time, Instant asOf) {
        return new UserRow.When(date(time), age(time, asOf), time.getEpochSecond());
    }

    static UserRow.When when(ReportValue<Instant> value, Instant asOf, String whenAbsent) {
        return value.isPresent() ? when(value.value(), asOf) : new UserRow.When(whenAbsent, "", -1);
    }
}
