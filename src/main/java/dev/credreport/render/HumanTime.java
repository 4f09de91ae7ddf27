package dev.credreport.render;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Dates and ages for people: {@code 2024-05-21}, {@code 41d ago}, {@code in 3d}. */
public final class HumanTime {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private HumanTime() {
    }

    public static String date(Instant time) {
        return DATE.format(time);
    }

    public static String minute(Instant time) {
        return MINUTE.format(time);
    }

    /** The age of a past time ({@code 41d ago}) or the distance to a future one ({@code in 3d}). */
    public static String relative(Instant time, Instant now) {
        Duration between = Duration.between(time, now);
        if (between.isNegative()) {
            return "in " + span(between.negated());
        }
        return span(between) + " ago";
    }

    /** A duration in its largest sensible unit: {@code 5m}, {@code 7h}, {@code 41d}. */
    public static String span(Duration duration) {
        if (duration.toMinutes() < 60) {
            return duration.toMinutes() + "m";
        }
        if (duration.toHours() < 48) {
            return duration.toHours() + "h";
        }
        return duration.toDays() + "d";
    }
}
