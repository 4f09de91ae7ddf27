package dev.credreport.aws;

import dev.credreport.asff.AsffFinding;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;

/**
 * Sends one account's findings to Security Hub with the right credentials: BatchImportFindings
 * takes findings of the default product only from the account they belong to, so a member
 * account's findings go with that account's role.
 */
public final class SecurityHubDelivery {
    private SecurityHubDelivery() {
    }

    /** With the caller's own credentials, over an HTTP client made for this send. */
    public static SecurityHubSink.Outcome asCaller(AwsSettings settings, String region, String accountId, String partition,
            List<AsffFinding> findings, Instant now, Consumer<String> failures) {
        AwsCredentialsProvider caller = IamConnection.callerCredentials(settings);
        // As for IAM: a missing profile or an expired SSO login is told as such, not as a failed request.
        IamConnection.resolveNow(caller, settings);
        try (SdkHttpClient http = IamConnection.httpClient(settings, IamConnection.isPlainHttp(settings.securityHubEndpoint()))) {
            return send(settings, caller, http, region, accountId, partition, findings, now, failures);
        }
    }

    /**
     * Says now, before any report is fetched, whether the caller can use Security Hub in the
     * region: one GetFindings of one finding, a permission sending needs anyway. Not enabled
     * there, not allowed, or no such region: the run stops before its first IAM call.
     */
    public static void checkAsCaller(AwsSettings settings, String region) {
        AwsCredentialsProvider caller = IamConnection.callerCredentials(settings);
        IamConnection.resolveNow(caller, settings);
        try (SdkHttpClient http = IamConnection.httpClient(settings, IamConnection.isPlainHttp(settings.securityHubEndpoint()));
                SecurityHubClient client = SecurityHubConnection.open(settings, settings.securityHubEndpoint(), region, caller, http)) {
            try {
                client.getFindings(r -> r.maxResults(1));
            } catch (SdkException e) {
                throw ErrorClassifier.classify(e, AwsCall.securityHubCheck(client, region));
            }
        }
    }

    /** With the credentials of one account of a multi-account run, over the run's HTTP client. */
    public static SecurityHubSink.Outcome inAccount(AccountAccess access, AwsSettings settings, String region, String accountId,
            String partition, List<AsffFinding> findings, Instant now, Consumer<String> failures) {
        // The role's provider is this account's own: closed once its findings are sent.
        try (AccountAccess.AccountCredentials credentials = access.credentialsFor(accountId)) {
            try {
                credentials.resolveCredentials();
            } catch (RuntimeException e) {
                // A role that cannot be assumed is told as such, not as a refusal of Security Hub's.
                throw access.roleFailure(accountId, e);
            }
            return send(settings, credentials, access.http(), region, accountId, partition, findings, now, failures);
        }
    }

    private static SecurityHubSink.Outcome send(AwsSettings settings, AwsCredentialsProvider credentials, SdkHttpClient http,
            String region, String accountId, String partition, List<AsffFinding> findings, Instant now,
            Consumer<String> failures) {
        try (SecurityHubSink sink = new SecurityHubSink(SecurityHubConnection.open(settings, settings.securityHubEndpoint(),
                region, credentials, http), region, null, failures)) {
            return sink.send(accountId, partition, findings, now);
        }
    }
}
