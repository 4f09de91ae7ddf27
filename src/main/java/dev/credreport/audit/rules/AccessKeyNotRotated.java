package dev.credreport.audit.rules;

import dev.credreport.audit.AuditSettings;
import dev.credreport.audit.Credential;
import dev.credreport.audit.Finding;
import dev.credreport.audit.BaseRule;
import dev.credreport.audit.RuleIds;
import dev.credreport.audit.RuleInfo;
import dev.credreport.audit.Severity;
import dev.credreport.report.AccessKey;
import dev.credreport.report.UserCredentials;
import java.time.Duration;
import java.util.function.Consumer;

/** An active access key older than --rotation-days. Root keys are left to root-access-key-active. */
public final class AccessKeyNotRotated extends BaseRule {
    public AccessKeyNotRotated() {
        super(new RuleInfo(RuleIds.ACCESS_KEY_NOT_ROTATED, "Active access key not rotated",
                Severity.MEDIUM, "older than --rotation-days (default 90)",
                "Create a second key, move its users to it, then deactivate and delete the old one."));
    }

    @Override
    public void check(UserCredentials user, AuditSettings settings, Consumer<Finding> findings) {
        if (user.isRoot()) {
            return;
        }
        for (AccessKey key : user.accessKeys()) {
            if (key.isActive() && key.lastRotated().isPresent()) {
                Duration age = settings.ageOf(key.lastRotated().value());
                if (AuditSettings.moreThanDays(age, settings.rotationDays())) {
                    findings.accept(finding(user, Credential.accessKey(key.slot()), "access key " + key.slot() + " created "
                            + settings.dated(key.lastRotated().value()) + " (threshold " + settings.rotationDays() + "d)"));
                }
            }
        }
    }
}
