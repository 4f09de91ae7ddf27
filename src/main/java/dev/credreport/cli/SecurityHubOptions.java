package dev.credreport.cli;

import dev.credreport.core.CredreportException;
import dev.credreport.aws.AwsSettings;
import dev.credreport.aws.AccountAccess;
import dev.credreport.aws.Partitions;
import dev.credreport.aws.SecurityHubDelivery;
import dev.credreport.aws.SecurityHubSink;
import dev.credreport.asff.AsffFindings;
import dev.credreport.render.AsffRenderer;
import dev.credreport.audit.AuditResult;
import dev.credreport.audit.Findings;
import dev.credreport.asff.AsffFinding;
import dev.credreport.report.UntrustedText;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.function.Consumer;
import java.time.Instant;
import java.util.List;
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

    AsffFindings asff(AwsSettings settings, Instant now) {
        return new AsffFindings(region(settings), now);
    }

    AsffRenderer renderer(AwsSettings settings, Instant now) {
        return new AsffRenderer(asff(settings, now));
    }

    /**
     * Sends one account's findings with the caller's credentials; says on standard error how many
     * went in and how many earlier ones were archived.
     */
    void send(Environment environment, AwsOptions aws, AuditResult result, Findings findings, PrintWriter err, boolean quiet)
            throws IOException {
        send(environment, aws, result, findings, null, err, quiet);
    }

    /**
     * Sends one account's findings with that account's credentials when {@code access} is given (a
     * multi-account run), else with the caller's.
     */
    void send(Environment environment, AwsOptions aws, AuditResult result, Findings findings, AccountAccess access,
            PrintWriter err, boolean quiet) throws IOException {
        if (result.accountId() == null) {
            return;
        }
        AwsSettings settings = aws.toSettings(environment);
        String chosen = region(settings);
        Instant now = environment.clock().instant();
        List<AsffFinding> asff = asff(settings, now).of(result, findings);
        String partition = asff.isEmpty() ? Partitions.of(chosen) : asff.get(0).partition();
        Consumer<String> failures = message -> err.println("credreport: account " + result.accountId() + ": "
                + UntrustedText.escape(message));
        SecurityHubSink.Outcome outcome = access == null
                ? SecurityHubDelivery.asCaller(settings, chosen, result.accountId(), partition, asff, now, failures)
                : SecurityHubDelivery.inAccount(access, settings, chosen, result.accountId(), partition, asff, now, failures);
        if (!quiet) {
            err.println("credreport: Security Hub (" + chosen + "): account " + result.accountId() + ": "
                    + count(outcome.imported(), "finding") + " imported, " + count(outcome.archived(), "earlier finding")
                    + " archived");
        }
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
