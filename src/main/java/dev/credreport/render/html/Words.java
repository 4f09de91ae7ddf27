package dev.credreport.render.html;

import dev.credreport.core.HumanTime;
import dev.credreport.report.Absence;
import dev.credreport.report.ReportValue;
import java.time.Instant;

/** Report values in words for people: dates, ages, and "never" or "n/a" for the tokens. */
final class Words {
    private Words() {
    }

    static String date(Instant time) {
        return HumanTime.date(time);
    }

    static String minute(Instant time) {
        return HumanTime.minute(time);
    }

    /** {@code 2024-05-21 (41d ago)}. */
    static String dated(Instant time, Instant asOf) {
        return date(time) + " (" + age(time, asOf) + ")";
    }

    /** {@code 41d ago}, {@code 7h ago}, {@code in 3d}. */
    static String age(Instant time, Instant asOf) {
        return HumanTime.age(time, asOf);
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
