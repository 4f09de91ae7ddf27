package dev.credreport.audit;

import java.util.Locale;

/** How bad a finding is, worst first. */
public enum Severity {
    CRITICAL,
    HIGH,
    MEDIUM,
    LOW,
    /** Advice rather than a fault: below low, and never fails a run unless --fail-on info asks. */
    INFO;

    /** Whether this is as bad as the other or worse. */
    public boolean atLeast(Severity other) {
        return compareTo(other) <= 0;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
