package dev.credreport.render;

import dev.credreport.audit.RuleInfo;
import java.util.List;
import java.util.Objects;

/**
 * What {@code audit --list-rules} prints: every rule, and the CIS version whose numbers tables and
 * CSV show (JSON carries every version).
 */
public record RuleList(List<RuleInfo> rules, String cisVersion) {
    public RuleList {
        rules = List.copyOf(rules);
        Objects.requireNonNull(cisVersion, "cisVersion");
    }
}
