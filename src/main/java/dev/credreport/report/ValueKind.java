package dev.credreport.report;

/** What a report column holds. */
public enum ValueKind {
    TEXT,
    TIME,
    BOOLEAN
}
