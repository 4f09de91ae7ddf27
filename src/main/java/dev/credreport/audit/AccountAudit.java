package dev.credreport.audit;

import java.util.Objects;

/**
 * What auditing one report gives: the result (counts, settings, what was checked) and the
 * findings, produced as they are read.
 */
public record AccountAudit(AuditResult result, Findings findings) {
    public AccountAudit {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(findings, "findings");
    }
}
