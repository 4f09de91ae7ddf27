package dev.credreport.cli;

import dev.credreport.core.CredreportException;
import dev.credreport.audit.Auditor;
import dev.credreport.store.Encryption;
import dev.credreport.store.Location;
import dev.credreport.store.ReportStore;
import dev.credreport.aws.ReportStores;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "report",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        optionListHeading = "%nOptions:%n",
        description = {
            "Make one self-contained HTML page of the credential report for people: how bad it is and what to do "
                    + "first, charts, audit's recommendations and every user, for one account or many. The report is fetched as "
                    + "'fetch' does (or read with --input); the recommendations are exactly what 'credreport audit' "
                    + "finds with the same rule options.",
            "",
            "The page loads nothing from anywhere (mail it, attach it, open it offline) and prints well (save as PDF)."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  credreport report -o iam.html                     this account's page",
            "  credreport report --input report.csv -o iam.html  from a saved report",
            "  credreport report --history /var/lib/credreport -o iam.html",
            "  credreport report --org -o org.html               every account",
            "  credreport report --owner-tag team --split-by owner --output-dir pages/",
            "",
            "Exit codes: 0 page written, 2 usage, 4 AWS refused, 5 report not ready, 6 AWS or network failure, "
                    + "7 unreadable report, 8 output not written, 9 some accounts failed (the page lists them), 1 bug."
        })
final class ReportCommand implements Callable<Integer> {
    private final Environment environment;

    @Spec
    CommandSpec spec;

    @Mixin
    ReportSourceOptions source;

    @Option(names = "--history", paramLabel = "DIR", order = 4,
            description = "Add trends from the reports saved in DIR (or s3://BUCKET/PREFIX) by 'fetch --output-dir' "
                    + "(every saved report of the account, oldest first). A saved report that cannot be read is named "
                    + "on standard error and skipped.")
    String history;

    @Option(names = "--cis-version", paramLabel = "VERSION", order = 5, completionCandidates = Candidates.CisVersions.class,
            description = "Which CIS AWS Foundations Benchmark version's numbers the recommendations show, as for audit: "
                    + "1.2.0, 1.4.0, 1.5.0, 2.0.0, 3.0.0, 4.0.1, 5.0.0, 6.0.0 or 7.0.0. Default: the newest.")
    String cisVersion;

    @ArgGroup(validate = false, heading = "%nRules (as for audit):%n", order = 5)
    RuleOptions rules = new RuleOptions();

    @ArgGroup(validate = false, heading = "%nMany accounts (an Organization):%n", order = 7)
    MultiAccountOptions multi = new MultiAccountOptions();

    @ArgGroup(validate = false, heading = "%nOwners:%n", order = 9)
    ReportOwnerOptions owners = new ReportOwnerOptions();

    /** --owner-tag, and the page per owner, which only report has. */
    static final class ReportOwnerOptions extends OwnerOptions {
        @Option(names = "--split-by", paramLabel = "owner", order = 21,
                description = "owner: instead of one page, write one page per owner (--owner-tag, which it needs) into "
                        + "--output-dir, each with only that owner's users and their findings, plus index.html linking "
                        + "them with each owner's open findings by severity. Users without the tag and the root user "
                        + "are on no-owner.html. A page's file name is the owner's value when that is letters, digits, "
                        + "'_' and '-' only, else those letters and a short hash of the value. Each page is written "
                        + "atomically; pages of owners no longer present are left as they are. Not with --history.")
        String splitBy;

        @Option(names = "--output-dir", paramLabel = "DIR", order = 22, converter = PathConverter.class,
                description = "Where --split-by owner writes its pages (made if missing; pages are mode 0600). "
                        + "Refused before any AWS call when DIR is a file or cannot be written (exit 2).")
        java.nio.file.Path outputDir;

        boolean splitting() {
            return splitBy != null;
        }

