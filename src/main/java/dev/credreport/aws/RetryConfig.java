package dev.credreport.aws;

import dev.credreport.core.CredreportException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * The SDK's retry settings, checked before the SDK reads them: it throws a NumberFormatException
 * or IllegalStateException for a bad value, which would read as a bug of ours. The accepted
 * values are the SDK's (case-insensitive modes, a trimmed whole number of at least 1), and the
 * messages name the setting as the AWS CLI's do.
 *
 * <p>It also hands the SDK's pauses between attempts to a {@link Sleeper} other than the
 * system's, so that tests of retries take no time; with the system's the SDK is left as it is.
 */
public final class RetryConfig {
    private static final Set<String> MODES = Set.of("legacy", "standard", "adaptive");
    /** The SDK's standard-mode pauses (SdkDefaultRetrySetting.Standard): full jitter over these bases. */
    private static final Duration BASE_DELAY = Duration.ofMillis(100);
    private static final Duration THROTTLED_BASE_DELAY = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(20);

    private RetryConfig() {
    }

    /**
     * @param maxAttempts AWS_MAX_ATTEMPTS, or null
     * @param retryMode AWS_RETRY_MODE, or null
     * @param profile the profile whose max_attempts and retry_mode apply (null for "default")
     */
    public static void check(String maxAttempts, String retryMode, String profile, Profiles profiles) {
        String name = profile == null ? "default" : profile;
        if (maxAttempts != null) {
            checkAttempts(maxAttempts, "AWS_MAX_ATTEMPTS=" + maxAttempts);
        } else {
            Optional<String> fromProfile = profiles.property(name, "max_attempts");
            fromProfile.ifPresent(value -> checkAttempts(value, "max_attempts = " + value + " in profile '" + name + "'"));
        }
        if (retryMode != null) {
            checkMode(retryMode, "AWS_RETRY_MODE=" + retryMode);
        } else {
            Optional<String> fromProfile = profiles.property(name, "retry_mode");
            fromProfile.ifPresent(value -> checkMode(value, "retry_mode = " + value + " in profile '" + name + "'"));
        }
    }

    /**
     * Has the SDK wait between attempts through {@code sleeper}: it is told the pause the SDK's
     * standard mode would take and the SDK itself then waits no more. The system's sleeper leaves
     * the SDK's own retry strategy, whichever mode the profile or environment chose, untouched.
     */
    static void pauseThrough(Sleeper sleeper, ClientOverrideConfiguration.Builder builder) {
        if (sleeper == Sleeper.SYSTEM) {
            return;
        }
        Consumer<RetryStrategy.Builder<?, ?>> configurator = strategy -> strategy
                .backoffStrategy(through(sleeper, BackoffStrategy.exponentialDelay(BASE_DELAY, MAX_BACKOFF)))
                .throttlingBackoffStrategy(through(sleeper, BackoffStrategy.exponentialDelay(THROTTLED_BASE_DELAY, MAX_BACKOFF)));
        builder.retryStrategy(configurator);
    }

    private static BackoffStrategy through(Sleeper sleeper, BackoffStrategy pauses) {
        return attempt -> {
            try {
                sleeper.sleep(pauses.computeDelay(attempt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Duration.ZERO;
        };
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
