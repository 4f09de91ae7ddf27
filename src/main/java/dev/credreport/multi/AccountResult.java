package dev.credreport.multi;

import dev.credreport.core.CredreportException;
import dev.credreport.report.Account;
import dev.credreport.report.ReportInput;
import java.util.List;
import java.util.Objects;

/**
 * One account of a multi-account run: its report, what the sink already did with it in the
 * account's worker, or why there is neither.
 *
 * @param account the account, with its name when the Organization gave one
 * @param report the report fetched, or null when it failed or was handled in the worker
 * @param failure why it failed, or null
 * @param handled what the sink did with the report in the account's worker ({@link AccountSink#inWorker}), or null
 */
public record AccountResult(Account account, ReportInput report, CredreportException failure, Handled handled) {
    /** What the sink did in the worker, to be told in the account's turn, and the notes on how its report was read. */
    public record Handled(AccountSink.Done done, List<String> notes) {
        public Handled {
            Objects.requireNonNull(done, "done");
            notes = List.copyOf(notes);
        }
    }

    public AccountResult {
        Objects.requireNonNull(account, "account");
        int given = (report == null ? 0 : 1) + (failure == null ? 0 : 1) + (handled == null ? 0 : 1);
        if (given != 1) {
            throw new IllegalArgumentException("an account has a report, a handled report or a failure");
        }
    }

    public AccountResult(Account account, ReportInput report, CredreportException failure) {
        this(account, report, failure, null);
    }

    public String accountId() {
        return account.id();
    }

    public boolean succeeded() {
        return failure == null;
    }
}
