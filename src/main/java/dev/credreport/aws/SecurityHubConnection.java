package dev.credreport.aws;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.securityhub.SecurityHubClientBuilder;

/** A Security Hub client built as the IAM client is: the same credentials, TLS trust, timeouts and retries. */
public final class SecurityHubConnection {
    private SecurityHubConnection() {
    }

    /**
     * @param endpoint AWS_ENDPOINT_URL_SECURITYHUB, else AWS_ENDPOINT_URL, else null for the region's own
     * @param credentials the caller's, or a role's in a member account
     */
    public static SecurityHubClient open(AwsSettings settings, URI endpoint, String region, AwsCredentialsProvider credentials,
            SdkHttpClient http) {
        SecurityHubClientBuilder builder = SecurityHubClient.builder()
                // BatchUpdateFindings is a PATCH, which the url-connection client cannot send.
                .httpClient(new PatchOverJdkHttp(http, settings))
                .credentialsProvider(new RedactingCredentialsProvider(credentials))
                // The profile's retry_mode and max_attempts, as for IAM.
                .overrideConfiguration(IamConnection.overrides(settings))
                .region(Region.of(region));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }

    /** A client with the caller's own credentials and its own HTTP client. */
    public static SecurityHubClient open(AwsSettings settings, URI endpoint, String region) {
        return open(settings, endpoint, region, IamConnection.callerCredentials(settings),
                IamConnection.httpClient(settings, IamConnection.isPlainHttp(endpoint)));
    }
}
