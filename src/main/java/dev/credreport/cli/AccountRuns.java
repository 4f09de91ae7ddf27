package dev.credreport.cli;

import dev.credreport.aws.AwsSettings;
import dev.credreport.multi.AccountRun;
import dev.credreport.multi.AccountSink;
import java.io.IOException;
import java.io.PrintWriter;

/** Starts the one per-account loop of multi/ from a command's options, with its progress line. */
final class AccountRuns {
    private AccountRuns() {
    }

    /**
     * Runs {@code sink} over the accounts the options name and returns the run's outcome; the
     * command prints its summary once the output is in place.
     */
    static AccountRun.Outcome run(Environment environment, PrintWriter err, ReportSourceOptions source,
            MultiAccountOptions multi, boolean quiet, AccountSink sink) throws IOException {
        AwsSettings settings = source.aws.toSettings(environment);
        if (!quiet) {
            settings.regionWarning().ifPresent(warning -> err.println("credreport: warning: " + warning));
        }
        AccountRun run = new AccountRun(settings, multi.roles(), multi.selection(),
                multi.plan(source.fetchPlan(multi.concurrency)), quiet, environment.clock()).failedAccountsTo(multi.failedAccounts);
        return run.run(ProgressLine.of(environment, err, quiet), err, sink);
    }
}
