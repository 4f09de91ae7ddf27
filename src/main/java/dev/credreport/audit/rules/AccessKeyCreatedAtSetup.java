package dev.credreport.audit.rules;

import dev.credreport.audit.AuditSettings;
import dev.credreport.audit.Credential;
import dev.credreport.audit.Finding;
import dev.credreport.audit.BaseRule;
import dev.credreport.audit.RuleInfo;
import dev.credreport.audit.Severity;
import dev.credreport.report.AccessKey;
import dev.credreport.report.UserCredentials;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * An access key made together with a console user and never used: keys handed out "just in case"
 * at setup. A key counts as made at setup when it was created within an hour of the user.
 */
public final class AccessKeyCreatedAtSetup extends BaseRule {
    static final Duration SETUP_WINDOW = Duration.ofHours(1);

    public AccessKeyCreatedAtSetup() {
        super(new RuleInfo("access-key-created-at-setup", "Access key created at user setup and never used",
                Severity.MEDIUM, "created within 1h of the user",
                "Delete the unused key; create access keys only when a user needs programmatic access."));
    }

    @Override
    public void check(UserCredentials user, AuditSettings settings, Consumer<Finding> findings) {
        if (user.isRoot() || !user.password().isEnabled()) {
            return;
        }
        for (AccessKey key : user.accessKeys()) {
            if (key.isActive() && key.lastRotated().isPresent() && !key.lastUsedDate().isPresent()) {
                Duration afterUser = Duration.between(user.creationTime(), key.lastRotated().value());
                if (!afterUser.isNegative() && afterUser.compareTo(SETUP_WINDOW) <= 0) {
                    findings.accept(finding(user, Credential.accessKey(key.slot()), "access key " + key.slot() + " created " + key.lastRotated().value()
                            + ", " + (afterUser.toSeconds() < 60 ? afterUser.toSeconds() + "s" : afterUser.toMinutes() + "m") + " after the user, never used; the user has a console password"));
                }
            }
        }
    }
}
