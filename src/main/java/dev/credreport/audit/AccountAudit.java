package dev.credreport.audit;

import java.util.Objects;

/**
 * What auditing one report gives: the result (counts, settings, what was checked) and the
 * findings, produced as they are read; with --owner-tag, who owns each user.
 *
 * @param owners each user's owner, or null when owner tags were not read
 */
public record AccountAudit(AuditResult result, Findings findings, Owners owners) {
    public AccountAudit {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(findings, "findings");
    }

    public AccountAudit(AuditResult result, Findings findings) {
        this(result, findings, null);
    }

    /** This audit with each finding's owner set: its user's, {@link Owners#NO_OWNER} for findings about the account. */
    public AccountAudit withOwners(Owners by) {
        Objects.requireNonNull(by, "by");
        Findings unowned = findings;
        Findings owned = consumer -> unowned.forEach(finding -> consumer.accept(
                finding.owned(finding.aboutAccount() ? Owners.NO_OWNER : by.of(finding.user()))));
        return new AccountAudit(result, owned, by);
    }
}
