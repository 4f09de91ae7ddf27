package dev.credreport.cli;

import dev.credreport.aws.AwsSettings;
import dev.credreport.aws.ConnectionRequest;
import dev.credreport.aws.S3Settings;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The AWS CLI's connection options, with the same names and environment variables, but IAM's
 * --endpoint-url: what a command that reaches AWS only for S3 (diff --dir s3://) takes, so that
 * its help names no option it would ignore. {@link AwsOptions} adds --endpoint-url.
 */
public class AwsConnectionOptions {
    @Option(names = "--profile", paramLabel = "NAME", converter = NonEmpty.class,
            description = "Use this named profile from ~/.aws/config and ~/.aws/credentials (static keys, "
                    + "role_arn, SSO, credential_process), and nothing else. Default, as in the AWS CLI: keys in the "
                    + "environment, web identity, the profile AWS_PROFILE names (which must exist) or 'default', "
                    + "container and instance credentials.")
    String profile;

    @Option(names = "--region", paramLabel = "REGION", converter = NonEmpty.class,
            description = "The region S3 requests go to first (a bucket elsewhere is reached in its own region), "
                    + "and for IAM any region of the partition: it picks the partition's global IAM endpoint "
                    + "(aws, aws-cn, aws-us-gov). Default: AWS_REGION, AWS_DEFAULT_REGION, the profile's region, "
                    + "else the aws partition.")
    String region;

    @Option(names = "--ca-bundle", paramLabel = "FILE",
            description = "Trust the certificates in this PEM file for TLS. Default: AWS_CA_BUNDLE.")
    Path caBundle;

    @Option(names = "--no-verify-ssl",
            description = "Do not verify TLS certificates. Insecure: only for a trusted proxy or emulator.")
    boolean noVerifySsl;

    @Option(names = "--cli-connect-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Longest wait for a connection, in seconds; 0 waits forever. Default: ${DEFAULT-VALUE}.")
    int connectTimeoutSeconds = 60;

    @Option(names = "--cli-read-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Longest wait for data on an open connection, in seconds; 0 waits forever. "
                    + "Default: ${DEFAULT-VALUE}.")
    int readTimeoutSeconds = 60;

    /** Resolved once per run: reading the AWS configuration files is not repeated by each part that needs it. */
    private AwsSettings resolved;

    /** What was typed, as values: looked up and checked by {@code aws}, not here. */
    ConnectionRequest request() {
        return new ConnectionRequest(profile, region, iamEndpointOption(), caBundle, noVerifySsl, connectTimeoutSeconds,
                readTimeoutSeconds);
    }

    /** The settings these options and the environment give, in the AWS CLI's order of precedence. */
    AwsSettings toSettings(Environment environment) {
        if (resolved == null) {
            resolved = request().resolve(environment::variable, environment.sleeper());
        }
        return resolved;
    }

    /** --endpoint-url, where the command takes it. */
    String iamEndpointOption() {
        return null;
    }

    /** S3's settings: AWS_ENDPOINT_URL_S3, else AWS_ENDPOINT_URL (--endpoint-url is IAM's alone). */
    S3Settings s3Settings(Environment environment) {
        return toSettings(environment).s3();
    }

    /** An option that names something cannot be empty: `--region ''` is a mistake, not a way to say "none". */
    static final class NonEmpty implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (value.isBlank()) {
                throw new TypeConversionException("it is empty; give a value, or leave the option out");
            }
            return value;
        }
    }
}
