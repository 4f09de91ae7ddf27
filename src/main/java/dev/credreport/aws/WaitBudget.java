package dev.credreport.aws;

import dev.credreport.CredreportException;
import dev.credreport.Durations;
import java.time.Duration;
import java.util.function.Consumer;

/** The --max-wait budget shared by every wait of one fetch. */
final class WaitBudget {
    private final Duration maxWait;
    private final long start = System.nanoTime();

    WaitBudget(Duration maxWait) {
        this.maxWait = maxWait;
    }

    /**
     * Sleeps before the next poll, cut short to what is left of the budget.
     *
     * @param state what the last answer was, for the progress line and the final message
     * @throws CredreportException with exit 5 once the budget is spent
     */
    void waitOrGiveUp(Duration pause, String state, Consumer<String> progress) {
        Duration elapsed = elapsed();
        Duration left = maxWait.minus(elapsed);
        if (left.isNegative() || left.isZero()) {
            throw CredreportException.notReady("the credential report was not ready after waiting "
                    + Durations.format(elapsed) + " (--max-wait " + Durations.format(maxWait) + "): " + state
                    + "; try again later or raise --max-wait");
        }
        progress.accept("waiting for the credential report: " + state + " (" + Durations.format(elapsed) + " so far)");
        Duration sleep = pause.compareTo(left) < 0 ? pause : left;
        try {
            Thread.sleep(sleep.toMillis(), 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CredreportException.notReady("interrupted while waiting for the credential report: " + state);
        }
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
