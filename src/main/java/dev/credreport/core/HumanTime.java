package dev.credreport.core;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times, ages and durations for people, in one style for every command: dates as {@code 2024-05-21},
 * times as {@code 2024-05-21 10:00 UTC}, spans as {@code 850ms}, {@code 12s}, {@code 1m30s},
 * {@code 2h13m}, {@code 41d}, ages as {@code 41d ago}. Ages of what a report holds are counted to
 * one time, {@link #agesCountTo}: the report is a snapshot, so its own generated time.
 */
public final class HumanTime {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|h|m|s)");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    /** From two days on a span is whole days: the rules count ages in days, and the hours are noise. */
    private static final Duration DAYS_ONLY = Duration.ofDays(2);

    private HumanTime() {
    }

    /** A duration as people write one: {@code 90s}, {@code 5m}, {@code 1m30s}, {@code 1h}, {@code 500ms}, or plain seconds. */
    public static Duration parse(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(value));
        }
        Matcher matcher = PART.matcher(value);
        Duration total = Duration.ZERO;
        int end = 0;
        while (matcher.find() && matcher.start() == end) {
            long amount = Long.parseLong(matcher.group(1));
            switch (matcher.group(2)) {
                case "h": total = total.plusHours(amount); break;
                case "m": total = total.plusMinutes(amount); break;
                case "s": total = total.plusSeconds(amount); break;
                default: total = total.plusMillis(amount); break;
            }
            end = matcher.end();
        }
        if (end == 0 || end != value.length()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (e.g. 90s, 5m, 1m30s)");
        }
        return total;
    }

    /** {@code 2024-05-21}, in UTC. */
    public static String date(Instant time) {
        return DATE.format(time);
    }

    /** {@code 2024-05-21 10:00 UTC}. */
    public static String minute(Instant time) {
        return MINUTE.format(time);
    }

    /**
     * A span in at most two units, the second left out when zero: {@code 850ms}, {@code 12s},
     * {@code 5m}, {@code 1m30s}, {@code 2h13m}; from two days on, whole days ({@code 41d}).
     */
    public static String span(Duration duration) {
        Duration length = duration.abs();
        long seconds = length.toSeconds();
        if (seconds < 1) {
            return length.toMillis() + "ms";
        }
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m" + nonZero(seconds % 60, "s");
        }
        if (length.compareTo(DAYS_ONLY) < 0) {
            return seconds / 3600 + "h" + nonZero(seconds % 3600 / 60, "m");
        }
        return length.toDays() + "d";
    }

    private static String nonZero(long amount, String unit) {
        return amount == 0 ? "" : amount + unit;
    }

    /** The age of a past time ({@code 41d ago}) or the distance to a future one ({@code in 3d}), counted to {@code reference}. */
    public static String age(Instant time, Instant reference) {
        Duration between = Duration.between(time, reference);
        return between.isNegative() ? "in " + span(between) : span(between) + " ago";
    }

    /**
     * How old something is ({@code 41d old}), counted to {@code reference}; a time after it (a
     * clock ahead, an --as-of before the report) is said so ({@code dated 3d later}), never a negative age.
     */
    public static String old(Instant time, Instant reference) {
        Duration between = Duration.between(time, reference);
        return between.isNegative() ? "dated " + span(between) + " later" : span(between) + " old";
    }

    /** {@code 2024-05-20 (12d ago)}, counted to {@code reference}. */
    public static String dated(Instant time, Instant reference) {
        return date(time) + " (" + age(time, reference) + ")";
    }

    /**
     * The time the ages of a report's values are counted to: its generated time, since the report
     * is a snapshot of that moment, else (a file that does not tell) now. --as-of overrides it.
     */
    public static Instant agesCountTo(Optional<Instant> generatedTime, Supplier<Instant> now) {
        return generatedTime.orElseGet(now);
    }

    /**
     * A time for people, the one style of every text output: {@code 2024-05-21 10:00 UTC (12d ago)},
     * its age counted to {@code now}. Machine formats write ISO 8601 instead.
     */
    public static String moment(Instant time, Instant now) {
        return minute(time) + " (" + age(time, now) + ")";
    }

    /**
     * What text for people says of the time its ages count to, and why that one: {@code ages as of
     * the report, generated 2024-05-21 10:00 UTC (12d ago)}; {@code ages as of 2024-06-01 00:00 UTC
     * (--as-of), the report generated ...}; {@code ages as of now, 2024-06-02 08:00 UTC (the report
     * does not say when it was generated)}.
     *
     * @param generated the report's generated time, or null when it does not say
     */
    public static String agesAsOf(Instant reference, Instant generated, Instant now) {
        if (generated == null) {
            return reference.equals(now)
                    ? "ages as of now, " + minute(reference) + " (the report does not say when it was generated)"
                    : "ages as of " + minute(reference) + " (--as-of; the report does not say when it was generated)";
        }
        return reference.equals(generated)
                ? "ages as of the report, generated " + moment(generated, now)
                : "ages as of " + minute(reference) + " (--as-of), the report generated " + moment(generated, now);
    }

    /** What output says wherever it shows ages: {@code ages as of 2024-05-21 10:00 UTC}. */
    public static String agesAsOf(Instant reference) {
        return "ages as of " + minute(reference);
    }
}
