package dev.credreport.cli;

import dev.credreport.CredreportException;
import dev.credreport.Durations;
import dev.credreport.aws.AwsSettings;
import dev.credreport.aws.CredentialReportFetcher;
import dev.credreport.aws.FetchedReport;
import dev.credreport.aws.IamConnection;
import dev.credreport.render.OutputFormat;
import dev.credreport.render.RenderContext;
import dev.credreport.report.ReportInput;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
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
            "  credreport fetch --format json | jq '.users[] | select(.mfa_active == false)'",
            "  credreport fetch -q -o /srv/iam.csv       for cron: atomic, 0600, silent",
            "  credreport fetch --input report.csv --format blocks",
            "",
            "Exit codes: 0 ok, 2 usage, 4 AWS refused (credentials, permissions), 5 report not ready within "
                    + "--max-wait, 6 AWS or network failure, 7 unreadable report, 8 output not written, 1 bug."
        })
final class FetchCommand implements Callable<Integer> {
    /** Reports older than this get a note on standard error. */
    static final Duration STALE_AFTER = Duration.ofMinutes(5);

    private final Environment environment;

    @Spec
    CommandSpec spec;

    @Option(names = "--input", paramLabel = "FILE", order = 1,
            description = "Read a saved report from FILE ('-' for standard input) instead of calling AWS.")
    Path input;

    @Option(names = "--max-wait", paramLabel = "DURATION", defaultValue = "5m", converter = DurationConverter.class, order = 2,
            description = "Longest wait for AWS to generate the report, including while IAM refuses to start "
                    + "one (LimitExceeded), e.g. 90s, 5m, 1m30s. Default: ${DEFAULT-VALUE}.")
    Duration maxWait;

    @Option(names = "--no-generate", order = 3,
            description = "Only download the existing report (needs iam:GetCredentialReport alone); "
                    + "fail if there is none or it has expired.")
    boolean noGenerate;

    @ArgGroup(validate = false, heading = "%nOutput:%n", order = 10)
    OutputOptions output = new OutputOptions();

    @ArgGroup(validate = false, heading = "%nAWS connection (the AWS CLI's options and variables):%n", order = 20)
    AwsOptions aws = new AwsOptions();

    @ArgGroup(validate = false, heading = "%nDiagnostics:%n", order = 30)
    CommonOptions common = new CommonOptions();

    FetchCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        if (input != null && noGenerate) {
            throw CredreportException.usage("--no-generate cannot be used with --input: a saved report is never generated");
        }
        OutputFormat format = output.format(environment);
        RenderContext context = new RenderContext(environment.clock(), format == OutputFormat.TABLE ? output.width(environment) : 0);
        ReportInput report = input != null ? readInput() : fetch();
        noteIfStale(report);
        output.write(spec.commandLine().getOut(), out -> format.renderer().render(report, out, context));
        return 0;
    }

    private ReportInput readInput() {
        if (input.toString().equals("-")) {
            return ReportInput.fromStdin(environment.stdin());
        }
        return ReportInput.fromFile(input);
    }

    private ReportInput fetch() {
        AwsSettings settings = aws.toSettings(environment);
        if (!settings.verifyTls() && !common.quiet) {
            spec.commandLine().getErr().println("credreport: warning: --no-verify-ssl: TLS certificates are not verified");
        }
        ProgressLine progress = new ProgressLine(spec.commandLine().getErr(), environment.stderrIsTerminal() && !common.quiet);
        try (IamConnection connection = IamConnection.open(settings)) {
            FetchedReport fetched = new CredentialReportFetcher(connection, maxWait, !noGenerate, progress::update).fetch();
            return ReportInput.fromAws(fetched.content(), fetched.generatedTime(), settings.endpointDescription());
        } finally {
            progress.clear();
        }
    }

    private void noteIfStale(ReportInput report) {
        if (common.quiet || report.generatedTime().isEmpty()) {
            return;
        }
        Instant generated = report.generatedTime().get();
        Duration age = Duration.between(generated, environment.clock().instant());
        if (age.compareTo(STALE_AFTER) > 0) {
            spec.commandLine().getErr().println("credreport: note: this report was generated " + generated + " ("
                    + Durations.format(age) + " ago); changes since then are not in it");
        }
    }
}
