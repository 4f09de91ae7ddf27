package dev.credreport.cli;

import dev.credreport.core.CredreportException;
import dev.credreport.aws.ReportStores;
import dev.credreport.multi.AccountRun;
import dev.credreport.multi.AccountSink;
import dev.credreport.render.AccountsFormat;
import dev.credreport.render.Formats;
import dev.credreport.render.ManyAccounts;
import dev.credreport.render.RenderContext;
import dev.credreport.report.ReportInput;
import dev.credreport.source.OnePassWrite;
import dev.credreport.store.ReportSaver;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "fetch",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        optionListHeading = "%nOptions:%n",
        description = {
            "Generate the account's IAM credential report, wait until it is ready, download it and print it.",
            "",
            "Reads a saved report instead with --input. The report's generated time is shown on standard error "
                    + "when the report is more than a few minutes old: AWS reuses a report for up to 4 hours."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  credreport fetch                          a table, on a terminal",
            "  credreport fetch > report.csv             the CSV exactly as AWS wrote it",
            "  credreport fetch --format json | jq '.users[] | select(.mfa_active | not)'",
            "  credreport fetch -q -o /srv/iam.csv       for cron: atomic, 0600, silent",
            "  credreport fetch -q --output-dir /srv/reports --keep 30",
            "  credreport fetch --org -q --output-dir s3://audit/reports --sse aws:kms",
            "  credreport fetch --input report.csv --format blocks",
            "  credreport fetch --org --concurrency 16 -o all-accounts.csv",
            "",
            "Exit codes: 0 ok, 2 usage, 4 AWS refused (credentials, permissions), 5 report not ready within "
                    + "--max-wait, 6 AWS or network failure, 7 unreadable report, 8 output not written, 9 some accounts "
                    + "failed, 1 bug."
        })
final class FetchCommand implements Callable<Integer> {
    private final Environment environment;

    @Spec
    CommandSpec spec;

    @Mixin
    ReportSourceOptions source;

    @Option(names = {"--format", "--output"}, paramLabel = "FORMAT", order = 9, converter = FormatConverter.ForReports.class,
            completionCandidates = FormatConverter.ReportNames.class,
            description = "table, csv, blocks or json ('text', as the AWS CLI names it, is csv). Default: table when standard output is a terminal, "
                    + "csv otherwise (so pipes and files get the report as AWS wrote it).")
    AccountsFormat<ReportInput> format;

    @Mixin
    WidthOption width = new WidthOption();

    @ArgGroup(validate = false, heading = "%nOutput:%n", order = 10)
    OutputOptions output = new OutputOptions();

    @ArgGroup(validate = false, heading = "%nMany accounts (an Organization):%n", order = 12)
    MultiAccountOptions multi = new MultiAccountOptions();

    @ArgGroup(validate = false, heading = "%nSaving (for cron):%n", order = 15)
    SaveOptions save = new SaveOptions();

    @ArgGroup(validate = false, heading = "%nDiagnostics:%n", order = 30)
    CommonOptions common = new CommonOptions();

    FetchCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        width.check();
        save.check();
        multi.check();
        output.check();
        if (save.saving() && (!output.toStdout() || this.format != null)) {
            throw CredreportException.usage("--output-dir saves the report as AWS wrote it; it cannot be used with -o or --format");
        }
        AccountsFormat<ReportInput> format = format();
        int width = format.forPeople() && !save.saving() ? this.width.columns(environment, output) : 0;
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (save.saving()) {
            try (ReportSaver saver = new ReportSaver(ReportStores.open(save.location(), () -> source.aws.s3Settings(environment),
                    save.encryption()), save.keep())) {
                // Before the report is fetched: a long --org run must never fetch every account and then fail to save.
                saver.check();
                if (multi.active()) {
                    // Saved in the accounts' workers as each report comes, the paths printed in account order.
                    AccountRun.Outcome outcome = AccountRuns.run(environment, err, source, multi, common.quiet,
                            AccountSink.inWorkers((account, report, access) -> saver.save(report, account.id(), access.partition()),
                                    (account, saved) -> SaveOptions.print(saved, out, err, common.quiet)));
                    return outcome.report(err, common.quiet);
                }
                try (ReportInput report = ReportReading.read(source, environment, err, common.quiet)) {
                    SaveOptions.print(saver.save(report), out, err, common.quiet);
                }
                return 0;
            }
        }
        RenderContext context = new RenderContext(environment.clock(), width);
        if (multi.active()) {
            AccountRun.Outcome[] outcome = {null};
            output.target().write(out, writer -> {
                ManyAccounts<ReportInput> document = new ManyAccounts<>(format, writer, context);
                outcome[0] = AccountRuns.run(environment, err, source, multi, common.quiet,
                        AccountSink.into(document, (account, report, access) -> report));
            });
            return outcome[0].report(err, common.quiet);
        }
        // One parse of a report too large to keep: validated while it is written (OnePassWrite).
        try (ReportInput report = ReportReading.open(source, environment, err, common.quiet)) {
            OnePassWrite.forThisRun().write(report, output.target(), out, format.rowReads(),
                    ReportReading.noteAge(report, source, environment, err, common.quiet),
                    writer -> format.write(report, writer, context));
        }
        return 0;
    }

    private AccountsFormat<ReportInput> format() {
        return this.format != null ? this.format
                : Formats.reports().byDefault(output.tableByDefault(environment));
    }
}
