package dev.credreport.audit.rules;

import dev.credreport.audit.AuditSettings;
import dev.credreport.audit.Credential;
import dev.credreport.audit.Finding;
import dev.credreport.audit.BaseRule;
import dev.credreport.audit.RuleIds;
import dev.credreport.audit.RuleInfo;
import dev.credreport.audit.Severity;
import dev.credreport.core.HumanTime;
import dev.credreport.report.AccessKey;
import dev.credreport.report.Password;
import dev.credreport.report.UserCredentials;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * A password or active access key not used for --unused-days. A never-used password counts from
 * its last change (else the user's creation), a never-used key from its creation. The root user
 * is left to root-recently-used.
 */
public final class UnusedCredentials extends BaseRule {
    public UnusedCredentials() {
        super(new RuleInfo(RuleIds.CREDENTIALS_UNUSED, "Credentials unused for too long",
                Severity.MEDIUM, "unused for --unused-days or more (default 45)",
                "Disable the unused password or deactivate the unused access key; delete it once nothing breaks."));
    }

    @Override
    public void check(UserCredentials user, AuditSettings settings, Consumer<Finding> findings) {
        if (user.isRoot()) {
            return;
        }
        Password password = user.password();
        if (password.isEnabled()) {
            if (password.lastUsed().isPresent()) {
                report(user, settings, findings, Credential.PASSWORD, "password", password.lastUsed().value(), true);
            } else {
                Instant since = password.lastChanged().orElse(user.creationTime());
                report(user, settings, findings, Credential.PASSWORD, "password", since, false);
            }
        }
        for (AccessKey key : user.accessKeys()) {
            if (!key.isActive()) {
                continue;
            }
            if (key.lastUsedDate().isPresent()) {
                report(user, settings, findings, Credential.accessKey(key.slot()), "access key " + key.slot(), key.lastUsedDate().value(), true);
            } else if (key.lastRotated().isPresent()) {
                report(user, settings, findings, Credential.accessKey(key.slot()), "access key " + key.slot(), key.lastRotated().value(), false);
            }
        }
    }

    private void report(UserCredentials user, AuditSettings settings, Consumer<Finding> findings, Credential which, String credential,
            Instant since, boolean used) {
        Duration age = settings.ageOf(since);
        if (AuditSettings.atLeastDays(age, settings.unusedDays())) {
            findings.accept(finding(user, which, used
                    ? credential + " unused for " + HumanTime.span(age) + ", last used " + settings.dated(since)
                            + " (threshold " + settings.unusedDays() + "d)"
                    : credential + " never used, " + (credential.equals("password") ? "set " : "created ")
                            + settings.dated(since) + " (threshold " + settings.unusedDays() + "d)"));
        }
    }
}
