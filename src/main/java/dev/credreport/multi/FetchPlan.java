package dev.credreport.multi;

import java.time.Duration;
import java.util.Objects;

/**
 * How each account's report is fetched in a run over many accounts.
 *
 * @param maxWait each account's own wait budget for its report
 * @param generate whether to ask AWS to generate a report, or only take the latest one
 * @param concurrency accounts fetched at a time
 * @param throttlePatience how long one call may go on being throttled before its account fails
 * @param accountTimeout how long one account may take in all before it is reported failed
 */
public record FetchPlan(Duration maxWait, boolean generate, int concurrency, Duration throttlePatience,
        Duration accountTimeout) {
    /** The default run patience for throttling: --throttle-patience. */
    public static final Duration DEFAULT_THROTTLE_PATIENCE = dev.credreport.aws.RunThrottle.DEFAULT_PATIENCE;
    /** The default deadline of one account: --account-timeout. */
    public static final Duration DEFAULT_ACCOUNT_TIMEOUT = Duration.ofMinutes(20);

    public FetchPlan {
        Objects.requireNonNull(maxWait, "maxWait");
        Objects.requireNonNull(throttlePatience, "throttlePatience");
        Objects.requireNonNull(accountTimeout, "accountTimeout");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be 1 or more");
        }
        if (accountTimeout.isNegative() || accountTimeout.isZero()) {
            throw new IllegalArgumentException("the account timeout must be positive");
        }
    }

    public FetchPlan(Duration maxWait, boolean generate, int concurrency) {
        this(maxWait, generate, concurrency, DEFAULT_THROTTLE_PATIENCE, DEFAULT_ACCOUNT_TIMEOUT);
    }

    public FetchPlan withThrottlePatience(Duration patience) {
        return new FetchPlan(maxWait, generate, concurrency, patience, accountTimeout);
    }

    public FetchPlan withAccountTimeout(Duration timeout) {
        return new FetchPlan(maxWait, generate, concurrency, throttlePatience, timeout);
    }
}
