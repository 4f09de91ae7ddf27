package dev.credreport.audit.rules;

import dev.credreport.audit.AuditSettings;
import dev.credreport.audit.Credential;
import dev.credreport.audit.Finding;
import dev.credreport.audit.BaseRule;
import dev.credreport.audit.RuleInfo;
import dev.credreport.audit.Severity;
import dev.credreport.report.UserCredentials;
import java.time.Instant;
import java.util.function.Consumer;

/** A password the account's password policy says should have been changed by now. */
public final class PasswordPastRotation extends BaseRule {
    public PasswordPastRotation() {
        super(new RuleInfo("password-past-rotation", "Password past its rotation date",
                Severity.LOW, "past password_next_rotation",
                "Have the user change the password, or disable it if the user no longer signs in."));
    }

    @Override
    public void check(UserCredentials user, AuditSettings settings, Consumer<Finding> findings) {
        if (user.isRoot() || !user.password().isEnabled() || !user.password().nextRotation().isPresent()) {
            return;
        }
        Instant due = user.password().nextRotation().value();
        if (due.isBefore(settings.asOf())) {
            findings.accept(finding(user, Credential.PASSWORD, "password_next_rotation was " + settings.dated(due)));
        }
    }
}
