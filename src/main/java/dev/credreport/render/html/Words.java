package dev.credreport.render.html;

import dev.credreport.core.HumanTime;
import dev.credreport.report.Absence;
import dev.credreport.report.ReportValue;
import java.time.Instant;

/** Report values in words for people: dates, ages, and "never" or "n/a" for the tokens. */
final class Words {
    private Words() {
    }

    /** The report's name for the root user, and audit's for a finding about the whole account, in words. */
    static String person(String user) {
        if ("<root_account>".equals(user)) {
            return "root user";
        }
        return "(account)".equals(user) ? "the whole account" : user;
    }

    /** Audit's evidence with the report's column names said in words ("password_enabled is true" as "has a console password"). */
    static String plain(String evidence) {
        String text = evidence;
        for (String[] pair : PLAIN) {
            text = text.replace(pair[0], pair[1]);
        }
        return text;
    }

    private static final String[][] PLAIN = {
        {"password_enabled is true", "has a console password"},
        {"mfa_active is false", "no MFA"},
        {"mfa_active is true", "MFA on"},
        {"password_next_rotation was", "password change was due"},
        {"password_last_used", "password last used"},
        {"access_key_1_active", "access key 1"},
        {"access_key_2_active", "access key 2"},
        {"cert_1_active", "signing certificate 1"},
        {"cert_2_active", "signing certificate 2"},
        {"are both true", "are both active"},
        {"password_last_changed", "password last changed"},
        {"<root_account>", "root user"},
    };

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
