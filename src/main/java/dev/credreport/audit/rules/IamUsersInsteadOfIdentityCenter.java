package dev.credreport.audit.rules;

import dev.credreport.audit.AccountRule;
import dev.credreport.audit.AuditSettings;
import dev.credreport.audit.BaseRule;
import dev.credreport.audit.Finding;
import dev.credreport.audit.RuleInfo;
import dev.credreport.audit.Severity;
import dev.credreport.report.AccessKey;
import dev.credreport.report.UserCredentials;
import java.util.function.Consumer;

/**
 * The account still gives people or workloads IAM users with long-term credentials (a console
 * password or an active access key). Advice, not a fault: AWS and the benchmark's central-management
 * item recommend IAM Identity Center for people and roles for workloads.
 */
public final class IamUsersInsteadOfIdentityCenter extends BaseRule implements AccountRule {
    public IamUsersInsteadOfIdentityCenter() {
        super(new RuleInfo("iam-users-instead-of-identity-center", "IAM users with long-term credentials instead of IAM Identity Center",
                Severity.INFO, "any IAM user with a console password or an active access key",
                "Give people access through AWS IAM Identity Center and workloads IAM roles with temporary credentials, "
                        + "then remove the IAM users' passwords and access keys."));
    }

    @Override
    public Tally tally() {
        return new Tally() {
            private String accountArn;
            private int users;
            private int withPassword;
            private int withKeys;

            @Override
            public void add(UserCredentials user) {
                if (user.isRoot()) {
                    return;
                }
                boolean password = user.password().isEnabled();
                boolean keys = user.accessKeys().stream().anyMatch(AccessKey::isActive);
                if (password || keys) {
                    if (accountArn == null) {
                        accountArn = Finding.accountArn(user.arn());
                    }
                    users++;
                    withPassword += password ? 1 : 0;
                    withKeys += keys ? 1 : 0;
                }
            }

            @Override
            public void finish(AuditSettings settings, Consumer<Finding> findings) {
                if (users > 0) {
                    findings.accept(Finding.ofAccount(info(), accountArn, users + (users == 1 ? " IAM user has" : " IAM users have")
                            + " long-term credentials: " + withPassword + " with a console password, " + withKeys
                            + " with an active access key"));
                }
            }
        };
    }
}
