package dev.credreport.cli;

import dev.credreport.core.CredreportException;
import dev.credreport.aws.AwsSettings;
import dev.credreport.aws.IamRegions;
import dev.credreport.aws.Profiles;
import dev.credreport.aws.RetryConfig;
import dev.credreport.aws.S3Settings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;
import software.amazon.awssdk.regions.Region;

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
            description = "Any region of the partition to use: it picks the partition's global IAM endpoint "
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

    /** The settings these options and the environment give, in the AWS CLI's order of precedence. */
    AwsSettings toSettings(Environment environment) {
        // The AWS CLI checks its configuration before anything else, and so do we: every mistake in
        // it is named as the user's (exit 2), never met later as a failure of the SDK.
        Profiles.check();
        String profileName = firstOf(profile, environment.variable("AWS_PROFILE"));
        if (profileName != null) {
            // The AWS CLI refuses a profile it cannot find even when keys in the environment would do.
            Profiles.requireExists(profileName, profile != null ? "--profile" : "AWS_PROFILE");
        }
        RetryConfig.check(environment.variable("AWS_MAX_ATTEMPTS"), environment.variable("AWS_RETRY_MODE"), profileName);
        String regionName = firstOf(region, environment.variable("AWS_REGION"), environment.variable("AWS_DEFAULT_REGION"));
        if (regionName == null) {
            regionName = Profiles.region(profileName).orElse(null);
        }
        Region iamRegion;
        try {
            iamRegion = IamRegions.globalRegionFor(regionName);
        } catch (IllegalArgumentException e) {
            throw CredreportException.usage("--region: " + e.getMessage());
        }
        String caBundleFile = caBundle != null ? caBundle.toString() : environment.variable("AWS_CA_BUNDLE");
        if (connectTimeoutSeconds < 0 || readTimeoutSeconds < 0) {
            throw CredreportException.usage("--cli-connect-timeout and --cli-read-timeout take seconds, 0 or more");
        }
        return new AwsSettings(
                profileName,
                profile != null,
                regionName,
                iamRegion,
                endpoint(firstOf(iamEndpointOption(), environment.variable("AWS_ENDPOINT_URL_IAM"), environment.variable("AWS_ENDPOINT_URL"))),
                // --endpoint-url is IAM's alone, as in the AWS CLI; the other services take their own variables.
                endpoint(firstOf(environment.variable("AWS_ENDPOINT_URL_STS"), environment.variable("AWS_ENDPOINT_URL"))),
                endpoint(firstOf(environment.variable("AWS_ENDPOINT_URL_ORGANIZATIONS"), environment.variable("AWS_ENDPOINT_URL"))),
                caBundleFile == null ? null : Path.of(caBundleFile),
                !noVerifySsl,
                Duration.ofSeconds(connectTimeoutSeconds),
                Duration.ofSeconds(readTimeoutSeconds));
    }

    /** --endpoint-url, where the command takes it. */
    String iamEndpointOption() {
        return null;
    }

    /** S3's settings: AWS_ENDPOINT_URL_S3, else AWS_ENDPOINT_URL (--endpoint-url is IAM's alone). */
    S3Settings s3Settings(Environment environment) {
        return S3Settings.of(toSettings(environment),
                endpoint(firstOf(environment.variable("AWS_ENDPOINT_URL_S3"), environment.variable("AWS_ENDPOINT_URL"))));
    }

    /** Security Hub's endpoint: AWS_ENDPOINT_URL_SECURITYHUB, else AWS_ENDPOINT_URL, else null for the region's. */
    URI securityHubEndpoint(Environment environment) {
        return endpoint(firstOf(environment.variable("AWS_ENDPOINT_URL_SECURITYHUB"), environment.variable("AWS_ENDPOINT_URL")));
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

    private static URI endpoint(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw CredreportException.usage("endpoint URL '" + url + "' is not an http(s) URL (e.g. https://iam.amazonaws.com)");
    }

    private static String firstOf(String... values) {
        for (String value : values) {
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return null;
    }
}
