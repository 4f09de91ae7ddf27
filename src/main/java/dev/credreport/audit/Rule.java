package dev.credreport.audit;

import dev.credreport.report.UserCredentials;
import java.util.function.Consumer;

/** A check of one user's credentials. Rules never fire on absent data unless they are about absence. */
public interface Rule {
    RuleInfo info();

    void check(UserCredentials user, AuditSettings settings, Consumer<Finding> findings);

    /** A finding of this rule about the user as a whole. */
    default Finding finding(UserCredentials user, String evidence) {
        return finding(user, Credential.NONE, evidence);
    }

    /** A finding of this rule about one of the user's credentials. */
    default Finding finding(UserCredentials user, Credential credential, String evidence) {
        return new Finding(info(), user.user(), user.arn(), user.line(), evidence, credential);
    }
}
