package dev.credreport.multi;

import dev.credreport.core.CredreportException;
import dev.credreport.report.ReportInput;
import java.util.Objects;

/**
 * One account of a multi-account run: its report, or why there is none.
 *
 * @param accountId the account
 * @param report the report fetched, or null when it failed
 * @param failure why it failed, or null
 */
public record AccountResult(String accountId, ReportInput report, CredreportException failure) {
    public AccountResult {
        Objects.requireNonNull(accountId, "accountId");
        if ((report == null) == (failure == null)) {
            throw new IllegalArgumentException("an account has either a report or a failure");
        }
    }

    public boolean succeeded() {
        return report != null;
    }
}
