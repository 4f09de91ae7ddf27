package dev.credreport.audit;

import dev.credreport.report.ReportInput;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an audit found, and what it looked at so that nothing is hidden silently.
 *
 * @param accountId the account of the report, or null for a report without users
 * @param generatedTime when AWS generated the report, or null if unknown
 * @param origin whether the report came from AWS, a file or standard input
 * @param source the endpoint, file name or "standard input"
 * @param settings the as-of instant and thresholds
 * @param rules the rules applied
 * @param usersChecked users the rules were applied to
 * @param ignored users left out by --ignore-users, with the pattern that matched
 * @param findings worst first, then in report order
 */
public record AuditResult(String accountId, Instant generatedTime, ReportInput.Origin origin, String source, AuditSettings settings, List<RuleInfo> rules,
        int usersChecked, List<IgnoredUser> ignored, List<Finding> findings) {

    /** A user --ignore-users left out. */
    public record IgnoredUser(String user, String pattern) {
    }

    public AuditResult {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(settings, "settings");
        rules = List.copyOf(rules);
        ignored = List.copyOf(ignored);
        findings = List.copyOf(findings);
    }

    public Map<Severity, Integer> counts() {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            counts.put(severity, 0);
        }
        findings.forEach(finding -> counts.merge(finding.severity(), 1, Integer::sum));
        return counts;
    }

    /** Whether any finding is at {@code threshold} or worse; never with no threshold. */
    public boolean anyAtLeast(Severity threshold) {
        return threshold != null && findings.stream().anyMatch(finding -> finding.severity().atLeast(threshold));
    }

    /** The summary line: users checked, findings per severity, and who was ignored. */
    public String summary() {
        StringBuilder summary = new StringBuilder();
        summary.append(usersChecked).append(usersChecked == 1 ? " user" : " users").append(" checked, ")
                .append(findings.size()).append(findings.size() == 1 ? " finding" : " findings");
        StringBuilder perSeverity = new StringBuilder();
        counts().forEach((severity, count) -> perSeverity.append(perSeverity.length() == 0 ? "" : ", ")
                .append(count).append(' ').append(severity.label()));
        summary.append(": ").append(perSeverity);
        if (!ignored.isEmpty()) {
            summary.append("; ignored ").append(ignored.size()).append(ignored.size() == 1 ? " user: " : " users: ");
            for (int i = 0; i < ignored.size(); i++) {
                IgnoredUser user = ignored.get(i);
                summary.append(i == 0 ? "" : ", ").append(user.user()).append(" (--ignore-users '").append(user.pattern()).append("')");
            }
        }
        return summary.toString();
    }
}
