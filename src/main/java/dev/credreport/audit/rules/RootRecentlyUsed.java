package dev.credreport.audit.rules;

import dev.credreport.audit.AuditSettings;
import dev.credreport.audit.Finding;
import dev.credreport.audit.BaseRule;
import dev.credreport.audit.RuleInfo;
import dev.credreport.audit.Severity;
import dev.credreport.report.AccessKey;
import dev.credreport.report.UserCredentials;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/** The root user was used lately, by password or access key: it should be kept for the few tasks only root can do. */
public final class RootRecentlyUsed extends BaseRule {
    public RootRecentlyUsed() {
        super(new RuleInfo("root-recently-used", "Root user was used recently",
                Severity.HIGH, "used within --root-use-days (default 90)",
                "Do daily work with IAM roles or users; keep root for the tasks that need it and find out who used it."));
    }

    @Override
    public void check(UserCredentials user, AuditSettings settings, Consumer<Finding> findings) {
        if (!user.isRoot()) {
            return;
        }
        Instant latest = null;
        String by = null;
        if (user.password().lastUsed().isPresent()) {
            latest = user.password().lastUsed().value();
            by = "the password";
        }
        for (AccessKey key : user.accessKeys()) {
            Instant used = key.lastUsedDate().value();
            if (used != null && (latest == null || used.isAfter(latest))) {
                latest = used;
                by = "access key " + key.slot();
            }
        }
        if (latest == null) {
            return;
        }
        Duration age = settings.ageOf(latest);
        if (age.compareTo(Duration.ofDays(settings.rootUseDays())) < 0) {
            findings.accept(finding(user, "last used by " + by + " on " + settings.dated(latest)
                    + " (threshold " + settings.rootUseDays() + "d)" + settings.rootEvidence()));
        }
    }
}
