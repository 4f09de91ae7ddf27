package dev.credreport.multi;

import java.time.Duration;
import java.util.Objects;

/**
 * How each account's report is fetched in a run over many accounts.
 *
 * @param maxWait each account's own wait budget for its report
 * @param generate whether to ask AWS to generate a report, or only take the latest one
 * @param concurrency accounts fetched at a time
 */
public record FetchPlan(Duration maxWait, boolean generate, int concurrency) {
    public FetchPlan {
        Objects.requireNonNull(maxWait, "maxWait");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be 1 or more");
        }
    }
}
