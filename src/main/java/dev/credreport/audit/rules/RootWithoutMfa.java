package dev.credreport.audit.rules;

import dev.credreport.audit.AuditSettings;
import dev.credreport.audit.Finding;
import dev.credreport.audit.BaseRule;
import dev.credreport.audit.RuleInfo;
import dev.credreport.audit.Severity;
import dev.credreport.report.UserCredentials;
import java.util.function.Consumer;

/** The root user signs in with a password alone. */
public final class RootWithoutMfa extends BaseRule {
    public RootWithoutMfa() {
        super(new RuleInfo("root-no-mfa", "Root user has no MFA",
                Severity.CRITICAL, "-",
                "Sign in as root and assign an MFA device (a hardware key is best) under Security credentials."));
    }

    @Override
    public void check(UserCredentials user, AuditSettings settings, Consumer<Finding> findings) {
        if (user.isRoot() && Boolean.FALSE.equals(user.mfaActive().value())) {
            findings.accept(finding(user, "mfa_active is false"));
        }
    }
}
