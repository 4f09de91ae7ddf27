package dev.credreport.report;

import java.time.Instant;
import java.util.Objects;

/** One of the two X.509 signing certificate slots of a user. */
public record SigningCertificate(int slot, ReportValue<Boolean> active, ReportValue<Instant> lastRotated) {

    public SigningCertificate {
        if (slot != 1 && slot != 2) {
            throw new IllegalArgumentException("certificate slot must be 1 or 2, not " + slot);
        }
        Objects.requireNonNull(active, "active");
        Objects.requireNonNull(lastRotated, "lastRotated");
    }

    public boolean isActive() {
        return Boolean.TRUE.equals(active.value());
    }

    public boolean exists() {
        return isActive() || lastRotated.isPresent();
    }
}
