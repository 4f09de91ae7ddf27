package dev.credreport.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How evidence names times: the date, and the whole days before the as-of instant. */
public final class Ages {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private Ages() {
    }

    /** {@code 2024-05-20 (12d ago)}, counted to the as-of instant. */
    public static String dated(Instant time, AuditSettings settings) {
        return DATE.format(time) + " (" + days(settings.ageOf(time)) + " ago)";
    }

    public static String days(Duration age) {
        return age.toDays() + "d";
    }

    /** Whether the age is at least this many whole days. */
    public static boolean atLeastDays(Duration age, int days) {
        return age.compareTo(Duration.ofDays(days)) >= 0;
    }

    /** Whether the age is more than this many days. */
    public static boolean moreThanDays(Duration age, int days) {
        return age.compareTo(Duration.ofDays(days)) > 0;
    }
}