        void check(ReportSourceOptions source, OutputOptions output, String history) {
            if (splitBy != null && !splitBy.equals("owner")) {
                throw CredreportException.usage("--split-by takes owner, not '" + splitBy + "'");
            }
            if (splitBy != null && !active()) {
                throw CredreportException.usage("--split-by owner needs --owner-tag NAME: the IAM tag that names each "
                        + "user's owner");
            }
            if (splitBy != null && outputDir == null) {
                throw CredreportException.usage("--split-by owner writes a page per owner: give the directory with "
                        + "--output-dir DIR");
            }
            if (outputDir != null && splitBy == null) {
                throw CredreportException.usage("--output-dir is where --split-by owner writes its pages; for one page "
                        + "give -o FILE");
            }
            if (splitBy != null && !output.toStdout()) {
                throw CredreportException.usage("--split-by owner writes its pages into --output-dir, not -o FILE: "
                        + "leave out -o");
            }
            if (splitBy != null && history != null) {
                throw CredreportException.usage("--history is not split by owner (saved reports hold no tags): leave out "
                        + "--history or --split-by");
            }
            super.check(source);
            if (outputDir != null) {
                usableDirectory(outputDir);
            }
        }

        /** Makes DIR if missing; refuses a DIR that is a file or cannot be written, before any AWS call. */
        static void usableDirectory(java.nio.file.Path dir) {
            String shown = dev.credreport.report.UntrustedText.escape(dir.toString());
            if (java.nio.file.Files.exists(dir) && !java.nio.file.Files.isDirectory(dir)) {
                throw CredreportException.usage("--output-dir " + shown + " is not a directory: give a directory "
                        + "(it is made if missing)");
            }
            try {
                java.nio.file.Files.createDirectories(dir);
            } catch (java.io.IOException | SecurityException e) {
                throw CredreportException.usage("--output-dir " + shown + " cannot be made (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + dev.credreport.report.UntrustedText.escape(e.getMessage()))
                        + "): give a directory you may write");
            }
            if (!java.nio.file.Files.isWritable(dir) || !java.nio.file.Files.isExecutable(dir)) {
                throw CredreportException.usage("--output-dir " + shown + " cannot be written: give a directory you may "
                        + "write");
            }
        }
    }

    @ArgGroup(validate = false, heading = "%nOutput:%n", order = 10)
    OutputOptions output = new OutputOptions();

    @ArgGroup(validate = false, heading = "%nDiagnostics:%n", order = 30)
    CommonOptions common = new CommonOptions();

    ReportCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws java.io.IOException {
        // Everything the user typed is checked before any AWS call is made.
        String cis = RuleOptions.cisVersion(cisVersion);
        Auditor auditor = ExceptionsReading.apply(rules.auditor(), rules, source.aws, environment);
        ExceptionsReading.tell(ExceptionsReading.unreadable(auditor.exceptions()), spec.commandLine().getErr(), common.quiet);
        multi.check();
        owners.check(source, output, history);
        if (output.toStdout() && environment.stdoutIsTerminal() && !owners.splitting()) {
            throw CredreportException.usage("the page is HTML for a browser, not a terminal: write it to a file with "
                    + "-o FILE (e.g. -o iam-report.html) or redirect standard output");
        }
        Location historyLocation = history == null ? null : SavedReportsLocation.parse(history, "--history");
        output.check();
        if (historyLocation == null) {
            return new ReportPageRun(environment, spec, source, multi, output, common.quiet).owners(owners, owners.outputDir)
                    .run(auditor, rules, cis, null);
        }
        try (ReportStore store = ReportStores.open(historyLocation, () -> source.aws.s3Settings(environment), Encryption.BUCKET_DEFAULT)) {
            SavedReportsLocation.requireSavedReports(store, "--history", history, historyLocation);
            return new ReportPageRun(environment, spec, source, multi, output, common.quiet).owners(owners, null)
                    .run(auditor, rules, cis, store);
        }
    }
}
