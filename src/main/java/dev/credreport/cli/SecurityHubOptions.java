package dev.credreport.cli;

import dev.credreport.core.CredreportException;
import dev.credreport.aws.AwsSettings;
import picocli.CommandLine.Option;

/** Where ASFF findings go: the region they name, and whether to send them to Security Hub. */
public final class SecurityHubOptions {
    @Option(names = "--security-hub", order = 1,
            description = "Also send the findings to AWS Security Hub (BatchImportFindings, 100 at a time) and archive "
                    + "the findings credreport imported earlier for the account that this run no longer finds.")
    boolean send;

    @Option(names = "--security-hub-region", paramLabel = "REGION", order = 2,
            description = "The Security Hub region of --security-hub and --format asff. Default: --region, AWS_REGION, "
                    + "AWS_DEFAULT_REGION or the profile's region.")
    String region;

    boolean sending() {
        return send;
    }

    /** The region findings are made for; a usage error when none is configured, as Security Hub is regional. */
    String region(AwsSettings settings) {
        String chosen = region != null ? region : settings.configuredRegion();
        if (chosen == null || !chosen.matches("[a-z]{2,4}(-[a-z]+)+-\\d+")) {
            throw CredreportException.usage(chosen == null
                    ? "Security Hub is regional: pass --security-hub-region REGION (or --region, or set AWS_REGION)"
                    : "--security-hub-region: '" + chosen + "' is not a region name such as eu-west-1");
        }
        return chosen;
    }
}
