package dev.credreport.multi;

import dev.credreport.aws.AccountAccess;
import dev.credreport.aws.AwsSettings;
import dev.credreport.core.CredreportException;
import dev.credreport.core.ExitCode;
import dev.credreport.io.Progress;
import dev.credreport.report.Account;
import dev.credreport.report.ReportInput;
import dev.credreport.report.UntrustedText;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The one loop of every command over many accounts: lists the accounts, fetches each with its own
 * role and wait budget ({@code concurrency} at a time), hands each result to the command's
 * {@link AccountSink} in account order, lists every failure as it happens, and ends with a
 * summary and the run's exit code: 0, 9 when some accounts failed, or the failure's own code
 * (thrown) when all did, so that nothing is written then.
 */
public final class AccountRun {
    private final AwsSettings settings;
    private final AccountAccess.RoleSettings roles;
    private final AccountSelection selection;
    private final FetchPlan plan;
    private final boolean quiet;
    private final Clock clock;
    private java.nio.file.Path failedAccounts;

    /** @param clock the time role sessions are counted on (a fake one in tests) */
    public AccountRun(AwsSettings settings, AccountAccess.RoleSettings roles, AccountSelection selection, FetchPlan plan,
            boolean quiet, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.roles = Objects.requireNonNull(roles, "roles");
        this.selection = Objects.requireNonNull(selection, "selection");
        this.plan = Objects.requireNonNull(plan, "plan");
        this.quiet = quiet;
    }

    /**
     * Writes the accounts that failed, with why, to {@code file} in the form --accounts-file reads
     * (--failed-accounts), so that the next run can retry just those; the file is written (empty of
     * ids when none failed) before the summary, also when every account failed.
     */
    public AccountRun failedAccountsTo(java.nio.file.Path file) {
        this.failedAccounts = file;
        return this;
    }

    /** How a run went: what the command prints last and exits with. */
    public record Outcome(int asked, int succeeded, int failed, List<String> failedIds) {
        /** The names of the failed accounts the summary lists, at most this many. */
        static final int NAMED = 10;

        public Outcome(int asked, int succeeded, int failed) {
            this(asked, succeeded, failed, List.of());
        }

        public Outcome {
            failedIds = List.copyOf(failedIds);
        }

        /** 0, or 9 when some accounts failed. */
        public int exitCode() {
            return failed == 0 ? ExitCode.SUCCESS.code() : ExitCode.SOME_ACCOUNTS_FAILED.code();
        }

        public String summary() {
            String counts = asked + (asked == 1 ? " account" : " accounts") + " asked, " + succeeded + " succeeded, " + failed
                    + " failed";
            if (failedIds.isEmpty()) {
                return counts;
            }
            String named = String.join(", ", failedIds.subList(0, Math.min(NAMED, failedIds.size())));
            return counts + ": " + named + (failedIds.size() > NAMED ? " and " + (failedIds.size() - NAMED) + " more" : "")
                    + " (why is above; --failed-accounts FILE lists them for a retry with --accounts-file FILE)";
        }

        /** Prints the summary (always when accounts failed, else unless quiet) and gives the exit code. */
        public int report(PrintWriter err, boolean quiet) {
            if (failed > 0 || !quiet) {
                err.println("credreport: " + summary());
            }
            return exitCode();
        }
    }

    /**
     * Runs {@code sink} over every account. The summary is left to {@link Outcome#report}, for the
     * command to print once its output is in place.
     *
     * @throws CredreportException with the first failure's code when every account failed, before
     *     the sink is finished
     */
    public Outcome run(Progress progress, PrintWriter err, AccountSink sink) throws IOException {
        try (AccountAccess access = new AccountAccess(settings, roles, clock, plan.throttlePatience(), plan.accountTimeout())) {
            Tally tally = new Tally(progress);
            // Shown from the start and ticking, not only when the first account is done.
            progress.tickEverySecond();
            int asked;
            try (MultiAccountFetch.Accounts accounts = selection.stream(access,
                    skipped -> progress.printAbove("credreport: skipped account " + skipped + ": not ACTIVE"))) {
                progress.update(accounts.total(0) + " accounts done, 0 failed");
                asked = new MultiAccountFetch(access, plan).inWorkers(sink).run(accounts, result -> {
                    if (!result.succeeded()) {
                        tally.failed(result.accountId(), result.failure());
                        progress.without(() -> sink.failed(result.account(), result.failure()));
                        return;
                    }
                    if (result.handled() != null) {
                        // Done in the account's worker already (saved): only told here, in the account's turn.
                        progress.without(result.handled().done()::tell);
                        tally.succeeded(result.accountId(), result.handled().notes(), quiet);
                        return;
                    }
                    try (ReportInput report = result.report()) {
                        progress.without(() -> sink.account(result.account(), report, access));
                        tally.succeeded(result, quiet);
                    } catch (CredreportException e) {
                        if (e.exitCode() == ExitCode.USAGE) {
                            // The user's mistake (a page too big to hold) is the run's, whichever account shows it.
                            throw e;
                        }
                        // What was to be done with one account's report failed: that account's failure, not the run's.
                        tally.failed(result.accountId(), e);
                        progress.without(() -> sink.failed(result.account(), e));
                    }
                }, progress::update);
            } finally {
                // Before the output is finished and the summary printed, so neither is glued to it.
                progress.clear();
            }
            if (failedAccounts != null) {
                tally.writeFailed(failedAccounts);
            }
            if (tally.succeeded == 0) {
                throw tally.allFailed(asked);
            }
            sink.finish();
            return new Outcome(asked, tally.succeeded, tally.failures.size(), tally.failedIds);
        }
    }

    /** The accounts done so far; failures are listed on standard error as they happen. */
    private static final class Tally {
        private final Progress progress;
        private final List<CredreportException> failures = new java.util.ArrayList<>();
        private final List<String> failedIds = new java.util.ArrayList<>();
        private int succeeded;

        Tally(Progress progress) {
            this.progress = progress;
        }

        void succeeded(AccountResult result, boolean quiet) {
            succeeded++;
            if (!quiet) {
                result.report().sendNotesTo(note -> note(result.accountId(), note));
            }
        }

        void succeeded(String accountId, List<String> notes, boolean quiet) {
            succeeded++;
            if (!quiet) {
                notes.forEach(note -> note(accountId, note));
            }
        }

        private void note(String accountId, String note) {
            progress.printAbove("credreport: note: account " + accountId + ": " + note);
        }

        void failed(String accountId, CredreportException failure) {
            failures.add(failure);
            failedIds.add(accountId);
            progress.printAbove("credreport: account " + accountId + ": " + UntrustedText.escape(
                    failure.getMessage() == null ? "" : failure.getMessage()));
        }

        /** One failed id a line, its reason as a comment after it: what --accounts-file reads. */
        void writeFailed(java.nio.file.Path file) {
            dev.credreport.io.AtomicFileWriter.write(file, out -> {
                out.write("# The accounts that failed, for: credreport ... --accounts-file " + file.getFileName() + "\n");
                for (int i = 0; i < failedIds.size(); i++) {
                    String why = failures.get(i).getMessage() == null ? "" : failures.get(i).getMessage();
                    out.write(failedIds.get(i) + "  # " + UntrustedText.escape(CredreportException.firstLine(why)) + "\n");
                }
            });
        }

        CredreportException allFailed(int asked) {
            CredreportException first = failures.get(0);
            return new CredreportException(first.exitCode(), new Outcome(asked, 0, failures.size()).summary()
                    + "; every account failed", first);
        }
    }
}
