package dev.credreport.audit;

import java.util.List;
import java.util.Objects;

/**
 * What a rule is: a stable id, a title, a severity, the benchmark controls it maps to, the
 * threshold it uses by default, and a one-line remediation.
 */
public record RuleInfo(String id, String title, Severity severity, List<String> controls, String threshold,
        String remediation) {

    public RuleInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        controls = List.copyOf(controls);
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(remediation, "remediation");
        if (!id.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("rule ids are lower-case words joined by '-': " + id);
        }
    }
}
