package dev.credreport.audit.rules;

import dev.credreport.audit.AuditSettings;
import dev.credreport.audit.Credential;
import dev.credreport.audit.Finding;
import dev.credreport.audit.BaseRule;
import dev.credreport.audit.RuleInfo;
import dev.credreport.audit.Severity;
import dev.credreport.report.SigningCertificate;
import dev.credreport.report.UserCredentials;
import java.util.function.Consumer;

/** An active signing certificate older than --rotation-days. Root's are left to root-signing-certificate-active. */
public final class SigningCertificateNotRotated extends BaseRule {
    public SigningCertificateNotRotated() {
        super(new RuleInfo("signing-certificate-not-rotated", "Signing certificate not rotated",
                Severity.LOW, "older than --rotation-days (default 90)",
                "Upload a new signing certificate, switch to it, then deactivate and delete the old one."));
    }

    @Override
    public void check(UserCredentials user, AuditSettings settings, Consumer<Finding> findings) {
        if (user.isRoot()) {
            return;
        }
        for (SigningCertificate certificate : user.certificates()) {
            if (certificate.isActive() && certificate.lastRotated().isPresent()
                    && AuditSettings.moreThanDays(settings.ageOf(certificate.lastRotated().value()), settings.rotationDays())) {
                findings.accept(finding(user, Credential.certificate(certificate.slot()), "signing certificate " + certificate.slot() + " created "
                        + settings.dated(certificate.lastRotated().value()) + " (threshold " + settings.rotationDays() + "d)"));
            }
        }
    }
}
