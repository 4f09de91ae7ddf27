package dev.credreport.aws;

import dev.credreport.core.CredreportException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.regions.Region;

/** Turns a {@link ConnectionRequest} and the environment into settings, checking the AWS configuration first. */
final class SettingsResolver {
    private SettingsResolver() {
    }

    static AwsSettings resolve(ConnectionRequest request, UnaryOperator<String> environment, Sleeper sleeper) {
        // The AWS CLI checks its configuration before anything else, and so do we: every mistake in
        // it is named as the user's (exit 2), never met later as a failure of the SDK.
        Profiles profiles = Profiles.load();
        String profileName = firstOf(request.profile(), environment.apply("AWS_PROFILE"));
        if (profileName != null) {
            // The AWS CLI refuses a profile it cannot find even when keys in the environment would do.
            profiles.requireExists(profileName, request.profile() != null ? "--profile" : "AWS_PROFILE");
        }
        RetryConfig.check(environment.apply("AWS_MAX_ATTEMPTS"), environment.apply("AWS_RETRY_MODE"), profileName, profiles);
        String regionName = firstOf(request.region(), environment.apply("AWS_REGION"), environment.apply("AWS_DEFAULT_REGION"));
        if (regionName == null) {
            regionName = profiles.region(profileName).orElse(null);
        }
        Region iamRegion;
        try {
            iamRegion = IamRegions.globalRegionFor(regionName);
        } catch (IllegalArgumentException e) {
            throw CredreportException.usage("--region: " + e.getMessage());
        }
        String caBundleFile = request.caBundle() != null ? request.caBundle().toString() : environment.apply("AWS_CA_BUNDLE");
        if (request.connectTimeoutSeconds() < 0 || request.readTimeoutSeconds() < 0) {
            throw CredreportException.usage("--cli-connect-timeout and --cli-read-timeout take seconds, 0 or more");
        }
        return new AwsSettings(
                profileName,
                request.profile() != null,
                regionName,
                iamRegion,
                endpoint(firstOf(request.endpoint(), environment.apply("AWS_ENDPOINT_URL_IAM"), environment.apply("AWS_ENDPOINT_URL"))),
                // --endpoint-url is IAM's alone, as in the AWS CLI; the other services take their own variables.
                endpoint(firstOf(environment.apply("AWS_ENDPOINT_URL_STS"), environment.apply("AWS_ENDPOINT_URL"))),
                endpoint(firstOf(environment.apply("AWS_ENDPOINT_URL_ORGANIZATIONS"), environment.apply("AWS_ENDPOINT_URL"))),
                endpoint(firstOf(environment.apply("AWS_ENDPOINT_URL_S3"), environment.apply("AWS_ENDPOINT_URL"))),
                endpoint(firstOf(environment.apply("AWS_ENDPOINT_URL_SECURITYHUB"), environment.apply("AWS_ENDPOINT_URL"))),
                caBundleFile == null ? null : Path.of(caBundleFile),
                !request.noVerifySsl(),
                Duration.ofSeconds(request.connectTimeoutSeconds()),
                Duration.ofSeconds(request.readTimeoutSeconds()),
                sleeper,
                profiles);
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
