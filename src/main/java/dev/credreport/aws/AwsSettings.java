package dev.credreport.aws;

import java.util.Optional;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.regions.Region;

/**
 * Everything needed to build an IAM client, already resolved from options and environment.
 *
 * @param profile the named profile (--profile, else AWS_PROFILE), or null for the default one
 * @param profileFromOption whether --profile named it: then only that profile gives credentials,
 *     as in the AWS CLI; AWS_PROFILE still lets credentials in the environment come first
 * @param configuredRegion the region the user configured (option, environment or profile), or null
 * @param iamRegion the global IAM region of the partition (aws-global, aws-cn-global, ...)
 * @param endpoint an endpoint override, or null for the partition's IAM endpoint
 * @param stsEndpoint an STS endpoint override (AWS_ENDPOINT_URL_STS), or null
 * @param organizationsEndpoint an Organizations endpoint override (AWS_ENDPOINT_URL_ORGANIZATIONS), or null
 * @param s3Endpoint an S3 endpoint override (AWS_ENDPOINT_URL_S3), or null
 * @param securityHubEndpoint a Security Hub endpoint override (AWS_ENDPOINT_URL_SECURITYHUB), or null
 * @param caBundle a PEM file of trusted certificates, or null for the JVM's
 * @param verifyTls false only with --no-verify-ssl
 * @param connectTimeout zero for no limit
 * @param readTimeout zero for no limit
 * @param sleeper what waits between the SDK's attempts and between polls: {@link Sleeper#SYSTEM}
 *     but in tests
 * @param profiles the AWS config and credentials files as read once for the run
 */
public record AwsSettings(
        String profile,
        boolean profileFromOption,
        String configuredRegion,
        Region iamRegion,
        URI endpoint,
        URI stsEndpoint,
        URI organizationsEndpoint,
        URI s3Endpoint,
        URI securityHubEndpoint,
        Path caBundle,
        boolean verifyTls,
        Duration connectTimeout,
        Duration readTimeout,
        Sleeper sleeper,
        Profiles profiles) {

    public AwsSettings {
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(profiles, "profiles");
        Objects.requireNonNull(iamRegion, "iamRegion");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (connectTimeout.isNegative() || readTimeout.isNegative()) {
            throw new IllegalArgumentException("timeouts cannot be negative");
        }
    }

    /** The profile and where it was named, for messages: "profile 'audit' (AWS_PROFILE)". */
    /**
     * A warning for a configured region this version does not know ("eu-wset-1: no such region;
     * did you mean eu-west-1?"). Not an error: IAM is global, the region only picks the partition,
     * and a region newer than this version must still work.
     */
    public Optional<String> regionWarning() {
        return Regions.unknown(configuredRegion).map(unknown -> "region " + unknown + " (IAM's "
                + Partitions.of(configuredRegion) + " partition endpoint is used)");
    }

    public String profileDescription() {
        return "profile '" + profile + "' (" + (profileFromOption ? "--profile" : "AWS_PROFILE") + ")";
    }

    /** S3's settings: its own endpoint (--endpoint-url is IAM's alone). */
    public S3Settings s3() {
        return S3Settings.of(this, s3Endpoint);
    }

    /** Where requests go, for messages. */
    public String endpointDescription() {
        if (endpoint != null) {
            return endpoint.toString();
        }
        return IamRegions.defaultEndpoint(iamRegion);
    }
}
