package dev.credreport.audit;

import java.util.Objects;

/**
 * One thing a rule found about one user, or about the account as a whole.
 *
 * @param rule the rule that found it
 * @param user the user name as the report has it, or {@link #ACCOUNT} for a finding about the account
 * @param arn the user's ARN, or the account's ({@code arn:aws:iam::123456789012:root}, the account as a principal)
 * @param line the report line the user stands on, or 0 for a finding about the whole report
 * @param evidence the values and ages that made the rule fire
 * @param credential which of the user's credentials it is about, as its rule says; {@link Credential#NONE} for none
 * @param exception the exceptions-file entry in force that accepts this finding (it then counts for no
 *     --fail-on), or null
 * @param owner the user's owner from its --owner-tag ({@link Owners#NO_OWNER} without the tag), or null when
 *     owner tags were not read
 */
public record Finding(RuleInfo rule, String user, String arn, long line, String evidence, Credential credential,
        ExceptionEntry exception, String owner) {
    /** The user of a finding about the whole account; no IAM user name has parentheses. */
    public static final String ACCOUNT = "(account)";

    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(credential, "credential");
    }

    /** A finding about one of the user's credentials (or {@link Credential#NONE}), neither excepted nor owned. */
    public Finding(RuleInfo rule, String user, String arn, long line, String evidence, Credential credential) {
        this(rule, user, arn, line, evidence, credential, null, null);
    }

    /** A finding about no credential in particular. */
    public Finding(RuleInfo rule, String user, String arn, long line, String evidence) {
        this(rule, user, arn, line, evidence, Credential.NONE);
    }

    /** This finding accepted by an entry in force. */
    public Finding excepted(ExceptionEntry entry) {
        return new Finding(rule, user, arn, line, evidence, credential, entry, owner);
    }

    /** This finding with a note added to its evidence. */
    public Finding noted(String note) {
        return new Finding(rule, user, arn, line, evidence + "; " + note, credential, exception, owner);
    }

    /** This finding with its user's owner (see {@link Owners}). */
    public Finding owned(String by) {
        return new Finding(rule, user, arn, line, evidence, credential, exception, by);
    }

    /** Whether an exceptions-file entry in force accepts it. */
    public boolean isExcepted() {
        return exception != null;
    }

    /** A finding about the account whose principal ARN is given. */
    public static Finding ofAccount(RuleInfo rule, String accountArn, String evidence) {
        return new Finding(rule, ACCOUNT, accountArn, 0, evidence);
    }

    /** The account's principal ARN ({@code arn:PARTITION:iam::ACCOUNT:root}) from the ARN of any of its users. */
    public static String accountArn(String userArn) {
        String[] parts = userArn.split(":", 6);
        if (parts.length < 6) {
            return userArn;
        }
        return parts[0] + ":" + parts[1] + ":iam::" + parts[4] + ":root";
    }

    public boolean aboutAccount() {
        return user.equals(ACCOUNT) && line == 0;
    }

    public Severity severity() {
        return rule.severity();
    }
}
