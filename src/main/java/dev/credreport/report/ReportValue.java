package dev.credreport.report;

import java.util.Objects;
import java.util.Optional;

/**
 * One cell of a credential report: either a value or the token that stood for its absence.
 * Exactly one of the two is set.
 */
public record ReportValue<T>(T value, Absence absence) {

    public ReportValue {
        if ((value == null) == (absence == null)) {
            throw new IllegalArgumentException("a report value holds either a value or an absence token");
        }
    }

    public static <T> ReportValue<T> of(T value) {
        return new ReportValue<>(Objects.requireNonNull(value), null);
    }

    public static <T> ReportValue<T> absent(Absence absence) {
        return new ReportValue<>(null, Objects.requireNonNull(absence));
    }

    public boolean isPresent() {
        return value != null;
    }

    public Optional<T> asOptional() {
        return Optional.ofNullable(value);
    }

    public T orElse(T other) {
        return value != null ? value : other;
    }

    public boolean is(Absence token) {
        return absence == token;
    }

    @Override
    public String toString() {
        return value != null ? value.toString() : absence.token();
    }
}
