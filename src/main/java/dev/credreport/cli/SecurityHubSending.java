package dev.credreport.cli;

import dev.credreport.asff.AsffFinding;
import dev.credreport.asff.AsffFindings;
import dev.credreport.audit.AccountAudit;
import dev.credreport.aws.AccountAccess;
import dev.credreport.aws.AwsSettings;
import dev.credreport.aws.SecurityHubDelivery;
import dev.credreport.aws.SecurityHubSink;
import dev.credreport.aws.Partitions;
import dev.credreport.report.UntrustedText;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * audit --security-hub: sends each account's findings to Security Hub in the chosen region and
 * says on standard error how many went in and how many earlier ones were archived.
 */
final class SecurityHubSending {
    private final AwsSettings settings;
    private final String region;
    private final Instant now;
    private final PrintWriter err;
    private final boolean quiet;

    /** @param now the one observation time of every finding of the run */
    SecurityHubSending(AwsSettings settings, String region, Instant now, PrintWriter err, boolean quiet) {
        this.settings = settings;
        this.region = region;
        this.now = now;
        this.err = err;
        this.quiet = quiet;
    }

    /**
     * Sends one account's findings with that account's credentials when {@code access} is given
     * (a run over many accounts, which knows the account), else with the caller's.
     *
     * @param fetchedAccount the account the run fetched, or null to take it from the report
     */
    void send(AccountAudit audit, AccountAccess access, String fetchedAccount) throws IOException {
        String accountId = fetchedAccount != null ? fetchedAccount : audit.result().accountId();
        if (accountId == null) {
            // A report with no user names no account: there is nothing to file findings under.
            err.println("credreport: note: the report names no account (it lists no user), so nothing was sent to "
                    + "Security Hub");
            return;
        }
        List<AsffFinding> asff = new AsffFindings(region, now).of(audit.result(), audit.findings());
        String partition = asff.isEmpty() ? Partitions.of(region) : asff.get(0).partition();
        Consumer<String> failures = message -> err.println("credreport: account " + accountId + ": "
                + UntrustedText.escape(message));
        SecurityHubSink.Outcome outcome = access == null
                ? SecurityHubDelivery.asCaller(settings, region, accountId, partition, asff, now, failures)
                : SecurityHubDelivery.inAccount(access, settings, region, accountId, partition, asff, now, failures);
        if (!quiet) {
            err.println("credreport: Security Hub (" + region + "): account " + accountId + ": "
                    + count(outcome.imported(), "finding") + " imported, " + count(outcome.archived(), "earlier finding")
                    + " archived");
        }
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
