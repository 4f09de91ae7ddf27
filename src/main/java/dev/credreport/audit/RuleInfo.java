package dev.credreport.audit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a rule is: a stable id, a title, a severity, the controls of the standards it checks (see
 * {@link ControlTable}), the threshold it uses by default, and a one-line remediation.
 */
public record RuleInfo(String id, String title, Severity severity, List<Control> controls, String threshold,
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

    /** A rule whose controls are those {@link ControlTable} maps to its id. */
    public RuleInfo(String id, String title, Severity severity, String threshold, String remediation) {
        this(id, title, severity, ControlTable.forRule(id), threshold, remediation);
    }

    /** The rule's item in this CIS AWS Foundations Benchmark version, if that version has one. */
    public Optional<Control> cis(String version) {
        return controls.stream().filter(control -> control.isCis() && control.version().equals(version)).findFirst();
    }

    /** What tables show for this CIS version: its CIS item, then the Security Hub and Config controls. */
    public List<Control> controlsShown(String cisVersion) {
        return ControlTable.shown(controls, cisVersion);
    }
}
