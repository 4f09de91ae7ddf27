package dev.credreport.cli;

import dev.credreport.audit.Severity;

/** The values of --fail-on: a severity, or none to never fail. */
enum FailOn {
    CRITICAL(Severity.CRITICAL),
    HIGH(Severity.HIGH),
    MEDIUM(Severity.MEDIUM),
    LOW(Severity.LOW),
    INFO(Severity.INFO),
    NONE(null);

    private final Severity threshold;

    FailOn(Severity threshold) {
        this.threshold = threshold;
    }

    /** The least severity that fails the run, or null. */
    Severity threshold() {
        return threshold;
    }
}
