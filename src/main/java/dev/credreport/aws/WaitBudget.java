package dev.credreport.aws;

import dev.credreport.core.CredreportException;
import dev.credreport.core.HumanTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The --max-wait budget shared by every wait of one fetch, counted on the given clock from the
 * moment it is made and spent by the given sleeper.
 */
final class WaitBudget {
    private final Duration maxWait;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Instant start;

    WaitBudget(Duration maxWait, Clock clock, Sleeper sleeper) {
        this.maxWait = maxWait;
        this.clock = clock;
        this.sleeper = sleeper;
        this.start = clock.instant();
    }

    /** How long this fetch has waited so far. */
    Duration waited() {
        return elapsed();
    }

    /**
     * Sleeps before the next poll, cut short at the end of the budget, so that the last poll is
     * made as the budget runs out and never after.
     *
     * @param state what the last answer was, for the progress line and the final message
     * @throws CredreportException with exit 5 once the budget is spent
     */
    void waitOrGiveUp(Duration pause, String state, Consumer<String> progress) {
        Duration elapsed = elapsed();
        Duration left = maxWait.minus(elapsed);
        if (left.isNegative() || left.isZero()) {
            throw CredreportException.notReady("the credential report was not ready after waiting "
                    + HumanTime.span(elapsed) + " (--max-wait " + HumanTime.span(maxWait) + "): " + state
                    + "; try again later or raise --max-wait");
        }
        progress.accept("waiting for the credential report: " + state + " (" + HumanTime.span(elapsed) + " so far)");
        Duration sleep = pause.compareTo(left) < 0 ? pause : left;
        try {
            sleeper.sleep(sleep);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CredreportException.notReady("interrupted while waiting for the credential report: " + state);
        }
    }

    private Duration elapsed() {
        return Duration.between(start, clock.instant());
    }
}
