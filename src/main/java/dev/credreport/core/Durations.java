package dev.credreport.core;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them: {@code 90s}, {@code 5m}, {@code 1m30s}, {@code 1h}, or plain seconds. */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|h|m|s)");

    private Durations() {
    }

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

    /** A short human form: {@code 850ms}, {@code 12s}, {@code 5m0s}, {@code 2h3m}, {@code 41d2h}. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + "ms";
        }
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m" + seconds % 60 + "s";
        }
        if (seconds < 2 * 86400) {
            return seconds / 3600 + "h" + seconds % 3600 / 60 + "m";
        }
        long days = seconds / 86400;
        // Past a few days the hours are noise: "4310d", not "4310d0h".
        return days >= 10 ? days + "d" : days + "d" + seconds % 86400 / 3600 + "h";
    }
}
