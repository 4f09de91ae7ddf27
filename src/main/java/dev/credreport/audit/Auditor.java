package dev.credreport.audit;

import dev.credreport.report.CredentialReportReader;
import dev.credreport.report.ReportInput;
import dev.credreport.report.UserCredentials;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Applies rules to a report one user at a time. */
public final class Auditor {
    private final List<Rule> rules;
    private final List<UserPattern> ignore;

    public Auditor(List<Rule> rules, List<UserPattern> ignore) {
        this.rules = List.copyOf(rules);
        this.ignore = List.copyOf(ignore);
    }

    public AuditResult audit(ReportInput input, AuditSettings settings) {
        List<Finding> findings = new ArrayList<>();
        List<AuditResult.IgnoredUser> ignored = new ArrayList<>();
        String account = null;
        int checked = 0;
        try (CredentialReportReader report = input.openReport()) {
            while (report.hasNext()) {
                UserCredentials user = report.next();
                account = account == null ? user.accountId() : account;
                UserPattern matched = ignoring(user.user());
                if (matched != null) {
                    ignored.add(new AuditResult.IgnoredUser(user.user(), matched.glob()));
                    continue;
                }
                checked++;
                for (Rule rule : rules) {
                    rule.check(user, settings, findings::add);
                }
            }
        }
        // Stable: findings of one severity keep report order, then rule order.
        findings.sort(Comparator.comparing(Finding::severity));
        return new AuditResult(account, input.generatedTime().orElse(null), input.origin(), input.name(), settings,
                rules.stream().map(Rule::info).toList(), checked, ignored, findings);
    }

    private UserPattern ignoring(String user) {
        for (UserPattern pattern : ignore) {
            if (pattern.matches(user)) {
                return pattern;
            }
        }
        return null;
    }
}
