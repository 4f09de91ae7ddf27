package dev.credreport.diff;

import java.util.Objects;

/**
 * One change to one user between two reports.
 *
 * @param user the user's name
 * @param arn the user's ARN, which matches users across reports
 * @param root whether the user is the root user
 * @param kind what changed
 * @param subject what it changed on: "password", "MFA", "access key 1", "certificate 2", or "user"
 * @param before the value in the old report, as the CSV had it ("" for none)
 * @param after the value in the new report, as the CSV had it ("" for none)
 * @param alert whether it needs a security look: MFA turned off, a new key on root, a new active key
 */
public record Change(String user, String arn, boolean root, ChangeKind kind, String subject, String before, String after,
        boolean alert) {

    public Change {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    /** "access key 1 created", "MFA deactivated". */
    public String description() {
        switch (kind) {
            case USER_ADDED:
            case USER_REMOVED:
            case PASSWORD_ENABLED:
            case PASSWORD_DISABLED:
            case PASSWORD_CHANGED:
            case PASSWORD_FIRST_USED:
            case PASSWORD_USED:
            case MFA_ACTIVATED:
            case MFA_DEACTIVATED:
                return kind.description();
            default:
                return subject + " " + kind.description();
        }
    }
}
