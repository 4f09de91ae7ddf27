package dev.credreport.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** An S3 client built as the IAM client is: the same credentials, TLS trust, timeouts and retries. */
public final class S3Connection {
    private S3Connection() {
    }

    public static S3Client open(S3Settings settings) {
        AwsSettings aws = settings.aws();
        AwsCredentialsProvider credentials = new RedactingCredentialsProvider(IamConnection.callerCredentials(aws));
        // As for IAM: a missing profile or an expired SSO login is told as such, not as a failed request.
        IamConnection.resolveNow(credentials, aws);
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(IamConnection.httpClient(aws, IamConnection.isPlainHttp(settings.endpoint())))
                .credentialsProvider(credentials)
                // The profile's retry_mode and max_attempts, as for IAM.
                .overrideConfiguration(IamConnection.overrides(aws))
                .region(Region.of(settings.region()))
                .forcePathStyle(settings.pathStyle());
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        } else {
            // A bucket in another region than the configured one is reached there, as the AWS CLI does.
            builder.crossRegionAccessEnabled(true);
        }
        return builder.build();
    }
}
