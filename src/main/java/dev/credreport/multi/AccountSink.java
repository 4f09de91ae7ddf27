package dev.credreport.multi;

import dev.credreport.aws.AccountAccess;
import dev.credreport.core.CredreportException;
import dev.credreport.render.ManyAccounts;
import dev.credreport.report.Account;
import dev.credreport.report.ReportInput;
import java.io.IOException;

/**
 * What a command does with each account of a run over many accounts: write its report or audit,
 * save it, send its findings. {@link AccountRun} calls it on one thread, in the order of the
 * account list, whatever order the fetches finish in.
 */
public interface AccountSink {
    /**
     * One account's report, fetched and checked. A {@link CredreportException} thrown here (a save
     * or a Security Hub import that failed) makes that account failed, not the run; the sink is then
     * told {@link #failed} for it.
     *
     * @param account the account, with its name when the Organization gave one
     * @param access the run's access, to act in the account with its own role
     */
    void account(Account account, ReportInput report, AccountAccess access) throws IOException;

    /** What a sink did with an account's report in the account's own worker, told in the account's turn. */
    @FunctionalInterface
    interface Done {
        void tell() throws IOException;
    }

    /**
     * Called in the account's own worker as soon as its report is fetched and checked, before its
     * turn: a sink whose work on a report needs no order (saving it) does it here, many accounts at
     * once, and returns what to tell in the account's turn; the report is then let go instead of
     * being kept until its turn. Null (the default) keeps the report for {@link #account}. A
     * {@link CredreportException} or an {@link IOException} thrown here makes that account failed.
     */
    default Done inWorker(Account account, ReportInput report, AccountAccess access) throws IOException {
        return null;
    }

    /** An account whose report could not be had, or whose handling failed. */
    default void failed(Account account, CredreportException failure) throws IOException {
    }

    /** After the last account, when at least one succeeded: a document over all accounts is ended here. */
    default void finish() throws IOException {
    }

    /** What one account's report becomes in a document over every account (the report itself, its audit). */
    @FunctionalInterface
    interface Step<R> {
        R apply(Account account, ReportInput report, AccountAccess access) throws IOException;
    }

    /** What is told, in the account's turn, of what {@link #inWorkers}' work did (the path a report was saved at). */
    @FunctionalInterface
    interface Told<R> {
        void tell(Account account, R done) throws IOException;
    }

    /**
     * Does {@code work} on each account's report in the account's own worker (saving it), and tells
     * what it gave in account order with {@code told}.
     */
    static <R> AccountSink inWorkers(Step<R> work, Told<R> told) {
        return new AccountSink() {
            @Override
            public void account(Account account, ReportInput report, AccountAccess access) throws IOException {
                told.tell(account, work.apply(account, report, access));
            }

            @Override
            public Done inWorker(Account account, ReportInput report, AccountAccess access) throws IOException {
                R done = work.apply(account, report, access);
                return () -> told.tell(account, done);
            }
        };
    }

    /** Writes each account's {@code step} result, and each failure, into one document over all accounts. */
    static <R> AccountSink into(ManyAccounts<R> document, Step<R> step) {
        return new AccountSink() {
            @Override
            public void account(Account account, ReportInput report, AccountAccess access) throws IOException {
                document.account(account, step.apply(account, report, access));
            }

            @Override
            public void failed(Account account, CredreportException failure) throws IOException {
                document.failed(account, failure);
            }

            @Override
            public void finish() throws IOException {
                document.finish();
            }
        };
    }
}
