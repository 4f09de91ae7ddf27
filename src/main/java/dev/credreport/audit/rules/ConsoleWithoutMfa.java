package dev.credreport.audit.rules;

import dev.credreport.audit.AuditSettings;
import dev.credreport.audit.Credential;
import dev.credreport.audit.Finding;
import dev.credreport.audit.BaseRule;
import dev.credreport.audit.RuleInfo;
import dev.credreport.audit.Severity;
import dev.credreport.report.UserCredentials;
import java.util.function.Consumer;

/** An IAM user can sign in to the console with a password alone. */
public final class ConsoleWithoutMfa extends BaseRule {
    public ConsoleWithoutMfa() {
        super(new RuleInfo("console-without-mfa", "Console password without MFA",
                Severity.HIGH, "-",
                "Assign an MFA device to the user, or remove the console password if the user does not need it."));
    }

    @Override
    public void check(UserCredentials user, AuditSettings settings, Consumer<Finding> findings) {
        if (!user.isRoot() && user.password().isEnabled() && Boolean.FALSE.equals(user.mfaActive().value())) {
            String used = user.password().lastUsed().asOptional()
                    .map(t -> "last used " + settings.dated(t))
                    .orElse("never used");
            findings.accept(finding(user, Credential.PASSWORD, "password_enabled is true (" + used + "), mfa_active is false"));
        }
    }
}
