package dev.credreport.cli;

import dev.credreport.CredreportException;
import dev.credreport.ExitCode;
import dev.credreport.diff.DiffResult;
import dev.credreport.diff.ReportDiff;
import dev.credreport.render.DiffFormat;
import dev.credreport.report.ReportInput;
import dev.credreport.store.ReportArchive;
import dev.credreport.store.ReportMetadata;
import dev.credreport.store.SavedReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
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
            "  credreport diff --dir /srv/reports --exit-code || mail -s 'IAM changed' security@example.com",
            "",
            "Exit codes: 0 done (with --exit-code: no changes), 3 changes found with --exit-code, 2 usage or different "
                    + "accounts, 7 unreadable report, 8 output not written, 1 bug."
        })
final class DiffCommand implements Callable<Integer> {
    private final Environment environment;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..2", paramLabel = "REPORT", converter = PathConverter.class, description = "The old report, then the new one ('-' for standard input).")
    List<Path> reports = new ArrayList<>();

    @Option(names = "--dir", paramLabel = "DIR", order = 1, converter = PathConverter.class,
            description = "Compare the two newest reports saved in DIR by 'fetch --output-dir' instead.")
    Path dir;

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
    DiffFormat format;

    @ArgGroup(validate = false, heading = "%nOutput:%n", order = 10)
    OutputOptions output = new OutputOptions();

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
        output.check();
        List<Path> pair = pair();
        if (pair.get(0).toString().equals("-") && pair.get(1).toString().equals("-")) {
            throw CredreportException.usage("only one of the two reports can come from standard input");
        }
        DiffFormat chosen = format != null ? format : output.tableByDefault(environment) ? DiffFormat.TABLE : DiffFormat.CSV;
        DiffResult result = ReportDiff.compare(open(pair.get(0)), open(pair.get(1)), allowDifferentAccounts);
        output.write(spec.commandLine().getOut(), out -> chosen.renderer().render(result, out));
        return exitCode && !result.isEmpty() ? ExitCode.FLAGGED.code() : ExitCode.SUCCESS.code();
    }

    private List<Path> pair() {
        if (dir != null) {
            if (!reports.isEmpty()) {
                throw CredreportException.usage("give either two reports or --dir, not both");
            }
            return newestTwo();
        }
        if (account != null) {
            throw CredreportException.usage("--account goes with --dir");
        }
        if (reports.size() != 2) {
            throw CredreportException.usage("diff needs two reports, the old one then the new one, or --dir DIR");
        }
        return reports;
    }

    private List<Path> newestTwo() {
        List<SavedReport> saved = new ReportArchive(dir).list(account);
        TreeSet<String> accounts = new TreeSet<>();
        saved.forEach(report -> accounts.add(report.accountId()));
        if (accounts.size() > 1) {
            throw CredreportException.usage(dir + " holds reports of several accounts (" + String.join(", ", accounts)
                    + "); choose one with --account");
        }
        if (saved.size() < 2) {
            throw CredreportException.badInput(dir + " holds " + saved.size() + " saved report"
                    + (saved.size() == 1 ? "" : "s") + (account == null ? "" : " of account " + account)
                    + "; diff needs two");
        }
        return List.of(saved.get(saved.size() - 2).path(), saved.get(saved.size() - 1).path());
    }

    /** Opens and validates one of the two reports; its errors name it, since there are two to tell apart. */
    private ReportInput open(Path path) {
        ReportInput report;
        if (path.toString().equals("-")) {
            report = ReportInput.fromStdin(environment.stdin());
        } else {
            Instant generated = ReportArchive.metadataOf(path).map(ReportMetadata::generatedTime).orElse(null);
            report = ReportInput.fromFile(path, generated);
        }
        PrintWriter err = spec.commandLine().getErr();
        report.sendNotesTo(note -> err.println("credreport: note: " + FailureHandler.oneLine(report.name()) + ": " + note));
        try {
            report.validate();
        } catch (CredreportException e) {
            if (e.exitCode() != ExitCode.BAD_INPUT || e.getMessage().contains(report.name())) {
                throw e;
            }
            throw CredreportException.badInput(report.name() + ": " + e.getMessage(), e);
        }
        return report;
    }
}
