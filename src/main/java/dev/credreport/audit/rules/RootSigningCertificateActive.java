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

/** The root user has an active X.509 signing certificate, a long-lived credential like an access key. */
public final class RootSigningCertificateActive extends BaseRule {
    public RootSigningCertificateActive() {
        super(new RuleInfo("root-signing-certificate-active", "Root user has an active signing certificate",
                Severity.MEDIUM, "-",
                "Deactivate and delete the root user's X.509 signing certificates."));
    }

    @Override
    public void check(UserCredentials user, AuditSettings settings, Consumer<Finding> findings) {
        if (!user.isRoot() || settings.root() != null && settings.root().known()
                && Boolean.FALSE.equals(settings.root().certificatesPresent())) {
            // AccountSigningCertificatesPresent 0: the account summary says root has no certificate now.
            return;
        }
        for (SigningCertificate certificate : user.certificates()) {
            if (certificate.isActive()) {
                findings.accept(finding(user, Credential.certificate(certificate.slot()), "signing certificate " + certificate.slot() + " is active"
                        + certificate.lastRotated().asOptional().map(t -> ", created " + settings.dated(t)).orElse("")
                        + settings.rootEvidence()));
            }
        }
    }
}
