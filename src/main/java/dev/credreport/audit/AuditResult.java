package dev.credreport.audit;

import dev.credreport.report.ReportInput;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an audit looked at and how much it found, so that nothing is hidden silently. The findings
 * themselves are streamed (see {@link Auditor#findings}), so that a report of a million users
 * needs no more memory than one of ten.
 *
 * @param accountId the account of the report, or null for a report without users
 * @param generatedTime when AWS generated the report, or null if unknown
 * @param origin whether the report came from AWS, a file or standard input
 * @param source the endpoint, file name or "standard input"
 * @param settings the as-of instant and thresholds
 * @param rules the rules applied
 * @param usersChecked users the rules were applied to
 * @param ignored the first users --ignore-users left out, with the pattern that matched
 * @param ignoredCount how many users --ignore-users left out in all
 * @param counts findings per severity, the excepted ones included (audit's json "counts"); {@link #openCounts}
 *     without them
 * @param rootWithoutCredentials whether the root user has no password, access key or signing certificate
 *     (AWS Organizations' central root access), so that no root finding is expected; null without a root row
 * @param excepted of {@code counts}, the findings an exceptions-file entry in force accepts (no --fail-on)
 * @param exceptionsMatched the exceptions-file entries that matched a finding, in force or expired
 */
public record AuditResult(String accountId, Instant generatedTime, ReportInput.Origin origin, String source,
        AuditSettings settings, List<RuleInfo> rules, int usersChecked, List<IgnoredUser> ignored, int ignoredCount,
        Map<Severity, Integer> counts, Boolean rootWithoutCredentials, Map<Severity, Integer> excepted,
        List<ExceptionEntry> exceptionsMatched) {

    /** A result without exceptions file. */
    public AuditResult(String accountId, Instant generatedTime, ReportInput.Origin origin, String source,
            AuditSettings settings, List<RuleInfo> rules, int usersChecked, List<IgnoredUser> ignored, int ignoredCount,
            Map<Severity, Integer> counts, Boolean rootWithoutCredentials) {
        this(accountId, generatedTime, origin, source, settings, rules, usersChecked, ignored, ignoredCount, counts,
                rootWithoutCredentials, Map.of(), List.of());
    }

    /** How many ignored users the summary names one by one. */
    public static final int IGNORED_NAMED = 20;

    /** A user --ignore-users left out. */
    public record IgnoredUser(String user, String pattern) {
    }

    public AuditResult {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(settings, "settings");
        rules = List.copyOf(rules);
        ignored = List.copyOf(ignored);
        EnumMap<Severity, Integer> all = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            all.put(severity, counts.getOrDefault(severity, 0));
        }
        counts = java.util.Collections.unmodifiableMap(all);
        EnumMap<Severity, Integer> accepted = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            accepted.put(severity, excepted.getOrDefault(severity, 0));
        }
        excepted = java.util.Collections.unmodifiableMap(accepted);
        exceptionsMatched = List.copyOf(exceptionsMatched);
    }

    /** How many findings an exceptions-file entry in force accepts. */
    public int exceptedCount() {
        return excepted.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The findings that count, by severity: those no exceptions-file entry in force accepts. */
    public Map<Severity, Integer> openCounts() {
        Map<Severity, Integer> open = new java.util.EnumMap<>(Severity.class);
        counts.forEach((severity, count) -> open.put(severity, count - excepted.getOrDefault(severity, 0)));
        return java.util.Collections.unmodifiableMap(open);
    }

    public int findingCount() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Whether any finding not excepted is at {@code threshold} or worse; never with no threshold. */
    public boolean anyAtLeast(Severity threshold) {
        if (threshold == null) {
            return false;
        }
        return counts.entrySet().stream().anyMatch(count -> count.getKey().atLeast(threshold)
                && count.getValue() - excepted.get(count.getKey()) > 0);
    }

    /** The summary line: users checked, findings per severity, and who was ignored. */
    public String summary() {
        int findings = findingCount();
        StringBuilder summary = new StringBuilder();
        summary.append(usersChecked).append(usersChecked == 1 ? " user" : " users").append(" checked, ")
                .append(findings).append(findings == 1 ? " finding" : " findings").append(": ");
        boolean first = true;
        for (Map.Entry<Severity, Integer> count : counts.entrySet()) {
            summary.append(first ? "" : ", ").append(count.getValue()).append(' ').append(count.getKey().label());
            first = false;
        }
        int accepted = exceptedCount();
        if (accepted > 0) {
            // Said as part of the findings above, so that "3 high" cannot be read as the high ones that count.
            summary.append("; of these, ").append(accepted).append(" excepted (");
            boolean firstExcepted = true;
            for (Map.Entry<Severity, Integer> count : excepted.entrySet()) {
                if (count.getValue() > 0) {
                    summary.append(firstExcepted ? "" : ", ").append(count.getValue()).append(' ').append(count.getKey().label());
                    firstExcepted = false;
                }
            }
            summary.append("; accepted risks, not counted for --fail-on), ").append(findings - accepted).append(" open");
        }
        if (Boolean.TRUE.equals(rootWithoutCredentials)) {
            summary.append("; root user").append(accountId == null ? "" : " of " + accountId)
                    .append(" has no credentials (no password, access key or signing certificate)");
        }
        if (ignoredCount > 0) {
            summary.append("; ignored ").append(ignoredCount).append(ignoredCount == 1 ? " user: " : " users: ");
            for (int i = 0; i < ignored.size(); i++) {
                IgnoredUser user = ignored.get(i);
                summary.append(i == 0 ? "" : ", ").append(user.user()).append(" (--ignore-users '").append(user.pattern()).append("')");
            }
            if (ignoredCount > ignored.size()) {
                summary.append(" and ").append(ignoredCount - ignored.size()).append(" more");
            }
        }
        return summary.toString();
    }
}
