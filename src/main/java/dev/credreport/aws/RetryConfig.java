package dev.credreport.aws;

import dev.credreport.core.CredreportException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The SDK's retry settings, checked before the SDK reads them: it throws a NumberFormatException
 * or IllegalStateException for a bad value, which would read as a bug of ours. The accepted
 * values are the SDK's (case-insensitive modes, a trimmed whole number of at least 1), and the
 * messages name the setting as the AWS CLI's do.
 */
public final class RetryConfig {
    private static final Set<String> MODES = Set.of("legacy", "standard", "adaptive");

    private RetryConfig() {
    }

    /**
     * @param maxAttempts AWS_MAX_ATTEMPTS, or null
     * @param retryMode AWS_RETRY_MODE, or null
     * @param profile the profile whose max_attempts and retry_mode apply (null for "default")
     */
    public static void check(String maxAttempts, String retryMode, String profile) {
        String name = profile == null ? "default" : profile;
        if (maxAttempts != null) {
            checkAttempts(maxAttempts, "AWS_MAX_ATTEMPTS=" + maxAttempts);
        } else {
            Optional<String> fromProfile = Profiles.property(name, "max_attempts");
            fromProfile.ifPresent(value -> checkAttempts(value, "max_attempts = " + value + " in profile '" + name + "'"));
        }
        if (retryMode != null) {
            checkMode(retryMode, "AWS_RETRY_MODE=" + retryMode);
        } else {
            Optional<String> fromProfile = Profiles.property(name, "retry_mode");
            fromProfile.ifPresent(value -> checkMode(value, "retry_mode = " + value + " in profile '" + name + "'"));
        }
    }

    private static void checkAttempts(String value, String setting) {
        int attempts;
        try {
            attempts = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            attempts = 0;
        }
        if (attempts < 1) {
            throw CredreportException.usage(ErrorClassifier.safe(setting) + ": the number of attempts must be a whole number, "
                    + "1 or more (e.g. 5); fix or unset it");
        }
    }

    private static void checkMode(String value, String setting) {
        if (!MODES.contains(value.strip().toLowerCase(Locale.ROOT))) {
            throw CredreportException.usage(ErrorClassifier.safe(setting) + ": the retry mode must be one of legacy, standard, "
                    + "adaptive; fix or unset it");
        }
    }
}
