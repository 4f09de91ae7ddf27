package dev.credreport.aws;

import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * What an S3 client needs beyond the common settings.
 *
 * @param aws credentials, region, TLS and timeouts, as for IAM
 * @param endpoint AWS_ENDPOINT_URL_S3, else AWS_ENDPOINT_URL, else null for S3's own endpoints
 * @param pathStyle whether to put the bucket in the path rather than the host name
 */
public record S3Settings(AwsSettings aws, URI endpoint, boolean pathStyle) {
    public S3Settings {
        Objects.requireNonNull(aws, "aws");
    }

    /**
     * Settings for an endpoint, with path-style addressing where virtual hosts cannot work (an IP
     * address or localhost, as emulators run) or where the profile asks for it
     * ({@code s3 = \n  addressing_style = path}), as the AWS CLI does.
     */
    public static S3Settings of(AwsSettings aws, URI endpoint) {
        return new S3Settings(aws, endpoint, isLocalOrIp(endpoint)
                || "path".equals(addressingStyle(aws.profiles().file(), aws.profile()).orElse(null)));
    }

    /** The region requests are signed for: the configured one, else us-east-1 (S3 redirects to the bucket's own). */
    public String region() {
        return aws.configuredRegion() != null ? aws.configuredRegion() : "us-east-1";
    }

    static boolean isLocalOrIp(URI endpoint) {
        if (endpoint == null || endpoint.getHost() == null) {
            return false;
        }
        String host = endpoint.getHost().toLowerCase(Locale.ROOT);
        if (host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("[")) {
            return true;
        }
        // Only a literal address: no lookup happens for a host made of digits and dots.
        return host.matches("[0-9.]+") && parsesAsAddress(host);
    }

    private static boolean parsesAsAddress(String host) {
        try {
            InetAddress.getByName(host);
            return true;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** The profile's {@code s3.addressing_style}, if it sets one. */
    static Optional<String> addressingStyle(ProfileFile file, String profile) {
        return file.profile(profile == null ? "default" : profile)
                .flatMap(p -> p.property("s3.addressing_style").or(() -> p.property("s3").flatMap(S3Settings::subProperty)));
    }

    /** Reads {@code addressing_style} out of the text of an "s3 =" section with nested lines. */
    static Optional<String> subProperty(String nested) {
        for (String line : nested.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0 && line.substring(0, equals).trim().equals("addressing_style")) {
                return Optional.of(line.substring(equals + 1).trim().toLowerCase(Locale.ROOT));
            }
        }
        return Optional.empty();
    }
}
