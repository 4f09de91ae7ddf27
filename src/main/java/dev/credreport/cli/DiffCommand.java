package dev.credreport.cli;

import dev.credreport.core.CredreportException;
import dev.credreport.core.ExitCode;
import dev.credreport.diff.DiffResult;
import dev.credreport.diff.ReportDiff;
import dev.credreport.diff.DiffResult;
import dev.credreport.render.Format;
import dev.credreport.source.ReportSource;
import dev.credreport.render.Formats;
import dev.credreport.render.RenderContext;
import dev.credreport.report.Arns;
import dev.credreport.report.ReportInput;
import dev.credreport.report.RowBudget;
import dev.credreport.report.UntrustedText;
import dev.credreport.store.Encryption;
import dev.credreport.store.Location;
import dev.credreport.store.ReportStore;
import dev.credreport.aws.ReportStores;
import dev.credreport.store.SavedReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "diff",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        optionListHeading = "%nOptions:%n",
        description = {
            "Tell what changed between two saved credential reports of one account: users added and removed, "
                    + "passwords, MFA, access keys and signing certificates, root user changes first.",
            "",
            "Users are matched by ARN; a user deleted and created again with the same name is a removal and an addition."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  credreport diff old.csv new.csv",
            "  credreport diff --dir /srv/reports --exit-code || mail -s 'IAM changed' root",
            "  credreport diff --dir s3://audit-bucket/reports --account 123456789012",
            "",
            "Exit codes: 0 done (with --exit-code: no changes), 3 changes found with --exit-code, 2 usage or different "
                    + "accounts, 4 S3 refused, 6 S3 or network failure, 7 unreadable report, 8 output not written, 1 bug."
        })
final class DiffCommand implements Callable<Integer> {
    private final Environment environment;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..2", paramLabel = "REPORT", description = "The old report, then the new one ('-' for standard input).")
    List<String> reports = new ArrayList<>();

    @Option(names = "--dir", paramLabel = "DIR", order = 1,
            description = "Compare the two newest reports saved in DIR by 'fetch --output-dir' instead; "
                    + "DIR may be s3://BUCKET/PREFIX.")
    String dir;

    @Option(names = "--account", paramLabel = "ID", order = 2,
            description = "With --dir: the account whose reports to compare, when DIR holds several.")
    String account;

    @Option(names = "--exit-code", order = 3, description = "Exit 3 when there are changes and 0 when there are none, for alerting.")
    boolean exitCode;

    @Option(names = "--allow-different-accounts", order = 4,
            description = "Compare reports of two different accounts (otherwise an error).")
    boolean allowDifferentAccounts;

    @Option(names = {"--format", "--output"}, paramLabel = "FORMAT", order = 9, converter = FormatConverter.ForDiffs.class,
            completionCandidates = FormatConverter.DiffNames.class,
            description = "table, json or csv ('text' is the same as csv). Default: table when standard output is a terminal, csv otherwise. "
                    + "table and csv print nothing when nothing changed.")
    Format<DiffResult> format;

    @Mixin
    WidthOption width = new WidthOption();

    @ArgGroup(validate = false, heading = "%nOutput:%n", order = 10)
    OutputOptions output = new OutputOptions();

    @ArgGroup(validate = false, heading = "%nS3 connection (with --dir s3://; the AWS CLI's options and variables):%n", order = 20)
    AwsConnectionOptions aws = new AwsConnectionOptions();

    @ArgGroup(validate = false, heading = "%nDiagnostics:%n", order = 30)
    Diagnostics diagnostics = new Diagnostics();

    /** diff never calls AWS, so its diagnostics say nothing of the SDK. */
    static final class Diagnostics {
        @Option(names = "--debug", description = "Show the stack trace of any failure on standard error.")
        boolean debug;

        @Option(names = {"-q", "--quiet"},
                description = "Accepted, so that one cron line can pass it to every command: diff writes nothing "
                        + "but errors to standard error anyway.")
        boolean quiet;
    }

    DiffCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        width.check();
        output.check();
        List<ReportInput> pair = pair();
        if (pair.isEmpty()) {
            // The first day of a cron job: one report saved, nothing to compare it with yet.
            return ExitCode.SUCCESS.code();
        }
        try (ReportInput older = pair.get(0); ReportInput newer = pair.get(1)) {
            Format<DiffResult> chosen = format != null ? format
                    : Formats.diffs().byDefault(output.tableByDefault(environment));
            refuseNewerFirst(older, newer);
            DiffResult result = ReportDiff.compare(older, newer, allowDifferentAccounts);
            output.target().write(spec.commandLine().getOut(), out -> chosen.write(result, out,
                    new RenderContext(environment.clock(), chosen.forPeople() ? width.columns(environment, output) : 0)));
            return exitCode && !result.isEmpty() ? ExitCode.FLAGGED.code() : ExitCode.SUCCESS.code();
        }
    }

    /**
     * Reports given newest first would turn every change around (MFA deactivated read as
     * activated, a new key as removed) and lose the marks on what needs a look.
     */
    private static void refuseNewerFirst(ReportInput older, ReportInput newer) {
        if (older.generatedTime().isPresent() && newer.generatedTime().isPresent()
                && older.generatedTime().get().isAfter(newer.generatedTime().get())) {
            throw CredreportException.usage("the first report (" + FailureHandler.oneLine(older.name()) + ", generated "
                    + older.generatedTime().get() + ") is newer than the second (generated " + newer.generatedTime().get()
                    + "): give the older report first");
        }
    }

    private List<ReportInput> pair() {
        if (dir != null) {
            if (!reports.isEmpty()) {
                throw CredreportException.usage("give either two reports or --dir, not both");
            }
            // Checked before DIR is listed: a mistyped id would otherwise read as "no reports".
            if (account != null && !Arns.isAccountId(account)) {
                throw CredreportException.usage("--account: " + UntrustedText.quote(account)
                        + " is not an AWS account id (twelve digits)");
            }
            // A directory that is not there is the user's mistake, as for report --history (exit 2).
            Location location = SavedReportsLocation.parse(dir, "--dir");
            try (ReportStore store = ReportStores.open(location, () -> aws.s3Settings(environment), Encryption.BUCKET_DEFAULT)) {
                List<SavedReport> newest = newestTwo(store);
                if (newest.size() < 2) {
                    if (!diagnostics.quiet) {
                        spec.commandLine().getErr().println("credreport: note: " + UntrustedText.quote(dir) + " holds one saved "
                                + "report" + (account == null ? "" : " of account " + account) + " ("
                                + UntrustedText.quote(newest.get(0).location()) + "); nothing to compare until the next "
                                + "'fetch --output-dir'");
                    }
                    return List.of();
                }
                return bothValidated(() -> store.read(newest.get(0)), () -> store.read(newest.get(1)));
            }
        }
        if (account != null) {
            throw CredreportException.usage("--account goes with --dir");
        }
        if (reports.size() != 2) {
            throw CredreportException.usage("diff needs two reports, the old one then the new one, or --dir DIR");
        }
        if (reports.get(0).equals("-") && reports.get(1).equals("-")) {
            throw CredreportException.usage("only one of the two reports can come from standard input");
        }
        return bothValidated(() -> open(reports.get(0)), () -> open(reports.get(1)));
    }

    private List<SavedReport> newestTwo(ReportStore store) {
        List<SavedReport> saved = store.list(account);
        TreeSet<String> accounts = new TreeSet<>();
        saved.forEach(report -> accounts.add(report.accountId()));
        if (accounts.size() > 1) {
            throw CredreportException.usage(dir + " holds reports of several accounts (" + String.join(", ", accounts)
                    + "); choose one with --account");
        }
        if (saved.isEmpty()) {
            throw CredreportException.usage(UntrustedText.quote(dir) + " holds no saved report"
                    + (account == null ? "" : " of account " + account) + ": give the directory (or s3://BUCKET/PREFIX) "
                    + "that 'fetch --output-dir' saves into");
        }
        // One report is the first day of a history: nothing to compare yet, which is no failure.
        return saved.subList(Math.max(0, saved.size() - 2), saved.size());
    }

    /**
     * Opens one of the two reports: a local file, standard input or an s3:// object. A FIFO or
     * <(…) is read, and its header checked, here: a failure must say which of the two it was.
     */
    private ReportInput open(String report) {
        return named(report.equals("-") ? "standard input" : report,
                () -> ReportSource.saved(report, "REPORT", () -> aws.s3Settings(environment), environment.stdin()));
    }

    private static ReportInput named(String name, Supplier<ReportInput> open) {
        try {
            return open.get();
        } catch (CredreportException e) {
            if (e.exitCode() != ExitCode.BAD_INPUT || e.getMessage().contains(name)) {
                throw e;
            }
            throw CredreportException.badInput(name + ": " + e.getMessage(), e);
        }
    }

    /** Opens and validates the two reports, the first closed again should the second fail. */
    private List<ReportInput> bothValidated(Supplier<ReportInput> first, Supplier<ReportInput> second) {
        RowBudget budget = RowBudget.forThisRun();
        ReportInput older = validated(first.get(), budget);
        try {
            return List.of(older, validated(second.get(), budget));
        } catch (RuntimeException e) {
            older.close();
            throw e;
        }
    }

    /**
     * Validates one of the two reports; its errors and notes name it, since there are two to tell
     * apart. A report that fails is closed, so that a piped one leaves no temporary copy.
     */
    private ReportInput validated(ReportInput report, RowBudget budget) {
        PrintWriter err = spec.commandLine().getErr();
        report.sendNotesTo(note -> err.println("credreport: note: " + FailureHandler.oneLine(report.name()) + ": " + note));
        try {
            report.validate(budget);
        } catch (CredreportException e) {
            report.close();
            if (e.exitCode() != ExitCode.BAD_INPUT || e.getMessage().contains(report.name())) {
                throw e;
            }
            throw CredreportException.badInput(report.name() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            report.close();
            throw e;
        }
        return report;
    }
}
