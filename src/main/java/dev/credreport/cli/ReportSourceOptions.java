package dev.credreport.cli;

import dev.credreport.core.CredreportException;
import dev.credreport.multi.FetchPlan;
import dev.credreport.source.ReportSource;
import java.time.Duration;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;


/**
 * Where a command's report comes from: AWS (generate, wait, get) or a saved file with --input.
 * Every command that reads a report mixes this in, so they all get it the same way. These hold
 * the values; {@link ReportSource} reads or fetches.
 */
public final class ReportSourceOptions {
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

    /** Where the report comes from; a usage error for options that contradict each other. */
    ReportSource source() {
        return new ReportSource(input, maxWait, !noGenerate);
    }

    /** How each account's report is fetched in a run over many accounts. */
    FetchPlan fetchPlan(int concurrency) {
        if (input != null) {
            throw CredreportException.usage("--input reads one saved report; --accounts, --accounts-file and --org fetch from AWS");
        }
        return new FetchPlan(maxWait, !noGenerate, concurrency);
    }
}
