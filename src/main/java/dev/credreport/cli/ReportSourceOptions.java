package dev.credreport.cli;

import dev.credreport.core.CredreportException;
import dev.credreport.core.Durations;
import dev.credreport.aws.AwsSettings;
import dev.credreport.aws.CredentialReportFetcher;
import dev.credreport.aws.FetchedReport;
import dev.credreport.aws.IamConnection;
import dev.credreport.report.ReportInput;
import dev.credreport.store.Location;
import dev.credreport.store.ReportArchive;
import dev.credreport.aws.ReportStores;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * Where a command's report comes from: AWS (generate, wait, get) or a saved file with --input.
 * Every command that reads a report mixes this in, so they all get it the same way.
 */
public final class ReportSourceOptions {
    /** Reports older than this get a note on standard error. */
    static final Duration STALE_AFTER = Duration.ofMinutes(5);

    @Option(names = "--input", paramLabel = "FILE", order = 1,
            description = "Read a saved report from FILE ('-' for standard input, s3://BUCKET/KEY for an object in S3) "
                    + "instead of calling AWS.")
    String input;

    @Option(names = "--max-wait", paramLabel = "DURATION", defaultValue = "5m", converter = DurationConverter.class, order = 2,
            description = "Longest wait for AWS to generate the report, including while IAM refuses to start "
                    + "one (LimitExceeded), e.g. 90s, 5m, 1m30s. Default: ${DEFAULT-VALUE}.")
    Duration maxWait;

    @Option(names = "--no-generate", order = 3,
            description = "Only download the existing report (needs iam:GetCredentialReport alone); "
                    + "fail if there is none or it has expired.")
    boolean noGenerate;

    @ArgGroup(validate = false, heading = "%nAWS connection (the AWS CLI's options and variables):%n", order = 20)
    AwsOptions aws = new AwsOptions();

    /**
     * Reads the saved report or fetches one from AWS, with a progress line on a terminal and a
     * note on standard error when a fetched report is stale (AWS reuses one for up to 4 hours).
     * The whole report is validated before it is handed on, so no command writes a byte of a
     * report that turns out bad further down.
     */
    ReportInput read(Environment environment, PrintWriter err, boolean quiet) {
        if (input != null && noGenerate) {
            throw CredreportException.usage("--no-generate cannot be used with --input: a saved report is never generated");
        }
        ReportInput report = input != null ? readSaved(environment) : fetch(environment, err, quiet);
        if (!quiet) {
            report.sendNotesTo(note -> err.println("credreport: note: " + note));
        }
        report.validate();
        if (!quiet && report.origin() == ReportInput.Origin.AWS) {
            noteIfStale(report, environment, err);
        }
        return report;
    }

    private ReportInput readSaved(Environment environment) {
        if (input.equals("-")) {
            return ReportInput.fromStdin(environment.stdin());
        }
        Location location = Location.parse(input, "--input");
        if (location instanceof Location.S3) {
            return ReportStores.readObject((Location.S3) location, aws.s3Settings(environment));
        }
        // A report saved with --output-dir knows its generated time from the metadata beside it.
        return ReportArchive.open(((Location.Local) location).path());
    }

    private ReportInput fetch(Environment environment, PrintWriter err, boolean quiet) {
        AwsSettings settings = aws.toSettings(environment);
        if (!settings.verifyTls() && !quiet) {
            err.println("credreport: warning: --no-verify-ssl: TLS certificates are not verified");
        }
        ProgressLine progress = ProgressLine.of(environment, err, quiet);
        try (IamConnection connection = IamConnection.open(settings)) {
            FetchedReport fetched = new CredentialReportFetcher(connection, maxWait, !noGenerate, progress::update,
                    environment.clock(), environment.sleeper()).fetch();
            return ReportInput.fromAws(fetched.content(), fetched.generatedTime(), settings.endpointDescription());
        } finally {
            progress.clear();
        }
    }

    private static void noteIfStale(ReportInput report, Environment environment, PrintWriter err) {
        if (report.generatedTime().isEmpty()) {
            return;
        }
        Instant generated = report.generatedTime().get();
        Duration age = Duration.between(generated, environment.clock().instant());
        if (age.compareTo(STALE_AFTER) > 0) {
            err.println("credreport: note: this report was generated " + generated + " ("
                    + Durations.format(age) + " ago); changes since then are not in it");
        }
    }
}
