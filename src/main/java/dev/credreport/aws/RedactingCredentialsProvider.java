package dev.credreport.aws;

import dev.credreport.log.DebugLog;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/** Tells the debug log which values to mask, as soon as credentials are resolved. */
final class RedactingCredentialsProvider implements AwsCredentialsProvider {
    private final AwsCredentialsProvider delegate;

    RedactingCredentialsProvider(AwsCredentialsProvider delegate) {
        this.delegate = delegate;
    }

    @Override
    public AwsCredentials resolveCredentials() {
        AwsCredentials credentials = delegate.resolveCredentials();
        DebugLog.addSecret(credentials.accessKeyId());
        DebugLog.addSecret(credentials.secretAccessKey());
        if (credentials instanceof AwsSessionCredentials) {
            DebugLog.addSecret(((AwsSessionCredentials) credentials).sessionToken());
        }
        return credentials;
    }
}
