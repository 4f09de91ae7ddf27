package dev.credreport.multi;

import dev.credreport.core.CredreportException;
import dev.credreport.report.Account;
import dev.credreport.report.ReportInput;
import java.util.Objects;

/**
 * One account of a multi-account run: its report, or why there is none.
 *
 * @param account the account, with its name when the Organization gave one
 * @param report the report fetched, or null when it failed
 * @param failure why it failed, or null
 */
public record AccountResult(Account account, ReportInput report, CredreportException failure) {
    public AccountResult {
        Objects.requireNonNull(account, "account");
        if ((report == null) == (failure == null)) {
            throw new IllegalArgumentException("an account has either a report or a failure");
        }
    }

    public String accountId() {
        return account.id();
    }

    public boolean succeeded() {
        return report != null;
    }
}
