package dev.credreport.audit.rules;

import dev.credreport.audit.AuditSettings;
import dev.credreport.audit.Credential;
import dev.credreport.audit.Finding;
import dev.credreport.audit.BaseRule;
import dev.credreport.audit.RuleInfo;
import dev.credreport.audit.Severity;
import dev.credreport.report.AccessKey;
import dev.credreport.report.UserCredentials;
import java.util.function.Consumer;

/** The root user has an active access key: anyone holding it controls the whole account. */
public final class RootAccessKeyActive extends BaseRule {
    public RootAccessKeyActive() {
        super(new RuleInfo("root-access-key-active", "Root user has an active access key",
                Severity.CRITICAL, "-",
                "Delete the root user's access keys (IAM console, signed in as root: Security credentials) and use IAM roles instead."));
    }

    @Override
    public void check(UserCredentials user, AuditSettings settings, Consumer<Finding> findings) {
        if (!user.isRoot() || settings.root() != null && settings.root().known()
                && Boolean.FALSE.equals(settings.root().accessKeysPresent())) {
            // AccountAccessKeysPresent 0: the account summary says root has no key now.
            return;
        }
        for (AccessKey key : user.accessKeys()) {
            if (key.isActive()) {
                findings.accept(finding(user, Credential.accessKey(key.slot()), "access key " + key.slot() + " is active"
                        + key.lastRotated().asOptional().map(t -> ", created " + settings.dated(t)).orElse("")
                        + key.lastUsedDate().asOptional().map(t -> ", last used " + settings.dated(t)).orElse(", never used")
                        + settings.rootEvidence()));
            }
        }
    }
}
