package dev.credreport.report;

import java.time.Instant;
import java.util.Objects;

/** One of the two access key slots of a user. A slot without a key has {@code active=false} and N/A times. */
public record AccessKey(
        int slot,
        ReportValue<Boolean> active,
        ReportValue<Instant> lastRotated,
        ReportValue<Instant> lastUsedDate,
        ReportValue<String> lastUsedRegion,
        ReportValue<String> lastUsedService) {

    public AccessKey {
        if (slot != 1 && slot != 2) {
            throw new IllegalArgumentException("access key slot must be 1 or 2, not " + slot);
        }
        Objects.requireNonNull(active, "active");
        Objects.requireNonNull(lastRotated, "lastRotated");
        Objects.requireNonNull(lastUsedDate, "lastUsedDate");
        Objects.requireNonNull(lastUsedRegion, "lastUsedRegion");
        Objects.requireNonNull(lastUsedService, "lastUsedService");
    }

    public boolean isActive() {
        return Boolean.TRUE.equals(active.value());
    }

    /** A key exists in this slot when it is active or has a creation (rotation) time. */
    public boolean exists() {
        return isActive() || lastRotated.isPresent();
    }
}
