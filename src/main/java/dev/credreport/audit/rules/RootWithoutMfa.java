package dev.credreport.audit.rules;

import dev.credreport.audit.AuditSettings;
import dev.credreport.audit.Finding;
import dev.credreport.audit.BaseRule;
import dev.credreport.audit.RootCredentials;
import dev.credreport.audit.RootFacts;
import dev.credreport.audit.RuleInfo;
import dev.credreport.audit.Severity;
import dev.credreport.report.UserCredentials;
import java.util.function.Consumer;

/**
 * The root user signs in with a password alone. A root user without credentials (see
 * {@link RootCredentials}) passes, as the benchmark's audit ("mfa_active is true or password_enabled
 * is false") and Security Hub IAM.9 have it: there is nothing to sign in with.
 */
public final class RootWithoutMfa extends BaseRule {
    public RootWithoutMfa() {
        super(new RuleInfo("root-no-mfa", "Root user has no MFA",
                Severity.CRITICAL, "-",
                "Sign in as root and assign an MFA device (a hardware key is best) under Security credentials."));
    }

    @Override
    public void check(UserCredentials user, AuditSettings settings, Consumer<Finding> findings) {
        if (!user.isRoot()) {
            return;
        }
        RootFacts facts = settings.root();
        if (facts != null && facts.known() && facts.mfaEnabled() != null) {
            // The account summary is today's truth; the report's root row may be hours old. A root
            // without a password (centralized root access) has nothing to sign in with.
            if (!facts.mfaEnabled() && !Boolean.FALSE.equals(facts.passwordPresent())) {
                findings.accept(finding(user, "AccountMFAEnabled is 0" + settings.rootEvidence()));
            }
            return;
        }
        if (Boolean.FALSE.equals(user.mfaActive().value()) && !RootCredentials.absent(user)) {
            findings.accept(finding(user, "mfa_active is false" + settings.rootEvidence()));
        }
    }
}
