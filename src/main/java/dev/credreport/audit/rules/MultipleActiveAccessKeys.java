package dev.credreport.audit.rules;

import dev.credreport.audit.AuditSettings;
import dev.credreport.audit.Finding;
import dev.credreport.audit.BaseRule;
import dev.credreport.audit.RuleInfo;
import dev.credreport.audit.Severity;
import dev.credreport.report.UserCredentials;
import java.util.function.Consumer;

/** Both access key slots of a user are active: one is usually forgotten after a rotation. */
public final class MultipleActiveAccessKeys extends BaseRule {
    public MultipleActiveAccessKeys() {
        super(new RuleInfo("multiple-active-access-keys", "Two active access keys on one user",
                Severity.MEDIUM, "-",
                "Find which key is still in use (last used date, CloudTrail) and deactivate the other."));
    }

    @Override
    public void check(UserCredentials user, AuditSettings settings, Consumer<Finding> findings) {
        if (user.accessKey1().isActive() && user.accessKey2().isActive()) {
            findings.accept(finding(user, "access_key_1_active and access_key_2_active are both true"));
        }
    }
}
