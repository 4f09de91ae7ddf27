package dev.credreport.report;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Turns one cell into a typed value. The special tokens are checked first in every column that
 * may lack a value: the most common parser bug with this report is a date parser that meets
 * {@code no_information}.
 */
final class CellParser {
    private static final ReportValue<Boolean> TRUE = ReportValue.of(Boolean.TRUE);
    private static final ReportValue<Boolean> FALSE = ReportValue.of(Boolean.FALSE);

    private CellParser() {
    }

    static ReportValue<Instant> time(String cell) {
        Absence absence = Absence.of(cell);
        if (absence != null) {
            return ReportValue.absent(absence);
        }
        return ReportValue.of(instant(cell));
    }

    /** A time that must be present, such as user_creation_time. */
    static Instant instant(String cell) {
        Instant utc = utcFastPath(cell);
        if (utc != null) {
            return utc;
        }
        try {
            // ISO_OFFSET_DATE_TIME accepts both "+00:00" and "Z", other offsets and fractions of seconds.
            return OffsetDateTime.parse(cell).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(UntrustedText.quote(cell) + " is not an ISO 8601 time with an offset");
        }
    }

    /**
     * The shape AWS writes, {@code 2024-03-05T10:21:07+00:00} or with {@code Z}, read without the
     * general parser, which is most of the cost of reading a large report; null for any other shape.
     */
    static Instant utcFastPath(String cell) {
        int length = cell.length();
        if (!((length == 25 && cell.startsWith("+00:00", 19)) || (length == 20 && cell.charAt(19) == 'Z'))
                || cell.charAt(4) != '-' || cell.charAt(7) != '-' || cell.charAt(10) != 'T'
                || cell.charAt(13) != ':' || cell.charAt(16) != ':') {
            return null;
        }
        int year = digits(cell, 0, 4);
        int month = digits(cell, 5, 2);
        int day = digits(cell, 8, 2);
        int hour = digits(cell, 11, 2);
        int minute = digits(cell, 14, 2);
        int second = digits(cell, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 && day > lengthOfMonth(year, month)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        return Instant.ofEpochSecond(epochDay(year, month, day) * 86400L + hour * 3600L + minute * 60L + second);
    }

    /** Days in a month of the proleptic Gregorian calendar (as YearMonth says, without making one per cell). */
    static int lengthOfMonth(int year, int month) {
        switch (month) {
            case 2:
                return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
            case 4: case 6: case 9: case 11:
                return 30;
            default:
                return 31;
        }
    }

    /** Days since 1970-01-01 of a valid proleptic Gregorian date (H. Hinnant's days_from_civil). */
    static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146097L + dayOfEra - 719468;
    }

    private static int digits(String text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    static ReportValue<Boolean> bool(String cell) {
        Absence absence = Absence.of(cell);
        if (absence != null) {
            return ReportValue.absent(absence);
        }
        // The IAM documentation writes TRUE/FALSE, the service writes true/false (tried first:
        // equals is a fraction of equalsIgnoreCase's cost, on three cells of every row).
        if (cell.equals("true") || cell.equals("false")) {
            return cell.length() == 4 ? TRUE : FALSE;
        }
        if (cell.equalsIgnoreCase("true")) {
            return TRUE;
        }
        if (cell.equalsIgnoreCase("false")) {
            return FALSE;
        }
        throw new IllegalArgumentException(UntrustedText.quote(cell) + " is not true or false");
    }

    static ReportValue<String> text(String cell) {
        Absence absence = Absence.of(cell);
        if (absence != null) {
            return ReportValue.absent(absence);
        }
        if (cell.isEmpty()) {
            throw new IllegalArgumentException("the value is empty");
        }
        return ReportValue.of(cell);
    }
}
