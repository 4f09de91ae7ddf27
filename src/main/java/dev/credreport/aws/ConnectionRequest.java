package dev.credreport.aws;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * What the user asked for on the command line about reaching AWS, before anything is looked up:
 * the option classes build this, and {@link #resolve} turns it, with the environment and the
 * AWS configuration files, into {@link AwsSettings} once per run.
 *
 * @param profile --profile, or null
 * @param region --region, or null
 * @param endpoint --endpoint-url, or null (IAM's alone, as in the AWS CLI)
 * @param caBundle --ca-bundle, or null
 * @param noVerifySsl --no-verify-ssl
 * @param connectTimeoutSeconds --cli-connect-timeout, 0 for no limit
 * @param readTimeoutSeconds --cli-read-timeout, 0 for no limit
 */
public record ConnectionRequest(String profile, String region, String endpoint, Path caBundle, boolean noVerifySsl,
        int connectTimeoutSeconds, int readTimeoutSeconds) {

    /**
     * The settings this request and the environment give, in the AWS CLI's order of precedence.
     *
     * @param sleeper what waits between attempts ({@link Sleeper#SYSTEM} but in tests)
     */
    public AwsSettings resolve(UnaryOperator<String> environment, Sleeper sleeper) {
        return SettingsResolver.resolve(this, environment, sleeper);
    }
}
