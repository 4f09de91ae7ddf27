package dev.credreport.report;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns one cell into a typed value. The special tokens are checked first in every column that
 * may lack a value: the most common parser bug with this report is a date parser that meets
 * {@code no_information}.
 */
final class CellParser {
    private CellParser() {
    }

    static ReportValue<Instant> time(String cell) {
        Optional<Absence> absence = Absence.fromToken(cell);
        if (absence.isPresent()) {
            return ReportValue.absent(absence.get());
        }
        return ReportValue.of(instant(cell));
    }

    /** A time that must be present, such as user_creation_time. */
    static Instant instant(String cell) {
        try {
            // ISO_OFFSET_DATE_TIME accepts both "+00:00" and "Z".
            return OffsetDateTime.parse(cell).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + cell + "' is not an ISO 8601 time with an offset");
        }
    }

    static ReportValue<Boolean> bool(String cell) {
        Optional<Absence> absence = Absence.fromToken(cell);
        if (absence.isPresent()) {
            return ReportValue.absent(absence.get());
        }
        // The IAM documentation writes TRUE/FALSE, the service writes true/false.
        String lower = cell.toLowerCase(Locale.ROOT);
        if (lower.equals("true")) {
            return ReportValue.of(Boolean.TRUE);
        }
        if (lower.equals("false")) {
            return ReportValue.of(Boolean.FALSE);
        }
        throw new IllegalArgumentException("'" + cell + "' is not true or false");
    }

    static ReportValue<String> text(String cell) {
        Optional<Absence> absence = Absence.fromToken(cell);
        if (absence.isPresent()) {
            return ReportValue.absent(absence.get());
        }
        if (cell.isEmpty()) {
            throw new IllegalArgumentException("the value is empty");
        }
        return ReportValue.of(cell);
    }
}
