package dev.credreport.cli;

import dev.credreport.core.CredreportException;
import dev.credreport.core.ExitCode;
import dev.credreport.aws.AccountAccess;
import dev.credreport.aws.AwsSettings;
import dev.credreport.multi.AccountResult;
import dev.credreport.multi.MultiAccountFetch;
import dev.credreport.audit.AuditResult;
import dev.credreport.audit.Findings;
import dev.credreport.audit.Severity;
import dev.credreport.render.AuditFormat;
import dev.credreport.render.FindingsRenderer;
import dev.credreport.render.MergedAuditWriter;
import dev.credreport.render.MergedReportWriter;
import dev.credreport.report.ReportInput;
import dev.credreport.store.ReportSaver;
import dev.credreport.store.ReportStore;
import java.util.function.Consumer;
import java.util.function.Function;
import dev.credreport.render.OutputFormat;
import dev.credreport.render.RenderContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A command over many accounts: lists them, fetches each with its own role and wait budget,
 * writes the results in account order, lists every failure, and exits 9 when some accounts failed
 * (with the failure's own code when all did).
 */
final class MultiAccountRun {
    private final Environment environment;
    private final CommandSpec spec;
    private final ReportSourceOptions source;
    private final MultiAccountOptions multi;
    private final boolean quiet;
    private final List<AccountResult> failures = new ArrayList<>();
    private ProgressLine progress;
    private int succeeded;

    MultiAccountRun(Environment environment, CommandSpec spec, ReportSourceOptions source, MultiAccountOptions multi,
            boolean quiet) {
        this.environment = environment;
        this.spec = spec;
        this.source = source;
        this.multi = multi;
        this.quiet = quiet;
    }

    /** The work of a command over the accounts, given them, their fetcher and the progress line. */
    @FunctionalInterface
    private interface AccountsWork {
        void run(List<String> accounts, MultiAccountFetch fetch, AccountAccess access, Consumer<String> progress) throws IOException;
    }

    /** Sends one account's audit elsewhere with that account's own credentials (Security Hub). */
    @FunctionalInterface
    interface AccountAuditSink {
        void send(String accountId, AccountAccess access, AccountAudit audit) throws IOException;
    }

    /** @param saver where to save each report, or null to write them to the output */
    int fetch(OutputFormat format, int width, OutputOptions output, ReportSaver saver) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int asked = overAccounts((accounts, fetch, access, progress) -> {
            if (saver != null) {
                fetch.run(accounts, result -> {
                    if (record(result)) {
                        ReportStore.SaveOutcome saved;
                        try {
                            saved = saver.save(result.report(), result.accountId(), access.partition());
                        } catch (CredreportException e) {
                            // One account's report that cannot be saved is that account's failure, not the run's.
                            unrecord(new AccountResult(result.accountId(), null, e));
                            return;
                        }
                        SaveOptions.print(saved, out, err, quiet);
                    }
                }, progress);
                return;
            }
            RenderContext context = new RenderContext(environment.clock(), format == OutputFormat.TABLE ? width : 0);
            output.write(out, writer -> {
                MergedReportWriter merged = new MergedReportWriter(format, writer, context);
                fetch.run(accounts, result -> {
                    if (record(result)) {
                        merged.account(result.accountId(), result.report());
                    } else {
                        merged.failed(result.accountId(), result.failure());
                    }
                }, progress);
                requireSomeSuccess(accounts.size());
                merged.finish();
            });
        });
        return finish(asked, err);
    }

    /** What auditing one account's report gives. */
    record AccountAudit(AuditResult result, Findings findings) {
    }

    /**
     * Audits every account. Exit 9 (or the failure's own code when all failed) when accounts failed,
     * else 3 when any account has a finding at or above {@code failOn}.
     */
    int audit(AuditFormat format, OutputOptions output, Function<ReportInput, AccountAudit> audit, Severity failOn) {
        return audit(format, null, output, audit, failOn, null);
    }

    /**
     * @param renderer the renderer of formats built for the run (asff), else null
     * @param sink where else each account's audit goes, or null; an account it fails for is a failed account
     */
    int audit(AuditFormat format, FindingsRenderer renderer, OutputOptions output, Function<ReportInput, AccountAudit> audit,
            Severity failOn, AccountAuditSink sink) {
        boolean[] flagged = {false};
        int asked = overAccounts((accounts, fetch, access, progress) -> output.write(spec.commandLine().getOut(), writer -> {
            MergedAuditWriter merged = new MergedAuditWriter(format, writer, renderer);
            fetch.run(accounts, result -> {
                if (record(result)) {
                    AccountAudit audited = audit.apply(result.report());
                    if (sink != null) {
                        try {
                            sink.send(result.accountId(), access, audited);
                        } catch (CredreportException e) {
                            unrecord(new AccountResult(result.accountId(), null, e));
                            merged.failed(result.accountId(), e);
                            return;
                        }
                    }
                    flagged[0] |= audited.result().anyAtLeast(failOn);
                    merged.account(result.accountId(), audited.result(), audited.findings());
                } else {
                    merged.failed(result.accountId(), result.failure());
                }
            }, progress);
            requireSomeSuccess(accounts.size());
            merged.finish();
        }));
        int code = finish(asked, spec.commandLine().getErr());
        return code == ExitCode.SUCCESS.code() && flagged[0] ? ExitCode.FLAGGED.code() : code;
    }

    /** Receives every account's result, in account order, then writes one document of them all. */
    interface WholeDocument {
        void account(AccountResult result);

        void write(java.io.Writer out) throws IOException;
    }

    /**
     * Fetches every account and writes one document once all are in (the HTML page), through
     * {@code output}: nothing is written when every account failed. Exit 9 when some failed.
     */
    int whole(OutputOptions output, WholeDocument document) {
        int asked = overAccounts((accounts, fetch, access, progress) -> {
            fetch.run(accounts, result -> {
                record(result);
                document.account(result);
            }, progress);
            requireSomeSuccess(accounts.size());
            output.write(spec.commandLine().getOut(), document::write);
        });
        return finish(asked, spec.commandLine().getErr());
    }

    /** Lists the accounts and runs the work over them; returns how many accounts were asked. */
    private int overAccounts(AccountsWork work) {
        if (source.input != null) {
            throw CredreportException.usage("--input reads one saved report; --accounts, --accounts-file and --org fetch from AWS");
        }
        PrintWriter err = spec.commandLine().getErr();
        AwsSettings settings = source.aws.toSettings(environment);
        progress = ProgressLine.of(environment, err, quiet);
        try (AccountAccess access = new AccountAccess(settings, multi.roles(), environment.clock())) {
            List<String> accounts = multi.resolve(access, err);
            // Shown from the start and ticking, not only when the first account is done.
            progress.tickEverySecond();
            progress.update("0/" + accounts.size() + " accounts done, 0 failed");
            work.run(accounts, new MultiAccountFetch(access, source.maxWait, !source.noGenerate, multi.concurrency),
                    access, progress::update);
            return accounts.size();
        } catch (IOException e) {
            throw CredreportException.cannotWrite("cannot write the output: " + e.getMessage(), e);
        } finally {
            progress.clear();
        }
    }

    /** With no account fetched there is nothing to write: fail, leaving any previous output file as it was. */
    private void requireSomeSuccess(int asked) {
        if (succeeded == 0) {
            throw allFailed(asked);
        }
    }

    /** Counts a result; false for a failure, which is listed on standard error at once. */
    private boolean record(AccountResult result) {
        if (result.succeeded()) {
            succeeded++;
            if (!quiet) {
                result.report().sendNotesTo(note -> progress.printAbove("credreport: note: account " + result.accountId() + ": " + note));
            }
            return true;
        }
        failures.add(result);
        progress.printAbove("credreport: account " + result.accountId() + ": "
                + FailureHandler.oneLine(result.failure().getMessage()));
        return false;
    }

    /** Counts an account recorded as succeeded as failed after all: what was to be done with its report failed. */
    private void unrecord(AccountResult failure) {
        succeeded--;
        record(failure);
    }

    private int finish(int asked, PrintWriter err) {
        if (succeeded == 0) {
            throw allFailed(asked);
        }
        if (!failures.isEmpty() || !quiet) {
            err.println("credreport: " + summary(asked));
        }
        return failures.isEmpty() ? ExitCode.SUCCESS.code() : ExitCode.SOME_ACCOUNTS_FAILED.code();
    }

    private CredreportException allFailed(int asked) {
        CredreportException first = failures.get(0).failure();
        return new CredreportException(first.exitCode(), summary(asked) + "; every account failed", first);
    }

    private String summary(int asked) {
        return asked + (asked == 1 ? " account" : " accounts") + " asked, " + succeeded + " succeeded, " + failures.size() + " failed";
    }
}
