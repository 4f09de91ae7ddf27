package dev.credreport.report;

import java.time.Instant;
import java.util.Objects;

/** A user's console password as the report describes it. */
public record Password(
        ReportValue<Boolean> enabled,
        ReportValue<Instant> lastUsed,
        ReportValue<Instant> lastChanged,
        ReportValue<Instant> nextRotation) {

    public Password {
        Objects.requireNonNull(enabled, "enabled");
        Objects.requireNonNull(lastUsed, "lastUsed");
        Objects.requireNonNull(lastChanged, "lastChanged");
        Objects.requireNonNull(nextRotation, "nextRotation");
    }

    public boolean isEnabled() {
        return Boolean.TRUE.equals(enabled.value());
    }
}
